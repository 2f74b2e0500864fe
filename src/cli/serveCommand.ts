import type { Lang } from '../../engine/index.ts';
import { smsg } from '../server/messages.ts';
import { startServer } from '../server/startServer.ts';
import { CliExit, EXIT } from './cliExit.ts';

/**
 * `yanlian serve [--port P] [--host H] [--db FILE] [--admin-token T] [--max-drafts N]`: the drill
 * server, 127.0.0.1:8080 by default. The admin token (for creating drills) comes from
 * --admin-token, else the YANLIAN_ADMIN_TOKEN environment variable (kept out of `ps`), else a new
 * one is generated and printed at start.
 */
export async function serveCommand(opts: { port?: string; host?: string; db?: string; maxSpeed?: string; adminToken?: string; maxDrafts?: string }, lang: Lang, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const port = Number(opts.port ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliExit(EXIT.badInput, smsg(lang, 'badPort', { detail: String(opts.port) }));
  const maxSpeed = Number(opts.maxSpeed ?? 3600);
  if (!Number.isFinite(maxSpeed) || maxSpeed < 1 || maxSpeed > 1e6) throw new CliExit(EXIT.badInput, smsg(lang, 'badMaxSpeed', { detail: String(opts.maxSpeed) }));
  const adminToken = (opts.adminToken ?? env.YANLIAN_ADMIN_TOKEN)?.trim() || undefined;
  if (adminToken !== undefined && adminToken.length < 12) throw new CliExit(EXIT.badInput, smsg(lang, 'badAdminTokenOpt'));
  const maxDrafts = Number(opts.maxDrafts ?? 20);
  if (!Number.isInteger(maxDrafts) || maxDrafts < 1 || maxDrafts > 10_000) throw new CliExit(EXIT.badInput, smsg(lang, 'badMaxDrafts', { detail: String(opts.maxDrafts) }));
  const host = opts.host ?? '127.0.0.1';
  const db = opts.db ?? 'yanlian-drills.sqlite';
  let server;
  try {
    server = await startServer({ port, host, db, lang, maxSpeed, adminToken, maxDrafts });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE' || err.code === 'EACCES' || err.code === 'EADDRNOTAVAIL')
      throw new CliExit(EXIT.badInput, smsg(lang, 'cannotListen', { host, port, detail: err.code }));
    if (err.code?.startsWith('SQLITE') || err.code === 'ENOENT') throw new CliExit(EXIT.badInput, smsg(lang, 'cannotOpenDb', { db, detail: err.message }));
    throw e;
  }
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.stderr.write(smsg(lang, 'stopping') + '\n');
      void server.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
