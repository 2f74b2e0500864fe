import type { FastifyInstance } from 'fastify';
import { afterActionReport } from '../../engine/drill/afterAction.ts';
import { verifyChain } from '../../engine/drill/hashChain.ts';
import { whatIf } from '../../engine/drill/whatIf.ts';
import type { AuthFn } from './requestGate.ts';
import type { DrillService, LiveDrill } from './drillService.ts';
import type { ParticipantRow } from './drillStore.ts';
import { apiError } from './messages.ts';
import { firstIssue, WhatIfBody } from './protocol.ts';
import { sha256Node } from './secrets.ts';
import { reportDocx } from './reportDocx.ts';
import { reportHtml } from './reportHtml.ts';
import { FILL_MAX, ImprovementItems } from './improvementItems.ts';

const debriefed = (d: LiveDrill) => d.session.phase === 'debriefed';

/**
 * After the drill: the after-action report (JSON and printable HTML), the integrity check
 * anyone in the drill may run (in full for staff; yes or no for players), the reveal of the sealed scenario and seed (after the debrief),
 * and what-if re-runs. Staff may read the report at any time; others after the debrief.
 */
export function reportRoutes(app: FastifyInstance, svc: DrillService, auth: AuthFn): void {
  const fills = new ImprovementItems(svc.store.db);
  const reportFor = (p: ParticipantRow, d: LiveDrill) => {
    const staff = svc.authorize(p, d, 'report') === null;
    if (!staff && !debriefed(d)) return null;
    return afterActionReport({
      id: d.row.id, title: d.row.title, mode: d.row.mode, scenario: d.scenario, scenarioText: d.row.scenarioText, scenarioSha256: d.row.scenarioSha256,
      config: d.config, records: svc.store.records(d.row.id), outcome: d.session.outcome(), digest: sha256Node,
      participants: svc.store.participants(d.row.id).map((x) => ({ id: x.id, role: x.role, name: x.name })), createdAt: d.row.createdAt,
    });
  };

  app.get('/api/drill/report.json', (req, reply) => {
    const a = auth(req, reply);
    if (!a) return reply;
    const r = reportFor(a.participant, a.drill);
    return r ? r : reply.code(403).send({ error: apiError('notDebriefed') });
  });

  app.get('/api/drill/report.html', async (req, reply) => {
    const a = auth(req, reply);
    if (!a) return reply;
    const r = reportFor(a.participant, a.drill);
    if (!r) return reply.code(403).send({ error: apiError('notDebriefed') });
    const q = req.query as { whatif?: string };
    const n = Math.min(50, Math.max(0, Number(q.whatif) || 0));
    const wi = n && a.drill.session.state.schedule ? whatIf(a.drill.scenario, a.drill.session.state.schedule.engineSeed, a.drill.session.decisions, { seeds: n }) : null;
    // ECharts is loaded on the first report, not when the server starts
    const { drillCharts } = await import('./reportCharts.ts');
    return reply.type('text/html; charset=utf-8').send(reportHtml(r, wi, fills.of(a.drill.row.id), drillCharts(r)));
  });

  // the same report as a Word document county offices can edit (improvement owners, deadlines)
  app.get('/api/drill/report.docx', async (req, reply) => {
    const a = auth(req, reply);
    if (!a) return reply;
    const r = reportFor(a.participant, a.drill);
    if (!r) return reply.code(403).send({ error: apiError('notDebriefed') });
    const buf = await reportDocx(r, fills.of(a.drill.row.id));
    const file = encodeURIComponent(`演练复盘报告-${r.drill.title}.docx`);
    return reply
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', `attachment; filename="report.docx"; filename*=UTF-8''${file}`)
      .send(buf);
  });

  // the report's improvement items with the owner and deadline staff gave each (for report.html
  // and report.docx); directors and evaluators fill them in before export
  app.get('/api/drill/improvements', (req, reply) => {
    const a = auth(req, reply);
    if (!a) return reply;
    if (svc.authorize(a.participant, a.drill, 'report')) return reply.code(403).send({ error: apiError('forbidden', { role: a.participant.role }) });
    const r = reportFor(a.participant, a.drill)!;
    const have = fills.of(a.drill.row.id);
    return { items: r.evaluation.improvements.map((x) => ({ key: x.text.zh, text: x.text, source: x.source, owner: have.get(x.text.zh)?.owner ?? '', deadline: have.get(x.text.zh)?.deadline ?? '' })) };
  });

  app.post('/api/drill/improvements', (req, reply) => {
    const a = auth(req, reply);
    if (!a) return reply;
    const denied = svc.authorize(a.participant, a.drill, 'note');
    if (denied) return reply.code(403).send({ error: denied });
    const b = req.body as { key?: unknown; owner?: unknown; deadline?: unknown } | null;
    const text = (v: unknown) => (typeof v === 'string' ? v.trim() : null);
    const key = text(b?.key);
    const owner = text(b?.owner ?? '');
    const deadline = text(b?.deadline ?? '');
    if (!key || owner === null || deadline === null || owner.length > FILL_MAX || deadline.length > FILL_MAX)
      return reply.code(400).send({ error: apiError('badRequest', { detail: `key, owner ≤ ${FILL_MAX}, deadline ≤ ${FILL_MAX}` }) });
    const r = reportFor(a.participant, a.drill)!;
    if (!r.evaluation.improvements.some((x) => x.text.zh === key)) return reply.code(404).send({ error: apiError('notFound') });
    fills.set(a.drill.row.id, key, { owner, deadline }, svc.now());
    return { ok: true };
  });

  app.get('/api/drill/verify', (req, reply) => {
    const a = auth(req, reply);
    if (!a) return reply;
    const records = svc.store.records(a.drill.row.id);
    const chain = verifyChain(records, sha256Node);
    const commitment = (records.find((r) => r.kind === 'commitment')?.data.commitment as string | undefined) ?? null;
    const d = a.drill;
    const rep = debriefed(d) ? reportFor(a.participant, d) : null;
    // the full check (record count, head hash, the first bad seq) is for directors and
    // evaluators; players learn only whether the chain holds, never how many records there are
    const full = svc.authorize(a.participant, d, 'report') === null;
    return { chain: full ? chain : { ok: chain.ok }, commitment, revealed: debriefed(d), verification: rep?.integrity.verification ?? null };
  });

  app.get('/api/drill/sealed', (req, reply) => {
    const a = auth(req, reply);
    if (!a) return reply;
    if (!debriefed(a.drill)) return reply.code(403).send({ error: apiError('notDebriefed') });
    return { scenarioText: a.drill.row.scenarioText, config: a.drill.config, reveal: a.drill.session.reveal() };
  });

  app.post('/api/drill/whatif', (req, reply) => {
    const a = auth(req, reply);
    if (!a) return reply;
    const denied = svc.authorize(a.participant, a.drill, 'whatIf');
    if (denied) return reply.code(403).send({ error: denied });
    const b = WhatIfBody.safeParse(req.body ?? {});
    if (!b.success) return reply.code(400).send({ error: apiError('badRequest', { detail: firstIssue(b.error) }) });
    const s = a.drill.session;
    if (s.phase !== 'ended' && s.phase !== 'debriefed') return reply.code(409).send({ error: apiError('notDebriefed') });
    return whatIf(a.drill.scenario, s.state.schedule!.engineSeed, s.decisions, b.data);
  });
}
