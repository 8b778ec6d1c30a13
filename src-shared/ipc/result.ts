/**
 * What crosses IPC: a plain envelope with a stable machine code, never a thrown error
 * (Electron drops custom error properties on the way, electron/electron#24427).
 */
export const ERROR_CODES = [
  'offline',
  'auth-expired',
  'forbidden',
  'not-found',
  'invalid-input',
  'conflict',
  'server-error',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface IpcError {
  code: ErrorCode;
  message: string;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
