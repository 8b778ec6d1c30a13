import type { ErrorCode } from '../../src-shared/ipc';
import { AppError } from './app-error';

/** Kitsu's error bodies carry `message` (Zou's handlers) or `msg` (flask-jwt-extended). */
export function serverMessage(body: unknown): string | null {
  if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    for (const key of ['message', 'msg', 'error']) {
      const value = record[key];
      if (typeof value === 'string' && value.trim() !== '') return value;
    }
  }
  return null;
}

export function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'auth-expired';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 400 || status === 422) return 'invalid-input';
  return 'server-error';
}

const ADVICE: Record<ErrorCode, string> = {
  'auth-expired': 'Log in again.',
  forbidden: 'Ask your production manager for access.',
  'not-found': 'It may have been deleted; refresh the list.',
  conflict: 'Someone changed it meanwhile; refresh and try again.',
  'invalid-input': 'Check what you entered.',
  'server-error': 'Try again in a moment; if it keeps failing, tell your studio’s Kitsu admin.',
  offline: 'Check your network and that the server is running.',
};

export function httpFailure(status: number, body: unknown, what: string): AppError {
  const code = codeForStatus(status);
  const detail = serverMessage(body);
  const message = `${what} failed (HTTP ${status}${detail ? `: ${detail}` : ''}). ${ADVICE[code]}`;
  return new AppError(code, message, status);
}

export function unreachable(url: string, cause: unknown): AppError {
  const host = safeHost(url);
  const reason = networkReason(cause);
  return new AppError(
    'offline',
    `Cannot reach the server at ${host}${reason ? ` (${reason})` : ''}. ${ADVICE.offline}`,
  );
}

function safeHost(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return url;
  }
}

function networkReason(cause: unknown): string | null {
  if (!(cause instanceof Error)) return null;
  if (cause.name === 'TimeoutError' || cause.name === 'AbortError') return 'no answer in time';
  const inner = (cause as Error & { cause?: unknown }).cause;
  const code = inner && typeof inner === 'object' ? (inner as { code?: unknown }).code : undefined;
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'unknown host name';
    case 'ECONNRESET':
      return 'connection reset';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'connection timed out';
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
      return 'its HTTPS certificate is not trusted';
    default:
      return typeof code === 'string' ? code : null;
  }
}
