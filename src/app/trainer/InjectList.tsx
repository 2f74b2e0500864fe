import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiCall } from '../net/httpApi.ts';
import type { ApiError, Bilingual, DrillPhase, EventFrame, ScriptInject, ScriptResponse } from '../net/types.ts';
import type { MapNames } from '../format/MapNames.ts';
import { pickText } from '../format/pickText.ts';
import { simTime } from '../format/simTime.ts';
import { acknowledged, releasedInjects } from '../state/selectors.ts';
import { ErrorNote } from '../ui/ErrorNote.tsx';
import { Panel } from '../ui/Panel.tsx';
import { useLang } from '../ui/useLang.ts';
import { useDrillInfo } from '../net/useDrillInfo.ts';
import { AdhocInjectForm } from './AdhocInjectForm.tsx';
import { NamePicker } from './NamePicker.tsx';
import { nameOptions, type SlotKind } from './nameOptions.ts';

const SLOT_RE = /\{(site|village|link|township)\}/g;

/**
 * The pickers an inject needs when released by hand before its event: a site brings its village
 * and township, a village its township (engine/drill/injectSlots.ts completeFill). Pure.
 */
export function pickersFor(inj: Pick<ScriptInject, 'title' | 'body'>): SlotKind[] {
  const used = new Set<SlotKind>();
  for (const x of [inj.title.zh, inj.title.en ?? '', inj.body.zh, inj.body.en ?? '']) for (const m of x.matchAll(SLOT_RE)) used.add(m[1] as SlotKind);
  const out: SlotKind[] = [];
  if (used.has('site')) out.push('site');
  else if (used.has('village')) out.push('village');
  else if (used.has('township')) out.push('township');
  if (used.has('link')) out.push('link');
  return out;
}

export interface InjectListProps {
  token: string;
  events: readonly EventFrame[];
  phase: DrillPhase;
  names: MapNames;
  canRelease: boolean;
  positions: { id: string; name: Bilingual }[];
}

/**
 * The MSEL (情景事件清单): each scripted inject with its trigger, recipients and expected
 * actions, whether and when it went out, who acknowledged it, and a release button for those
 * not yet out. With a self-blinded director only what was released is listed.
 */
export function InjectList({ token, events, phase, names, canRelease, positions }: InjectListProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [script, setScript] = useState<ScriptResponse | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [errorFor, setErrorFor] = useState<string | null>(null);
  const [fills, setFills] = useState<Record<string, Partial<Record<SlotKind, string>>>>({});
  const { info } = useDrillInfo(token);
  const released = useMemo(() => releasedInjects(events), [events]);
  const acks = useMemo(() => acknowledged(events), [events]);
  const releasedCount = released.length;

  // the script is the director's own reading of the server's config; refreshed as injects go out
  useEffect(() => {
    let live = true;
    void apiCall<ScriptResponse>('GET', '/api/drill/script', { token }).then((r) => {
      if (!live) return;
      if (r.ok) setScript(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [token, releasedCount, phase]);

  const release = async (id: string) => {
    setErrorFor(id);
    setError(null);
    const r = await apiCall('POST', `/api/drill/injects/${encodeURIComponent(id)}/release`, { token, body: { fill: fills[id] ?? {} } });
    if (!r.ok) setError(r.error);
  };

  const injects: ScriptInject[] = script ? (script.selfBlind ? script.released : script.config.injects) : [];
  const upcoming = script && !script.selfBlind ? new Map(script.upcoming.map((u) => [u.key, u.atMin])) : new Map<string, number>();
  const active = phase === 'running' || phase === 'paused';
  const trigger = (inj: ScriptInject) => {
    const tr = inj.trigger;
    if (tr.kind === 'at') return t('msel.at', { time: simTime(tr.offsetMin) });
    if (tr.kind === 'on') return t('msel.on', { event: t(`eventName.${tr.event}`, { defaultValue: tr.event }), delay: tr.delayMin });
    return t('msel.manual');
  };
  const adhoc = released.filter((r) => r.key.startsWith('inject:adhoc-'));
  // before release the script still holds {site}/{village}/{link}/{township}: the server fills them
  // from the triggering event (engine/drill/planner.ts fillText), so say so instead of showing braces
  const text = (b: Bilingual) => pickText(b, lang).replace(/\{(site|village|link|township)\}/g, (_m, k: string) => t('msel.slot', { what: t(`msel.slotName.${k}`) }));

  return (
    <Panel title={t('msel.heading')} testId="inject-list" className="span-2">
      {script?.selfBlind && <p className="hint">{t('msel.selfBlind', { pending: script.pending })}</p>}
      <ol className="inject-list">
        {injects.map((inj) => {
          const rel = released.find((r) => r.inject === inj.id);
          const key = `inject:${inj.id}`;
          const due = upcoming.get(key);
          return (
            <li key={inj.id} className={rel ? 'released' : ''} data-testid={`inject-${inj.id}`}>
              <div className="inject-head">
                <strong>{rel ? pickText(rel.title, lang, text(inj.title)) : text(inj.title)}</strong>
                <span className="tag">{t(`channel.${inj.channel}`)}</span>
                <span className="tag">{inj.to.length ? inj.to.map((p) => names.name('position', p, lang)).join('、') : t('msel.everyone')}</span>
              </div>
              <p className="inject-body">{rel ? pickText(rel.body, lang, text(inj.body)) : text(inj.body)}</p>
              <p className="meta">
                {trigger(inj)}
                {due !== undefined && !rel && <> · {t('msel.due', { time: simTime(due) })}</>}
              </p>
              {inj.expected.length > 0 && (
                <ul className="expected">
                  {inj.expected.map((x) => (
                    <li key={x.id}>{t('msel.expected', { label: pickText(x.label, lang), minutes: x.withinMin })}</li>
                  ))}
                </ul>
              )}
              {rel ? (
                <p className="status ok" data-testid="inject-status">
                  {t('msel.released', { time: simTime(rel.t), how: t(`how.${rel.how}`, { defaultValue: rel.how }) })}
                  {acks.get(key)?.size ? ` · ${t('msel.acked', { who: [...acks.get(key)!].map((p) => names.name('position', p, lang)).join('、') })}` : ''}
                </p>
              ) : (
                canRelease && (
                  <div className="release-row">
                    {due === undefined && info &&
                      pickersFor(inj).map((k) => (
                        <NamePicker
                          key={k}
                          label={t('msel.fillWith', { what: t(`msel.slotPick.${k}`) })}
                          options={nameOptions(info.map, k, lang)}
                          value={fills[inj.id]?.[k] ?? ''}
                          onChange={(id) => setFills((f) => ({ ...f, [inj.id]: { ...f[inj.id], [k]: id || undefined } }))}
                          testId={`fill-${inj.id}-${k}`}
                        />
                      ))}
                    <button type="button" className="btn btn-primary" disabled={!active} onClick={() => void release(inj.id)} data-testid={`release-${inj.id}`}>
                      {t('msel.release')}
                    </button>
                  </div>
                )
              )}
              {errorFor === inj.id && <ErrorNote error={error} testId="release-error" />}
            </li>
          );
        })}
        {adhoc.map((a) => (
          <li key={a.key} className="released">
            <div className="inject-head">
              <strong>{pickText(a.title, lang)}</strong>
              <span className="tag">{t(`channel.${a.channel}`, { defaultValue: a.channel })}</span>
              <span className="tag">{t('how.adhoc')}</span>
            </div>
            <p className="inject-body">{pickText(a.body, lang)}</p>
            <p className="status ok">{t('msel.released', { time: simTime(a.t), how: t('how.adhoc') })}</p>
          </li>
        ))}
      </ol>
      {errorFor === null && <ErrorNote error={error} />}
      {canRelease && active && <AdhocInjectForm token={token} positions={positions} />}
    </Panel>
  );
}
