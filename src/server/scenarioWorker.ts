// Worker thread of ScenarioParser (scenarioParser.ts): loads uploaded and built-in scenario
// texts (parse → migrate → validate → resolve) off the server's event loop, one at a time, and
// posts each result back (structured clone; the server freezes it again).
import { parentPort } from 'node:worker_threads';
import { loadScenario, type LoadResult } from '../../engine/scenario/index.ts';

export interface ParseJob {
  id: number;
  text: string;
  file: string;
}

export type ParseReply = { id: number; result: LoadResult } | { id: number; error: string };

const port = parentPort!;
port.on('message', (job: ParseJob) => {
  let reply: ParseReply;
  try {
    reply = { id: job.id, result: loadScenario(job.text, job.file) };
  } catch (e) {
    // a text the loader cannot survive (too deep, too big): refused, the worker lives on
    reply = { id: job.id, error: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});
