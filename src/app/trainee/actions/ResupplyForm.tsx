import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapInfo } from '../../net/types.ts';
import { pickText } from '../../format/pickText.ts';
import { useLang } from '../../ui/useLang.ts';
import { ActionResult } from './ActionResult.tsx';
import { useDecision } from './useDecision.ts';

export interface ResupplyFormProps {
  token: string;
  map: MapInfo;
  disabled: boolean;
}

/** 申请补充: ask the tier above to restock one of this position's stores. */
export function ResupplyForm({ token, map, disabled }: ResupplyFormProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const s = useDecision(token);
  const whs = map.warehouses.filter((w) => map.you?.warehouses.includes(w.id));
  const [warehouse, setWarehouse] = useState(whs[0]?.id ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.submit({ kind: 'requestResupply', warehouse });
  };
  return (
    <form className="action-form form" onSubmit={submit} data-testid="act-requestResupply">
      <label>
        {t('act.warehouse')}
        <select value={warehouse} onChange={(e) => setWarehouse(e.target.value)}>
          {whs.map((w) => (
            <option key={w.id} value={w.id}>
              {pickText(w.name, lang)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn btn-primary" disabled={disabled || s.busy || !warehouse}>
        {t('act.requestResupply')}
      </button>
      <ActionResult state={s} kind="requestResupply" />
    </form>
  );
}
