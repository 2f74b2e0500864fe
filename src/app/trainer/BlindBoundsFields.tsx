import { useTranslation } from 'react-i18next';
import type { BlindBoundsDraft } from '../state/blindBounds.ts';

export interface BlindBoundsFieldsProps {
  value: BlindBoundsDraft;
  onChange: (v: BlindBoundsDraft) => void;
}

/** The trainer's 双盲 bounds: start window, how many and which sites fail, self-blinding. */
export function BlindBoundsFields({ value, onChange }: BlindBoundsFieldsProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<BlindBoundsDraft>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="blind-bounds" data-testid="blind-bounds">
      <legend>{t('create.blindBounds')}</legend>
      <p className="hint">{t('create.blindHint')}</p>
      <div className="row">
        <label>
          {t('create.startFrom')}
          <input type="datetime-local" value={value.startFrom} onChange={(e) => set({ startFrom: e.target.value })} />
        </label>
        <label>
          {t('create.startTo')}
          <input type="datetime-local" value={value.startTo} onChange={(e) => set({ startTo: e.target.value })} />
        </label>
      </div>
      <div className="row">
        <label>
          {t('create.failMin')}
          <input type="number" min={0} inputMode="numeric" value={value.failMin} onChange={(e) => set({ failMin: e.target.value })} />
        </label>
        <label>
          {t('create.failMax')}
          <input type="number" min={0} inputMode="numeric" value={value.failMax} onChange={(e) => set({ failMax: e.target.value })} />
        </label>
      </div>
      <label>
        {t('create.include')}
        <input type="text" value={value.include} placeholder="gh1, gh2" onChange={(e) => set({ include: e.target.value })} />
      </label>
      <label>
        {t('create.exclude')}
        <input type="text" value={value.exclude} onChange={(e) => set({ exclude: e.target.value })} />
      </label>
      <label className="check">
        <input type="checkbox" checked={value.selfBlind} onChange={(e) => set({ selfBlind: e.target.checked })} />
        {t('create.selfBlind')}
      </label>
    </fieldset>
  );
}
