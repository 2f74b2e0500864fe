import type { ObserverView, Role } from '../../engine/drill/audience.ts';
import type { SessionState } from '../../engine/drill/drillSession.ts';
import { GENESIS_HASH, sealRecords } from '../../engine/drill/hashChain.ts';
import type { DrillRecord, NewRecord, RecordKind } from '../../engine/drill/records.ts';
import type { Db } from './db.ts';
import { sha256Node } from './secrets.ts';

export interface DrillRow {
  id: string;
  code: string;
  title: string;
  mode: 'open' | 'blind';
  createdAt: number;
  passwordHash: string;
  secret: string;
  scenarioText: string;
  scenarioSha256: string;
  scenarioName: string;
  configJson: string;
  drillSeed: number;
  state: SessionState;
  headSeq: number;
  headHash: string;
}

export interface ParticipantRow {
  id: string;
  drillId: string;
  role: Role;
  position: string | null;
  name: string;
  revoked: boolean;
  /** an observer's view (null: public only; `players` once the director grants it) */
  view: ObserverView | null;
}

type RawDrill = {
  id: string; code: string; title: string; mode: 'open' | 'blind'; created_at: number; password_hash: string; secret: string;
  scenario_text: string; scenario_sha256: string; scenario_name: string; config_json: string; drill_seed: number;
  state_json: string; head_seq: number; head_hash: string;
};
type RawEvent = { seq: number; at: number; t: number; kind: string; audience: string; data: string; prev_hash: string; hash: string };
type RawParticipant = { id: string; drill_id: string; role: Role; position: string | null; name: string; revoked: number; view: string | null };

const toDrill = (r: RawDrill): DrillRow => ({
  id: r.id, code: r.code, title: r.title, mode: r.mode, createdAt: r.created_at, passwordHash: r.password_hash, secret: r.secret,
  scenarioText: r.scenario_text, scenarioSha256: r.scenario_sha256, scenarioName: r.scenario_name, configJson: r.config_json,
  drillSeed: r.drill_seed, state: JSON.parse(r.state_json) as SessionState, headSeq: r.head_seq, headHash: r.head_hash,
});
const toRecord = (r: RawEvent): DrillRecord => ({
  seq: r.seq, at: r.at, t: r.t, kind: r.kind as RecordKind, audience: r.audience, data: JSON.parse(r.data) as Record<string, unknown>, prevHash: r.prev_hash, hash: r.hash,
});
const toParticipant = (r: RawParticipant): ParticipantRow => ({ id: r.id, drillId: r.drill_id, role: r.role, position: r.position, name: r.name, revoked: r.revoked === 1, view: r.view === 'players' ? 'players' : null });

/**
 * The drill store: drills, participants and each drill's append-only, hash-chained log in one
 * SQLite file. Appends run in one transaction with the drill's state, so the log and the state
 * never disagree, and they are committed before the caller shows them to anyone.
 */
export class DrillStore {
  private readonly q;

  constructor(readonly db: Db) {
    this.q = {
      insertDrill: db.prepare(
        `INSERT INTO drills (id, code, title, mode, created_at, updated_at, password_hash, secret, scenario_text, scenario_sha256, scenario_name, config_json, drill_seed, state_json, head_seq, head_hash)
         VALUES (@id, @code, @title, @mode, @createdAt, @createdAt, @passwordHash, @secret, @scenarioText, @scenarioSha256, @scenarioName, @configJson, @drillSeed, @stateJson, 0, @headHash)`,
      ),
      drillById: db.prepare<[string], RawDrill>('SELECT * FROM drills WHERE id = ?'),
      drillByCode: db.prepare<[string], RawDrill>('SELECT * FROM drills WHERE code = ?'),
      drillIdByCode: db.prepare<[string], { id: string }>('SELECT id FROM drills WHERE code = ?'),
      scenarioText: db.prepare<[string], { scenario_text: string }>('SELECT scenario_text FROM drills WHERE id = ?'),
      allDrills: db.prepare<[], RawDrill>('SELECT * FROM drills ORDER BY created_at'),
      head: db.prepare<[string], { head_seq: number; head_hash: string }>('SELECT head_seq, head_hash FROM drills WHERE id = ?'),
      insertEvent: db.prepare(
        'INSERT INTO events (drill_id, seq, at, t, kind, audience, data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      setHead: db.prepare('UPDATE drills SET head_seq = ?, head_hash = ?, state_json = ?, updated_at = ? WHERE id = ?'),
      setState: db.prepare('UPDATE drills SET state_json = ?, updated_at = ? WHERE id = ?'),
      events: db.prepare<[string, number, number], RawEvent>('SELECT * FROM events WHERE drill_id = ? AND seq > ? ORDER BY seq LIMIT ?'),
      insertParticipant: db.prepare(
        'INSERT INTO participants (id, drill_id, role, position, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      participantByToken: db.prepare<[string], RawParticipant>('SELECT * FROM participants WHERE token_hash = ?'),
      participants: db.prepare<[string], RawParticipant>('SELECT * FROM participants WHERE drill_id = ? ORDER BY created_at, rowid'),
      revoke: db.prepare('UPDATE participants SET revoked = 1 WHERE id = ? AND drill_id = ?'),
      setView: db.prepare("UPDATE participants SET view = ? WHERE id = ? AND drill_id = ? AND role = 'observer' AND revoked = 0"),
      setPositionCode: db.prepare(
        'INSERT INTO position_codes (drill_id, position, code_hash, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (drill_id, position) DO UPDATE SET code_hash = excluded.code_hash, created_at = excluded.created_at',
      ),
      positionByCode: db.prepare<[string], { drill_id: string; position: string }>('SELECT drill_id, position FROM position_codes WHERE code_hash = ?'),
    };
  }

  createDrill(d: Omit<DrillRow, 'headSeq' | 'headHash' | 'state'> & { state: SessionState }): void {
    this.q.insertDrill.run({ ...d, stateJson: JSON.stringify(d.state), headHash: GENESIS_HASH });
  }

  drill(id: string): DrillRow | undefined {
    const r = this.q.drillById.get(id);
    return r && toDrill(r);
  }

  drillByCode(code: string): DrillRow | undefined {
    const r = this.q.drillByCode.get(code);
    return r && toDrill(r);
  }

  /** The id of the drill with this code, without reading its row (a join or a lookup needs no scenario text). */
  drillIdByCode(code: string): string | undefined {
    return this.q.drillIdByCode.get(code)?.id;
  }

  /** A drill's stored scenario text (kept out of memory between uses: it may be megabytes). */
  scenarioText(id: string): string | undefined {
    return this.q.scenarioText.get(id)?.scenario_text;
  }

  drills(): DrillRow[] {
    return this.q.allDrills.all().map(toDrill);
  }

  /**
   * Appends records (numbered after the stored head, stamped `at`, hash-chained) and saves the
   * session state, in one transaction. Returns the records as stored.
   */
  append(drillId: string, records: readonly NewRecord[], at: number, state: SessionState): DrillRecord[] {
    const tx = this.db.transaction((): DrillRecord[] => {
      const head = this.q.head.get(drillId);
      if (!head) throw new Error(`no drill ${drillId}`);
      const sealed = sealRecords({ seq: head.head_seq, hash: head.head_hash }, records, at, sha256Node);
      for (const r of sealed) this.q.insertEvent.run(drillId, r.seq, r.at, r.t, r.kind, r.audience, JSON.stringify(r.data), r.prevHash, r.hash);
      const last = sealed.at(-1);
      this.q.setHead.run(last?.seq ?? head.head_seq, last?.hash ?? head.head_hash, JSON.stringify(state), at, drillId);
      return sealed;
    });
    return tx();
  }

  saveState(drillId: string, state: SessionState, at: number): void {
    this.q.setState.run(JSON.stringify(state), at, drillId);
  }

  /** Records after `sinceSeq`, in order (at most `limit`). */
  records(drillId: string, sinceSeq = 0, limit = 1_000_000): DrillRecord[] {
    return this.q.events.all(drillId, sinceSeq, limit).map(toRecord);
  }

  addParticipant(p: Omit<ParticipantRow, 'revoked' | 'view'>, tokenHash: string, at: number): void {
    this.q.insertParticipant.run(p.id, p.drillId, p.role, p.position, p.name, tokenHash, at);
  }

  participantByTokenHash(hash: string): ParticipantRow | undefined {
    const r = this.q.participantByToken.get(hash);
    return r && toParticipant(r);
  }

  participants(drillId: string): ParticipantRow[] {
    return this.q.participants.all(drillId).map(toParticipant);
  }

  revoke(drillId: string, participantId: string): boolean {
    return this.q.revoke.run(participantId, drillId).changes === 1;
  }

  /** Sets an observer's view; false if there is no such (unrevoked) observer in the drill. */
  setView(drillId: string, participantId: string, view: ObserverView | null): boolean {
    return this.q.setView.run(view === 'players' ? 'players' : null, participantId, drillId).changes === 1;
  }

  /**
   * Stores the hash of a position's join code, replacing the previous one (which stops working),
   * for each entry, in one transaction.
   */
  setPositionCodes(drillId: string, codes: readonly { position: string; codeHash: string }[], at: number): void {
    this.db.transaction(() => {
      for (const c of codes) this.q.setPositionCode.run(drillId, c.position, c.codeHash, at);
    })();
  }

  /** The drill and position a join code's hash belongs to. */
  positionByCodeHash(hash: string): { drillId: string; position: string } | undefined {
    const r = this.q.positionByCode.get(hash);
    return r && { drillId: r.drill_id, position: r.position };
  }
}
