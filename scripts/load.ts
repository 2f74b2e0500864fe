/**
 * `npm run load`: a loopback load test of the drill server. Starts `yanlian serve` on a free
 * port with a fresh database, joins 50 trainees (spread over the scenario's positions) and 3
 * trainers (导调), runs one whole drill at high speed while every trainee keeps acting, and
 * reports records committed per second, frames delivered per second, delivery latency (from
 * the server's commit stamp to receipt) and whether every client received every event meant
 * for it (its WebSocket frames against its own view of the stored log).
 *
 *   npx tsx scripts/load.ts [--trainees 50] [--trainers 3] [--scenario lezhi-rainstorm | FILE.yaml]
 *                           [--speed 3600] [--rate 2] [--json OUT.json]
 *
 * Loopback only: the server listens on 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, NetClient, type Frame } from './drillClient.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const TRAINEES = Number(opt('trainees', '50'));
const TRAINERS = Number(opt('trainers', '3'));
const SCENARIO = opt('scenario', 'lezhi-rainstorm');
const SPEED = Number(opt('speed', '3600'));
const RATE = Number(opt('rate', '2'));
const JSON_OUT = opt('json', '');
const BIN = new URL('../bin/yanlian.js', import.meta.url).pathname;

const dir = mkdtempSync(join(tmpdir(), 'yanlian-load-'));
const db = join(dir, 'load.sqlite');

// creating a drill needs the server admin token (yanlian serve reads it from the environment)
const ADMIN_TOKEN = 'load-test-admin-token';
const server = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--host', '127.0.0.1', '--db', db, '--max-speed', String(Math.max(3600, SPEED))], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, YANLIAN_ADMIN_TOKEN: ADMIN_TOKEN } });
const base = await new Promise<string>((resolve, reject) => {
  let out = '';
  server.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
    if (m) resolve(`http://127.0.0.1:${m[1]}`);
  });
  server.on('exit', (c) => reject(new Error(`server exited with ${c}`)));
});
const wsUrl = base.replace('http', 'ws') + '/ws';
const stop = () => {
  server.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
};

try {
  // a built-in scenario by name, or a scenario file by path (sent as text)
  const scenario = /\.(ya?ml|json)$/.test(SCENARIO) ? { scenarioText: readFileSync(SCENARIO, 'utf8') } : { scenario: SCENARIO };
  const created = (await api(base, 'POST', '/api/drills', { title: '压力测试演练', password: 'load-test-pw', ...scenario, seed: 20250710, speed: SPEED }, ADMIN_TOKEN)).json as {
    token: string;
    code: string;
    positionCodes: Record<string, string>;
  };
  if (!created.token) throw new Error('could not create the drill: ' + JSON.stringify(created));
  const info = (await api(base, 'GET', '/api/drill', undefined, created.token)).json as { map: { positions: { id: string }[] } };
  const positions = info.map.positions.map((p) => p.id);
  const tokens: { token: string; role: string; position: string | null }[] = [{ token: created.token, role: 'director', position: null }];
  for (let i = 1; i < TRAINERS; i++)
    tokens.push({ token: (await api(base, 'POST', '/api/join', { code: created.code, role: 'director', name: `导调${i + 1}`, password: 'load-test-pw' })).json.token as string, role: 'director', position: null });
  for (let i = 0; i < TRAINEES; i++) {
    const position = positions[i % positions.length]!;
    tokens.push({ token: (await api(base, 'POST', '/api/join', { code: created.positionCodes[position], role: 'trainee', name: `演练人员${i + 1}` })).json.token as string, role: 'trainee', position });
  }
  const clients = await Promise.all(tokens.map(() => NetClient.connect(wsUrl)));
  await Promise.all(clients.map((c, i) => c.hello(tokens[i]!.token)));
  const director = clients[0]!;
  await director.request({ type: 'control', op: 'brief' });
  const t0 = performance.now();
  const wall0 = Date.now();
  await director.request({ type: 'control', op: 'start' });

  // trainees keep acting: situation reports, acknowledgements, and the odd real decision
  let sent = 0;
  const results = { ok: 0, refused: 0 };
  const refusedBy: Record<string, number> = {};
  let running = true;
  const loops = clients.slice(TRAINERS).map(async (c, k) => {
    const pos = tokens[TRAINERS + k]!.position!;
    let n = 0;
    const acked = new Set<string>();
    while (running) {
      await new Promise((r) => setTimeout(r, (1000 / RATE) * (0.5 + Math.random())));
      if (!running) break;
      const inj = c.events().find((f) => f.kind === 'inject' && !acked.has(String((f.data as Frame).key)));
      let msg: Frame;
      if (inj) {
        acked.add(String((inj.data as Frame).key));
        msg = { type: 'ack', key: (inj.data as Frame).key };
      } else if (n % 10 === 3) msg = { type: 'action', decision: { kind: 'issueWarning', level: 'yellow' } };
      else msg = { type: 'action', decision: { kind: 'situationReport', text: `${pos} 第${n}次灾情报告：正在核查。`, figures: { affectedPeople: n } } };
      n++;
      sent++;
      c.request(msg, 30_000)
        .then((r) => {
          if (r.ok) results.ok++;
          else {
            results.refused++;
            const code = String((r.error as Frame | undefined)?.code ?? r.type);
            refusedBy[code] = (refusedBy[code] ?? 0) + 1;
          }
        })
        .catch(() => results.refused++);
    }
  });

  await Promise.all(clients.map((c) => c.waitFor((f) => f.kind === 'phase' && (f.data as Frame).to === 'ended', 30 * 60_000)));
  running = false;
  await Promise.all(loops);
  const seconds = (performance.now() - t0) / 1000;
  await new Promise((r) => setTimeout(r, 500));

  // completeness: each client's WebSocket frames equal its view of the stored log
  let complete = 0;
  let expected = 0;
  let delivered = 0;
  const latencies: number[] = [];
  for (let i = 0; i < clients.length; i++) {
    const c = clients[i]!;
    const view: Frame[] = [];
    let since: string | undefined;
    for (;;) {
      const page = (await api(base, 'GET', `/api/drill/events?limit=5000${since ? `&since=${since}` : ''}`, undefined, tokens[i]!.token)).json.events as Frame[];
      view.push(...page);
      if (page.length < 5000) break;
      since = String(page.at(-1)!.cursor);
    }
    const got = c.events();
    expected += view.length;
    delivered += got.length;
    if (got.length === view.length && got.every((f, k) => f.cursor === view[k]!.cursor)) complete++;
    c.frames.forEach((f, k) => {
      if (f.type === 'event' && typeof f.at === 'number' && (f.at as number) >= wall0) latencies.push(c.received[k]! - (f.at as number));
    });
  }
  // the first director sees every record (staff view), from the drill's creation on
  const all = director.events().length;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN) * 10) / 10;
  const rss = readVmHwm(server.pid!);
  const report = {
    scenario: SCENARIO,
    speed: SPEED,
    trainees: TRAINEES,
    trainers: TRAINERS,
    drillWallSeconds: Math.round(seconds * 10) / 10,
    recordsCommitted: all,
    recordsPerSecond: Math.round(all / seconds),
    framesDelivered: delivered,
    framesPerSecond: Math.round(delivered / seconds),
    actionsSent: sent,
    actionsAccepted: results.ok,
    actionsRefused: results.refused,
    refusedBy,
    latencyMs: { p50: q(0.5), p90: q(0.9), p99: q(0.99), max: q(1) },
    completeness: { clientsComplete: complete, clients: clients.length, framesExpected: expected, framesDelivered: delivered },
    serverPeakRssMiB: rss,
  };
  clients.forEach((c) => c.close());
  process.stdout.write(
    [
      `演练服务器压力测试（本机回环） load test on loopback: ${SCENARIO} at ${SPEED}×, ${TRAINEES} trainees + ${TRAINERS} trainers`,
      `  整场演练用时 drill wall time: ${report.drillWallSeconds} s`,
      `  写入事件 records committed: ${all} (${report.recordsPerSecond}/s)`,
      `  推送帧 frames delivered: ${delivered} (${report.framesPerSecond}/s)`,
      `  演练人员操作 trainee messages: ${sent} sent, ${results.ok} accepted, ${results.refused} refused ${JSON.stringify(refusedBy)}`,
      `  推送延迟（提交→客户端收到） delivery latency, commit to receipt: p50 ${report.latencyMs.p50} ms, p90 ${report.latencyMs.p90} ms, p99 ${report.latencyMs.p99} ms, max ${report.latencyMs.max} ms`,
      `  完整性 completeness: ${complete}/${clients.length} clients received every event meant for them (${delivered}/${expected} frames)`,
      `  服务器峰值内存 server peak RSS: ${rss ?? '?'} MiB`,
    ].join('\n') + '\n',
  );
  if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify(report, null, 2) + '\n');
  stop();
  process.exit(complete === clients.length ? 0 : 1);
} catch (e) {
  stop();
  throw e;
}

function readVmHwm(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}
