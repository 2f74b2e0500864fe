/** `yanlian simulate`'s options as given on the command line (text; parsed and checked by the command). */
export interface SimulateOptions {
  trials: string;
  seed: string;
  workers?: string;
  chunk?: string;
  json?: string;
  csv?: string;
  untilSe?: string;
  report?: string;
  /** redis://[:pass@]host[:port]: run the trials as shards on the BullMQ queue */
  queue?: string;
  /** trials per shard with --queue (default: --chunk, else about 1% of the trials) */
  shardSize?: string;
}
