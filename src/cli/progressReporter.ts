import cliProgress from 'cli-progress';
import type { Lang } from '../../engine/index.ts';
import { msg } from './messages.ts';

/** Progress on stderr: a bar on a terminal, otherwise a line at most every second. */
export function progressReporter(total: number, lang: Lang) {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream: process.stderr,
        format: lang === 'zh' ? '模拟 [{bar}] {percentage}% | {value}/{total} 次 | 剩余 {eta_formatted}' : 'simulating [{bar}] {percentage}% | {value}/{total} trials | ETA {eta_formatted}',
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { update: (done: number) => bar.update(done), stop: () => bar.stop() };
  }
  let last = -Infinity;
  return {
    update: (done: number) => {
      const now = performance.now();
      if (now - last < 1000 && done < total) return;
      last = now;
      process.stderr.write(msg(lang, 'simProgress', { done, total, pct: ((done / total) * 100).toFixed(0) }) + '\n');
    },
    stop: () => {},
  };
}
