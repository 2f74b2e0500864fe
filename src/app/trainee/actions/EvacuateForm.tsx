import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapInfo } from '../../net/types.ts';
import { pickText } from '../../format/pickText.ts';
import { useLang } from '../../ui/useLang.ts';
import { ActionResult } from './ActionResult.tsx';
import { sitesInArea } from './area.ts';
import { usePicked } from './picked.ts';
import { useDecision } from './useDecision.ts';

export interface EvacuateFormProps {
  token: string;
  map: MapInfo;
  disabled: boolean;
}

/** 转移群众: evacuate the people threatened by a hazard site in this position's area. */
export function EvacuateForm({ token, map, disabled }: EvacuateFormProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const s = useDecision(token);
  const sites = useMemo(() => sitesInArea(map), [map]);
  const [site, setSite] = useState(sites[0]?.id ?? '');
  const formRef = useRef<HTMLFormElement>(null);
  usePicked(
    'evacuate',
    (p) => {
      if (p.kind !== 'site' || !sites.some((x) => x.id === p.id)) return false;
      setSite(p.id);
      return true;
    },
    formRef,
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.submit({ kind: 'evacuate', site });
  };
  return (
    <form ref={formRef} className="action-form form" onSubmit={submit} data-testid="act-evacuate">
      <label>
        {t('act.site')}
        <select value={site} onChange={(e) => setSite(e.target.value)} data-testid="evacuate-site">
          {sites.map((x) => (
            <option key={x.id} value={x.id}>
              {pickText(x.name, lang)} · {t('act.threatened', { people: x.threatenedPeople })}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn btn-primary" disabled={disabled || s.busy || !site} data-testid="evacuate-submit">
        {t('act.evacuate')}
      </button>
      <ActionResult state={s} kind="evacuate" />
    </form>
  );
}
