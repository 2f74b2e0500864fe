import { useEffect, useRef, useState } from 'react';

/**
 * Calls `onIdle` after `ms` without a touch, click or key anywhere on the page while `active`;
 * `warning` turns true `warnMs` before that (to show a notice). The kiosk's only timer.
 */
export function useIdleTimeout(ms: number, active: boolean, onIdle: () => void, warnMs = 10_000): { warning: boolean } {
  const [warning, setWarning] = useState(false);
  const cb = useRef(onIdle);
  cb.current = onIdle;
  useEffect(() => {
    if (!active) {
      setWarning(false);
      return;
    }
    let idle: ReturnType<typeof setTimeout>;
    let warn: ReturnType<typeof setTimeout>;
    const arm = () => {
      clearTimeout(idle);
      clearTimeout(warn);
      setWarning(false);
      warn = setTimeout(() => setWarning(true), Math.max(0, ms - warnMs));
      idle = setTimeout(() => {
        setWarning(false);
        cb.current();
      }, ms);
    };
    const events = ['pointerdown', 'touchstart', 'keydown', 'wheel'] as const;
    for (const e of events) window.addEventListener(e, arm, { passive: true });
    arm();
    return () => {
      clearTimeout(idle);
      clearTimeout(warn);
      for (const e of events) window.removeEventListener(e, arm);
    };
  }, [ms, active, warnMs]);
  return { warning };
}
