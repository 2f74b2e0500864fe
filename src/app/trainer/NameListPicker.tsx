import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NamePicker, type NameOption } from './NamePicker.tsx';

export interface NameListPickerProps {
  label: string;
  options: readonly NameOption[];
  /** the picked ids, in the order picked */
  value: readonly string[];
  onChange: (ids: string[]) => void;
  /** ids picked elsewhere (e.g. in the other list) that this one must not offer */
  exclude?: readonly string[];
  testId?: string;
}

/**
 * Several names picked one at a time from a searchable list (e.g. the hazard sites a 双盲 drill
 * must or must not fail): each pick becomes a chip with a remove button; the ids are what is kept.
 */
export function NameListPicker({ label, options, value, onChange, exclude = [], testId }: NameListPickerProps) {
  const { t } = useTranslation();
  // a new NamePicker after each pick, so its search box starts empty again
  const [round, setRound] = useState(0);
  const byId = new Map(options.map((o) => [o.id, o]));
  const offered = options.filter((o) => !value.includes(o.id) && !exclude.includes(o.id));
  return (
    <div className="name-list-picker" data-testid={testId}>
      <NamePicker
        key={round}
        label={label}
        options={offered}
        value=""
        testId={testId ? `${testId}-search` : undefined}
        onChange={(id) => {
          if (!id) return;
          onChange([...value, id]);
          setRound((r) => r + 1);
        }}
      />
      {value.length > 0 && (
        <ul className="chips">
          {value.map((id) => (
            <li key={id} className="chip" data-id={id}>
              <span>{byId.get(id)?.label ?? id}</span>
              {byId.get(id)?.hint && <span className="chip-hint">{byId.get(id)!.hint}</span>}
              <button type="button" className="chip-remove" aria-label={t('picker.remove', { name: byId.get(id)?.label ?? id })} onClick={() => onChange(value.filter((x) => x !== id))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
