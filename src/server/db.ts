import Database from 'better-sqlite3';

/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many ran. Append new
 * ones, never edit old ones. SQL kept portable (no JSON functions, no SQLite-only types beyond
 * WITHOUT ROWID) so a PostgreSQL-family store can follow (ecosystem.md §7).
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE drills (
     id TEXT PRIMARY KEY,
     code TEXT NOT NULL UNIQUE,
     title TEXT NOT NULL,
     mode TEXT NOT NULL CHECK (mode IN ('open', 'blind')),
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     password_hash TEXT NOT NULL,
     secret TEXT NOT NULL,
     scenario_text TEXT NOT NULL,
     scenario_sha256 TEXT NOT NULL,
     scenario_name TEXT NOT NULL,
     config_json TEXT NOT NULL,
     drill_seed INTEGER NOT NULL,
     state_json TEXT NOT NULL,
     head_seq INTEGER NOT NULL DEFAULT 0,
     head_hash TEXT NOT NULL
   );
   CREATE TABLE participants (
     id TEXT PRIMARY KEY,
     drill_id TEXT NOT NULL REFERENCES drills(id),
     role TEXT NOT NULL CHECK (role IN ('director', 'evaluator', 'trainee', 'observer')),
     position TEXT,
     name TEXT NOT NULL,
     token_hash TEXT NOT NULL UNIQUE,
     created_at INTEGER NOT NULL,
     revoked INTEGER NOT NULL DEFAULT 0
   );
   CREATE INDEX participants_drill ON participants (drill_id);
   CREATE TABLE events (
     drill_id TEXT NOT NULL REFERENCES drills(id),
     seq INTEGER NOT NULL,
     at INTEGER NOT NULL,
     t REAL NOT NULL,
     kind TEXT NOT NULL,
     audience TEXT NOT NULL,
     data TEXT NOT NULL,
     prev_hash TEXT NOT NULL,
     hash TEXT NOT NULL,
     PRIMARY KEY (drill_id, seq)
   ) WITHOUT ROWID;`,
  // per-position join codes (only their hashes) and an observer's view granted by the director
  `CREATE TABLE position_codes (
     drill_id TEXT NOT NULL REFERENCES drills(id),
     position TEXT NOT NULL,
     code_hash TEXT NOT NULL UNIQUE,
     created_at INTEGER NOT NULL,
     PRIMARY KEY (drill_id, position)
   );
   ALTER TABLE participants ADD COLUMN view TEXT;`,
  // owners and deadlines of the after-action report's improvement items, typed in by staff
  // before export (keyed by the item's Chinese text: the list is derived from the records)
  `CREATE TABLE improvement_items (
     drill_id TEXT NOT NULL REFERENCES drills(id),
     item_key TEXT NOT NULL,
     owner TEXT NOT NULL,
     deadline TEXT NOT NULL,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (drill_id, item_key)
   ) WITHOUT ROWID;`,
];

export type Db = Database.Database;

/**
 * Opens (or creates) the drill database: one file, WAL journal, synchronous=FULL so a
 * committed event survives a power cut as well as a killed process, foreign keys on, then
 * runs pending migrations in one transaction. `:memory:` works for tests.
 */
export function openDb(file: string): Db {
  const db = new Database(file);
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/** Runs the migrations this database has not seen; returns how many ran. */
export function migrate(db: Db): number {
  const have = db.pragma('user_version', { simple: true }) as number;
  if (have > MIGRATIONS.length) throw new Error(`database schema ${have} is newer than this server (${MIGRATIONS.length})`);
  const run = db.transaction(() => {
    for (let v = have; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]!);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  });
  run();
  return MIGRATIONS.length - have;
}
