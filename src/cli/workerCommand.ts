import { availableParallelism } from 'node:os';
import type { Lang } from '../../engine/index.ts';
import { queueTargetOrExit } from '../queue/queueOptions.ts';
import { qmsg } from '../queue/queueMessages.ts';
import { startShardWorker } from '../queue/shardWorker.ts';
import { EXIT } from './cliExit.ts';
import { parseInteger } from './simulateCommand.ts';

/**
 * `yanlian worker --queue redis://[:pass@]host[:port] [--concurrency C]`: processes Monte Carlo
 * shards from the queue (src/queue/shardWorker.ts) until Ctrl-C — the first lets the running
 * shards finish and exits 0, the second exits 130 at once (their locks lapse and another worker
 * redoes them). Redis unreachable at start: exit 4.
 */
export async function workerCommand(opts: { queue: string; concurrency?: string }, lang: Lang): Promise<void> {
  const target = queueTargetOrExit(opts.queue, lang);
  const concurrency = opts.concurrency === undefined ? Math.min(availableParallelism(), 64) : parseInteger('--concurrency', opts.concurrency, [1, 64], lang);
  const w = await startShardWorker({ target, lang, concurrency });
  await new Promise<void>((resolve) => {
    let stopping = false;
    const onSignal = () => {
      if (stopping) process.exit(EXIT.interrupted);
      stopping = true;
      process.stderr.write(qmsg(lang, 'workerStopping') + '\n');
      void w.stop().then(() => {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        resolve();
      });
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
