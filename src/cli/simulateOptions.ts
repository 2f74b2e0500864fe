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
}
