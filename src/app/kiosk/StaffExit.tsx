import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { langOf } from '../format/pickText.ts';
import { apiCall } from '../net/httpApi.ts';

/** How long the venue staff hold the kiosk's title before the PIN pad opens. */
export const STAFF_HOLD_MS = 3_000;

/**
 * The venue staff's way out of kiosk mode: hold the title for three seconds, then type the PIN
 * set on the server (YANLIAN_KIOSK_PIN; checked there, never in this bundle). A right PIN leaves
 * for the app's home page; a wrong one says so and clears. Visitors see nothing but the title.
 */
export function useStaffHold(onOpen: () => void) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const cancel = () => clearTimeout(timer.current);
  useEffect(() => cancel, []);
  return {
    onPointerDown: () => {
      cancel();
      timer.current = setTimeout(onOpen, STAFF_HOLD_MS);
    },
    onPointerUp: cancel,
    onPointerLeave: cancel,
    onPointerCancel: cancel,
  };
}

export function StaffExit({ onClose }: { onClose(): void }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const press = (d: string) => {
    setError(null);
    setPin((p) => (p.length < 12 ? p + d : p));
  };
  const submit = async () => {
    setBusy(true);
    const r = await apiCall<{ ok: true }>('POST', '/api/kiosk/unlock', { body: { pin } });
    setBusy(false);
    setPin('');
    if (r.ok) {
      window.location.hash = '#/';
      return;
    }
    setError(lang === 'en' ? r.error.en : r.error.zh);
  };
  return (
    <div className="kiosk-staff" role="dialog" aria-modal="true" data-testid="kiosk-staff">
      <section className="kiosk-card kiosk-staff-card">
        <h2>{t('kiosk.staff.title')}</h2>
        <p className="kiosk-staff-pin" data-testid="kiosk-staff-pin">
          {pin ? '●'.repeat(pin.length) : t('kiosk.staff.hint')}
        </p>
        {error && (
          <p className="kiosk-staff-error" role="alert" data-testid="kiosk-staff-error">
            {error}
          </p>
        )}
        <div className="kiosk-staff-pad">
          {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
            <button key={d} type="button" className="kiosk-btn kiosk-staff-key" data-testid={`kiosk-staff-key-${d}`} onClick={() => press(d)}>
              {d}
            </button>
          ))}
          <button type="button" className="kiosk-btn kiosk-staff-key" data-testid="kiosk-staff-clear" onClick={() => setPin('')}>
            {t('kiosk.staff.clear')}
          </button>
          <button type="button" className="kiosk-btn kiosk-staff-key" data-testid="kiosk-staff-key-0" onClick={() => press('0')}>
            0
          </button>
          <button type="button" className="kiosk-btn kiosk-btn-primary kiosk-staff-key" data-testid="kiosk-staff-ok" disabled={busy || pin.length < 4} onClick={() => void submit()}>
            {t('kiosk.staff.ok')}
          </button>
        </div>
        <button type="button" className="kiosk-btn kiosk-btn-big" data-testid="kiosk-staff-cancel" onClick={onClose}>
          {t('kiosk.staff.cancel')}
        </button>
      </section>
    </div>
  );
}
