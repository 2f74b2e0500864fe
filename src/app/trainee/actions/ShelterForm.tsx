import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapInfo } from '../../net/types.ts';
import { pickText } from '../../format/pickText.ts';
import { useLang } from '../../ui/useLang.ts';
import { ActionResult } from './ActionResult.tsx';
import { usePicked } from './picked.ts';
import { useDecision } from './useDecision.ts';

export interface ShelterFormProps {
  token: string;
  map: MapInfo;
  disabled: boolean;
}

/** 开放避难场所: open one of this position's shelters. */
export function ShelterForm({ token, map, disabled }: ShelterFormProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const s = useDecision(token);
  const shelters = map.shelters.filter((x) => map.you?.shelters.includes(x.id));
  const [shelter, setShelter] = useState(shelters[0]?.id ?? '');
  const formRef = useRef<HTMLFormElement>(null);
  usePicked(
    'openShelter',
    (p) => {
      if (p.kind !== 'shelter' || !shelters.some((x) => x.id === p.id)) return false;
      setShelter(p.id);
      return true;
    },
    formRef,
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.submit({ kind: 'openShelter', shelter });
  };
  return (
    <form ref={formRef} className="action-form form" onSubmit={submit} data-testid="act-openShelter">
      <label>
        {t('act.shelter')}
        <select value={shelter} onChange={(e) => setShelter(e.target.value)} data-testid="shelter-select">
          {shelters.map((x) => (
            <option key={x.id} value={x.id}>
              {pickText(x.name, lang)} · {t('resources.capacity', { capacity: x.capacity })}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn btn-primary" disabled={disabled || s.busy || !shelter}>
        {t('act.openShelter')}
      </button>
      <ActionResult state={s} kind="openShelter" />
    </form>
  );
}
