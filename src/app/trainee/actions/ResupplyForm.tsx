import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapInfo } from '../../net/types.ts';
import { ActionResult } from './ActionResult.tsx';
import { WarehousePicker } from './WarehousePicker.tsx';
import { ownWarehouses } from './area.ts';
import { usePicked } from './picked.ts';
import { useDecision } from './useDecision.ts';

export interface ResupplyFormProps {
  token: string;
  map: MapInfo;
  disabled: boolean;
}

/** 申请补充: ask the tier above to restock one of this position's stores. */
export function ResupplyForm({ token, map, disabled }: ResupplyFormProps) {
  const { t } = useTranslation();
  const s = useDecision(token);
  const whs = ownWarehouses(map);
  const [warehouse, setWarehouse] = useState(whs[0]?.id ?? '');
  const formRef = useRef<HTMLFormElement>(null);
  usePicked(
    'requestResupply',
    (p) => {
      if (p.kind !== 'warehouse' || !whs.some((w) => w.id === p.id)) return false;
      setWarehouse(p.id);
      return true;
    },
    formRef,
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void s.submit({ kind: 'requestResupply', warehouse });
  };
  return (
    <form ref={formRef} className="action-form form" onSubmit={submit} data-testid="act-requestResupply">
      <WarehousePicker warehouses={whs} value={warehouse} onChange={setWarehouse} />
      <button type="submit" className="btn btn-primary" disabled={disabled || s.busy || !warehouse}>
        {t('act.requestResupply')}
      </button>
      <ActionResult state={s} kind="requestResupply" />
    </form>
  );
}
