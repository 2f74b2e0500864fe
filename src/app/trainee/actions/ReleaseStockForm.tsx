import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapInfo } from '../../net/types.ts';
import { pickText } from '../../format/pickText.ts';
import { useLang } from '../../ui/useLang.ts';
import { ActionResult } from './ActionResult.tsx';
import { WarehousePicker } from './WarehousePicker.tsx';
import { ownWarehouses, villagesInArea } from './area.ts';
import { usePicked } from './picked.ts';
import { useDecision } from './useDecision.ts';

export interface ReleaseStockFormProps {
  token: string;
  map: MapInfo;
  disabled: boolean;
}

/** 调拨物资: send items from one of this position's stores to a village in its area. */
export function ReleaseStockForm({ token, map, disabled }: ReleaseStockFormProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const s = useDecision(token);
  const whs = ownWarehouses(map);
  const villages = useMemo(() => villagesInArea(map), [map]);
  const [warehouse, setWarehouse] = useState(whs[0]?.id ?? '');
  const [village, setVillage] = useState(villages[0]?.id ?? '');
  const [qty, setQty] = useState<Record<string, string>>({});
  const stock = whs.find((w) => w.id === warehouse)?.stock ?? {};
  // a store of this position or a village of its area clicked on the map
  const formRef = useRef<HTMLFormElement>(null);
  usePicked(
    'releaseStock',
    (p) => {
      if (p.kind === 'warehouse' && whs.some((w) => w.id === p.id)) setWarehouse(p.id);
      else if (p.kind === 'village' && villages.some((v) => v.id === p.id)) setVillage(p.id);
      else return false;
      return true;
    },
    formRef,
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const items = Object.fromEntries(
      Object.entries(qty)
        .map(([id, v]) => [id, Number(v)] as const)
        .filter(([, n]) => Number.isFinite(n) && n > 0),
    );
    void s.submit({ kind: 'releaseStock', warehouse, village, items });
  };
  return (
    <form ref={formRef} className="action-form form" onSubmit={submit} data-testid="act-releaseStock">
      <WarehousePicker warehouses={whs} value={warehouse} onChange={setWarehouse} />
      <label>
        {t('act.village')}
        <select value={village} onChange={(e) => setVillage(e.target.value)} data-testid="release-village">
          {villages.map((v) => (
            <option key={v.id} value={v.id}>
              {pickText(v.name, lang)}
            </option>
          ))}
        </select>
      </label>
      <div className="items">
        {map.items.map((i) => (
          <label key={i.id}>
            {pickText(i.name, lang)}
            <span className="small">{t('act.inStock', { n: stock[i.id] ?? 0 })}</span>
            <input type="number" min={0} inputMode="numeric" value={qty[i.id] ?? ''} placeholder="0" onChange={(e) => setQty({ ...qty, [i.id]: e.target.value })} />
          </label>
        ))}
      </div>
      <button type="submit" className="btn btn-primary" disabled={disabled || s.busy || !warehouse || !village}>
        {t('act.releaseStock')}
      </button>
      <ActionResult state={s} kind="releaseStock" />
    </form>
  );
}
