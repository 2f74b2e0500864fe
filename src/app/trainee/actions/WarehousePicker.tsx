import { useTranslation } from 'react-i18next';
import type { MapInfo } from '../../net/types.ts';
import { pickText } from '../../format/pickText.ts';
import { useLang } from '../../ui/useLang.ts';

export interface WarehousePickerProps {
  /** the stores to choose from, usually `ownWarehouses(map)` (area.ts) */
  warehouses: MapInfo['warehouses'];
  /** the chosen warehouse id ('' when there is none) */
  value: string;
  onChange: (warehouse: string) => void;
}

/** A labelled select of warehouses by their name in the UI language; shared by 调拨物资 and 申请补充. */
export function WarehousePicker({ warehouses, value, onChange }: WarehousePickerProps) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <label>
      {t('act.warehouse')}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {warehouses.map((w) => (
          <option key={w.id} value={w.id}>
            {pickText(w.name, lang)}
          </option>
        ))}
      </select>
    </label>
  );
}
