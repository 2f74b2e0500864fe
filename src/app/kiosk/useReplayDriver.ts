import { useCallback, useEffect, useRef } from 'react';
import type { Player } from '../playback/player.ts';

/**
 * The kiosk's paced clock: `driveTo(to, seconds, then)` eases the player's time towards `to` over
 * real seconds (requestAnimationFrame), then calls `then`. A new drive cancels the one running;
 * unmounting cancels it too.
 */
export function useReplayDriver(player: Player | null): (to: number, seconds: number, then: () => void) => void {
  const raf = useRef(0);
  const driveTo = useCallback(
    (to: number, seconds: number, then: () => void) => {
      if (!player) return;
      cancelAnimationFrame(raf.current);
      const from = player.t;
      const start = performance.now();
      const step = (now: number) => {
        const k = Math.min(1, (now - start) / 1000 / seconds);
        player.seek(from + (to - from) * k);
        if (k < 1) raf.current = requestAnimationFrame(step);
        else then();
      };
      raf.current = requestAnimationFrame(step);
    },
    [player],
  );
  useEffect(() => () => cancelAnimationFrame(raf.current), []);
  return driveTo;
}
