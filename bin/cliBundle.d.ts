/** Types of cliBundle.js (plain JavaScript, run before TypeScript can be loaded). */
export function cliBundle(): Promise<{ main: string; mcWorker: string } | null>;
