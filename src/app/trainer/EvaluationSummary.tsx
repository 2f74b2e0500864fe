import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AfterActionReport } from '../../../engine/drill/afterAction.ts';
import type { Verdict } from '../../../engine/drill/evaluateExpected.ts';
import { CONCLUSION_NAMES, VERDICT_NAMES } from '../../../engine/drill/verdictNames.ts';
import { langOf, pickText, type Lang } from '../format/pickText.ts';
import { apiCall } from '../net/httpApi.ts';
import type { ApiError, DrillPhase } from '../net/types.ts';
import { ErrorNote } from '../ui/ErrorNote.tsx';
import './evaluation.css';

type Evaluation = AfterActionReport['evaluation'];

const CLASS: Record<Verdict, string> = { met: 'ok', partly: 'part', not: 'bad', open: '' };
const TEXT = {
  heading: { zh: '评估结果（按内容评判）', en: 'Evaluation (judged by content)' },
  overall: { zh: '总体评估', en: 'Overall' },
  score: { zh: '总分', en: 'score' },
  action: { zh: '预期行动', en: 'Expected action' },
  verdict: { zh: '结论', en: 'Verdict' },
  credit: { zh: '得分', en: 'Credit' },
  why: { zh: '依据', en: 'Why' },
  tally: { zh: '达到 {met} 项，部分达到 {partly} 项（各计 ½），未达到 {not} 项，未评判 {open} 项', en: '{met} met, {partly} partly met (½ each), {not} not met, {open} not judged' },
  none: { zh: '本次演练没有按内容评判的预期行动。', en: 'No expected action was judged by content in this drill.' },
} as const;

const fmt = (s: string, v: Record<string, number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ''));
const num = (x: number | null) => (x === null ? '—' : String(Math.round(x)));

/** The expected actions judged by content, in drill order, from the evaluation's metric cases. Pure. */
export function judgedActions(ev: Evaluation) {
  return ev.metrics.flatMap((m) => m.cases.filter((c) => c.check).map((c) => ({ metric: m.id, name: c.name, label: c.label, check: c.check! })));
}

function Table({ ev, lang }: { ev: Evaluation; lang: Lang }) {
  const rows = judgedActions(ev);
  if (!rows.length) return <p className="hint">{TEXT.none[lang]}</p>;
  const count = (v: Verdict) => rows.filter((r) => r.check.verdict === v).length;
  return (
    <>
      <p className="small" data-testid="eval-tally">
        {fmt(TEXT.tally[lang], { met: count('met'), partly: count('partly'), not: count('not'), open: count('open') })}
      </p>
      <table className="improve-table eval-table">
        <thead>
          <tr>
            <th>{TEXT.action[lang]}</th>
            <th>{TEXT.verdict[lang]}</th>
            <th>{TEXT.credit[lang]}</th>
            <th>{TEXT.why[lang]}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const v = VERDICT_NAMES[r.check.verdict];
            const cls = CLASS[r.check.verdict];
            return (
              <tr key={`${r.metric}:${r.label}`} data-testid="eval-row" data-verdict={r.check.verdict} className={cls}>
                <td>{pickText(r.name, lang)}</td>
                <td>
                  <span className={`tag ${cls}`}>
                    {v.mark} {v[lang]}
                  </span>
                </td>
                <td>{v.credit}</td>
                <td className="small">
                  {pickText(r.check.why, lang)}
                  {r.check.named ? ` — ${pickText(r.check.named, lang)}` : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

/**
 * The debrief's evaluation in the console, as the reports give it: the overall conclusion and
 * score, and every expected action after an inject judged by content — met (1), partly met (½:
 * the right object late, or the wrong object in time), not met (0), not judged. Loaded from
 * `/api/drill/report.json` once the drill is debriefed.
 */
export function EvaluationSummary({ token, phase }: { token: string; phase: DrillPhase }) {
  const { i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const [ev, setEv] = useState<Evaluation | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    if (phase !== 'debriefed') return;
    let live = true;
    void apiCall<AfterActionReport>('GET', '/api/drill/report.json', { token }).then((r) => {
      if (!live) return;
      if (r.ok) setEv(r.value.evaluation);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [token, phase]);
  if (phase !== 'debriefed') return null;
  return (
    <section className="eval-summary" data-testid="eval-summary">
      <h3>{TEXT.heading[lang]}</h3>
      <ErrorNote error={error} />
      {ev ? (
        <>
          <p data-testid="eval-overall">
            {TEXT.overall[lang]}：<b>{CONCLUSION_NAMES[ev.conclusion][lang]}</b>（{TEXT.score[lang]} {num(ev.overall)}）
          </p>
          <ul className="small">
            {ev.objectives.map((o) => (
              <li key={o.id}>
                {pickText(o.name, lang)}：{CONCLUSION_NAMES[o.conclusion][lang]}（{num(o.score)}）
              </li>
            ))}
          </ul>
          <Table ev={ev} lang={lang} />
        </>
      ) : null}
    </section>
  );
}
