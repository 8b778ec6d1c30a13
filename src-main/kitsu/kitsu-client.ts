import { AppError } from './app-error';
import { apiPath } from './api-url';
import { backoffDelay, sleep } from './backoff';
import { httpFailure, serverMessage, unreachable } from './http-failure';

export interface KitsuTokens {
  accessToken: string;
  refreshToken: string | null;
}

export interface KitsuClientOptions {
  /** `http(s)://host[:port]/api` */
  apiUrl: string;
  tokens: KitsuTokens;
  /** Called after a silent refresh, so that the new access token is stored. */
  onTokensChanged?: (tokens: KitsuTokens) => void | Promise<void>;
  /** Called when the session cannot be refreshed any more: the person must log in again. */
  onAuthLost?: (error: AppError) => void;
  fetch?: typeof fetch;
  /** Attempts for idempotent reads when the network fails (first try included). */
  readAttempts?: number;
  retryBaseMs?: number;
  timeoutMs?: number;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Zou's exact text for an expired JWT: gazu refreshes on it and nothing else. */
export const EXPIRED_SIGNATURE = 'Signature has expired';

const RETRIABLE_STATUSES = new Set([502, 503, 504]);

/**
 * Typed access to one Kitsu API with a person's tokens: Bearer auth, one silent refresh on
 * an expired signature, retries with backoff for reads, failures as AppError codes.
 */
export class KitsuClient {
  readonly apiUrl: string;
  private tokens: KitsuTokens;
  private refreshing: Promise<void> | null = null;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: KitsuClientOptions) {
    this.apiUrl = options.apiUrl;
    this.tokens = options.tokens;
    this.fetchImpl = options.fetch ?? fetch;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  put<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  async request<T>(method: HttpMethod, path: string, body?: unknown): Promise<T> {
    let response = await this.send(method, path, body, this.tokens.accessToken);
    if (isExpiredSignature(response)) {
      await this.refresh();
      response = await this.send(method, path, body, this.tokens.accessToken);
    }
    if (response.status >= 200 && response.status < 300) return response.body as T;
    const failure = httpFailure(response.status, response.body, `${method} ${path}`);
    if (response.status === 401) this.authLost(failure);
    throw failure;
  }

  /** `GET /auth/refresh-token` with the refresh token; concurrent callers share one refresh. */
  private refresh(): Promise<void> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRefresh(): Promise<void> {
    const { refreshToken } = this.tokens;
    if (!refreshToken) {
      throw this.authLost(new AppError('auth-expired', 'Your session has expired. Log in again.'));
    }
    const response = await this.send('GET', '/auth/refresh-token', undefined, refreshToken);
    const accessToken = (response.body as { access_token?: unknown } | null)?.access_token;
    if (response.status !== 200 || typeof accessToken !== 'string') {
      const detail = serverMessage(response.body);
      throw this.authLost(
        new AppError(
          'auth-expired',
          `Your session has expired${detail ? ` (${detail})` : ''}. Log in again.`,
          response.status,
        ),
      );
    }
    this.tokens = { ...this.tokens, accessToken };
    await this.options.onTokensChanged?.(this.tokens);
  }

  private authLost(error: AppError): AppError {
    this.options.onAuthLost?.(error);
    return error;
  }

  /** One HTTP exchange, retried on network failures and gateway errors when it is a read. */
  private async send(
    method: HttpMethod,
    path: string,
    body: unknown,
    token: string,
  ): Promise<{ status: number; body: unknown }> {
    const url = apiPath(this.apiUrl, path);
    const attempts = method === 'GET' ? (this.options.readAttempts ?? 3) : 1;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const response = await this.fetchImpl(url, {
          method,
          headers: {
            Authorization: `Bearer ${token}`,
            Accept: 'application/json',
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
        });
        const parsed = await readJson(response);
        if (RETRIABLE_STATUSES.has(response.status) && attempt < attempts) {
          await sleep(backoffDelay(attempt, this.options.retryBaseMs ?? 250));
          continue;
        }
        return { status: response.status, body: parsed };
      } catch (error) {
        if (attempt >= attempts) throw unreachable(url, error);
        await sleep(backoffDelay(attempt, this.options.retryBaseMs ?? 250));
      }
    }
  }
}

function isExpiredSignature(response: { status: number; body: unknown }): boolean {
  return (
    (response.status === 401 || response.status === 422) &&
    serverMessage(response.body) === EXPIRED_SIGNATURE
  );
}

export async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
