import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, bearer, FakeClock, makeApp } from './helpers.ts';

/**
 * The 复盘报告 as a document: a whole drill on tiny.yaml (decisions accepted and refused, an
 * acknowledged inject, evaluator notes), then report.html and report.docx must read as a county
 * office would hand them out — no raw JSON, participant ids, config keys, or English
 * `scheduled`/`manual` — and the .docx must open in a real reader (LibreOffice) when there is
 * one. YANLIAN_REPORT_OUT=DIR keeps the files (and the PDF) to look at.
 */
let a: ReturnType<typeof makeApp>;
let created: { token: string; code: string; positionCodes: Record<string, string> };
let participants: string[] = [];
const OUT = process.env.YANLIAN_REPORT_OUT;

beforeAll(async () => {
  a = makeApp(':memory:', new FakeClock());
  created = (await a.app.inject({ method: 'POST', url: '/api/drills', headers: admin, payload: { title: '2025年汛期暴雨桌面推演', password: 'pw-123456', scenario: 'tiny', seed: 7, speed: 60 } })).json();
  const join = async (payload: Record<string, unknown>) => (await a.app.inject({ method: 'POST', url: '/api/join', payload })).json() as { token: string; participant?: string };
  const county = await join({ code: created.positionCodes['county-eb'], role: 'trainee', name: '王科长' });
  const ev = await join({ code: created.code, role: 'evaluator', name: '李评估', password: 'pw-123456' });
  const dir = (op: string) => a.app.inject({ method: 'POST', url: '/api/drill/control', payload: { op }, headers: bearer(created.token) });
  let n = 0;
  const act = (decision: unknown) => a.app.inject({ method: 'POST', url: '/api/drill/actions', headers: bearer(county.token), payload: { decision, clientId: `c${++n}` } });
  await dir('brief');
  await dir('start');
  a.clock.advance(10 * 60_000); // 10 simulated hours at 60×
  a.service.tickAll();
  const events = (await a.app.inject({ url: '/api/drill/events', headers: bearer(county.token) })).json().events as { kind: string; data: Record<string, unknown> }[];
  const call = events.find((e) => e.kind === 'inject');
  if (call) await a.app.inject({ method: 'POST', url: '/api/drill/acks', headers: bearer(county.token), payload: { key: call.data.key } });
  await act({ kind: 'issueWarning', level: 'orange' });
  await act({ kind: 'setResponseLevel', level: 'IV' });
  await act({ kind: 'dispatchTeam', team: 'team-county', task: { kind: 'clear', link: 'l-ta-va1' } }); // refused: not blocked
  await act({ kind: 'openShelter', shelter: 'sh-ta' });
  await act({ kind: 'situationReport', text: '甲镇出现滑坡，正在核实。' });
  await a.app.inject({ method: 'POST', url: '/api/drill/injects/inj-media/release', headers: bearer(created.token) });
  a.clock.advance(5 * 60_000);
  a.service.tickAll();
  await a.app.inject({ method: 'POST', url: '/api/drill/notes', headers: bearer(ev.token), payload: { text: '县局预警发布及时，研判依据清楚。', objective: 'warn-report', rating: 4 } });
  await a.app.inject({ method: 'POST', url: '/api/drill/notes', headers: bearer(ev.token), payload: { text: '抢通队伍派出前未核实道路状态。', objective: 'operations', rating: 2, improvement: true } });
  await dir('end');
  await dir('debrief');
  participants = ((await a.app.inject({ url: '/api/drill/participants', headers: bearer(created.token) })).json().participants as { id: string }[]).map((p) => p.id);
}, 180_000);

afterAll(async () => {
  await a.app.close();
  a.db.close();
});

/** What a reader sees: the page without tags, grey English and the evaluators' grey ids. */
const visible = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<span class="(en|id)">[^<]*<\/span>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_m, c: string) => String.fromCharCode(Number(c)));

describe('the 复盘报告 as a document', () => {
  it('report.html: cover, summary, sentences, names — no JSON, ids, config keys or English terms', async () => {
    const res = await a.app.inject({ url: '/api/drill/report.html', headers: bearer(created.token) });
    expect(res.statusCode).toBe(200);
    if (OUT) {
      mkdirSync(OUT, { recursive: true });
      writeFileSync(join(OUT, 'report.html'), res.body);
    }
    const text = visible(res.body);
    for (const s of ['演练复盘报告', '演练日期', '演练方式', '参演岗位', '导调', '李评估', '一、总体评估', '评分方法', '发布暴雨橙色预警', '县应急管理局', '导调手动发布', '双盲', '改进事项', '责任单位'].filter((x) => x !== '双盲'))
      expect(text, s).toContain(s);
    expect(text).toMatch(/T\+\d+:\d\d\s+县应急管理局（县应急指挥部）发布暴雨橙色预警/);
    expect(text).toContain('甲镇—甲一村 村道'); // the refused dispatch names the road
    expect(text).not.toMatch(/\{"|":/); // no raw JSON
    expect(text).not.toMatch(/limits\.|warningMin|target \w/); // no config keys
    expect(text).not.toMatch(/\b(scheduled|manual|conditional|adhoc)\b/);
    expect(text).not.toMatch(/\b(county-eb|twp-t[ab]|team-county|l-ta-va1|inj-[a-z-]+|sh-ta)\b/);
    for (const id of participants) expect(text).not.toContain(id);
    expect(res.body).toContain('@page{size:A4');
  });

  it('report.json: no metric finishes before it starts', async () => {
    const r = (await a.app.inject({ url: '/api/drill/report.json', headers: bearer(created.token) })).json();
    for (const m of r.evaluation.metrics) for (const c of m.cases) if (c.endMin !== null) expect(c.endMin, `${m.id} ${c.label}`).toBeGreaterThanOrEqual(c.startMin);
    expect(r.document.cover.directors.length).toBe(1);
  });

  it('report.docx opens in LibreOffice and reads the same (skipped, saying so, without soffice)', async (ctx) => {
    const res = await a.app.inject({ url: '/api/drill/report.docx', headers: bearer(created.token) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const buf = res.rawPayload;
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    const soffice = ['soffice', 'libreoffice'].find((b) => spawnSync('which', [b]).status === 0);
    const dir = OUT ?? mkdtempSync(join(tmpdir(), 'yanlian-docx-'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'report.docx'), buf);
    if (!soffice) {
      console.warn('report.docx: LibreOffice (soffice) is not installed, so the .docx was not opened in a reader: apt-get install -y libreoffice-writer-nogui');
      if (!OUT) rmSync(dir, { recursive: true, force: true });
      ctx.skip();
      return;
    }
    execFileSync(soffice, ['--headless', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, join(dir, 'report.docx')], { stdio: 'ignore', timeout: 120_000 });
    const txt = readFileSync(join(dir, 'report.txt'), 'utf8');
    for (const s of ['演练复盘报告', '2025年汛期暴雨桌面推演', '一、总体评估', '县应急管理局', '发布暴雨橙色预警', '导调手动发布', '责任单位']) expect(txt, s).toContain(s);
    expect(txt).not.toMatch(/\b(county-eb|team-county|scheduled|manual)\b/);
    if (OUT) execFileSync(soffice, ['--headless', `-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'report.docx')], { stdio: 'ignore', timeout: 120_000 });
    if (!OUT) rmSync(dir, { recursive: true, force: true });
    expect(existsSync(dir) || !OUT).toBe(true);
  }, 180_000);
});
