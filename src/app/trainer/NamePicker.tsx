import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** One choice of a name picker: the id sent to the server and the name a person reads. */
export interface NameOption {
  id: string;
  label: string;
  /** shown after the name, e.g. the village of a hazard site */
  hint?: string;
}

export interface NamePickerProps {
  label: string;
  options: readonly NameOption[];
  /** the picked id, '' for none */
  value: string;
  onChange: (id: string) => void;
  testId?: string;
}

/**
 * A searchable picker of names (sites, villages, roads, townships): the trainer types part of a
 * name and picks it from the browser's list; the id behind it is what is sent. Typed text that
 * names nothing is said so, never sent as an id.
 */
export function NamePicker({ label, options, value, onChange, testId }: NamePickerProps) {
  const { t } = useTranslation();
  const listId = useId();
  const shown = (o: NameOption) => (o.hint ? `${o.label}（${o.hint}）` : o.label);
  const current = options.find((o) => o.id === value);
  const [text, setText] = useState(current ? shown(current) : '');
  const typed = text.trim();
  const unknown = typed !== '' && !options.some((o) => shown(o) === typed);
  return (
    <label className="name-picker">
      {label}
      <input
        type="search"
        list={listId}
        value={text}
        placeholder={t('picker.placeholder')}
        data-testid={testId}
        aria-invalid={unknown}
        onChange={(e) => {
          setText(e.target.value);
          const hit = options.find((o) => shown(o) === e.target.value.trim()) ?? options.find((o) => o.label === e.target.value.trim());
          onChange(hit?.id ?? '');
        }}
      />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.id} value={shown(o)} />
        ))}
      </datalist>
      {unknown && <span className="hint warn">{t('picker.noMatch')}</span>}
    </label>
  );
}
