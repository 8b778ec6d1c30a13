import type { ErrorCode } from '../../src-shared/ipc';

/** A failure main reports to the renderer: a stable code and a message that says what to do. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The HTTP status behind it, when a server answered. */
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
