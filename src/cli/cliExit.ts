/** Thrown by commands to stop with a message and an exit code (no stack trace is shown). */
export class CliExit extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Exit codes: 0 success, 1 replay mismatch, 2 bad input or usage, 3 internal error, 4 the Redis
 * queue cannot be reached (or was lost), 130 interrupted (Ctrl-C; partial results written).
 */
export const EXIT = { ok: 0, mismatch: 1, badInput: 2, internal: 3, unavailable: 4, interrupted: 130 } as const;
