import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual, EventFrame } from '../net/types.ts';
import { pickText } from '../format/pickText.ts';
import { participants } from '../state/selectors.ts';
import { Panel } from '../ui/Panel.tsx';
import { useLang } from '../ui/useLang.ts';

export interface JoinCodesProps {
  code: string;
  positions: { id: string; name: Bilingual }[];
  events: readonly EventFrame[];
}

/**
 * The drill code to read out, a join link per position (岗位) for the trainees' screens, and
 * who has joined so far.
 */
export function JoinCodes({ code, positions, events }: JoinCodesProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const joined = useMemo(() => participants(events), [events]);
  const base = `${location.origin}${location.pathname}#/trainee?code=${encodeURIComponent(code)}`;
  const byPosition = new Map<string, string[]>();
  for (const p of joined) if (p.position) byPosition.set(p.position, [...(byPosition.get(p.position) ?? []), p.name]);
  return (
    <Panel title={t('codes.heading')} testId="join-codes" className="span-2">
      <p className="drill-code" data-testid="drill-code">
        {code}
      </p>
      <p className="hint">{t('codes.hint', { url: `${location.origin}${location.pathname}#/trainee` })}</p>
      <details>
        <summary>{t('codes.positions', { count: positions.length })}</summary>
        <ul className="positions">
          {positions.map((p) => (
            <li key={p.id}>
              <a href={`${base}&position=${encodeURIComponent(p.id)}`} target="_blank" rel="noreferrer">
                {pickText(p.name, lang)}
              </a>{' '}
              <code>{p.id}</code> {byPosition.has(p.id) && <span className="tag ok">{t('codes.joined', { names: byPosition.get(p.id)!.join('、') })}</span>}
            </li>
          ))}
        </ul>
      </details>
      <p data-testid="participant-count">{t('codes.participants', { count: joined.length })}</p>
    </Panel>
  );
}
