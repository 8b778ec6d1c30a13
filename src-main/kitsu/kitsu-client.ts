import { AppError } from './app-error';
import { apiPath } from './api-url';
import { backoffDelay, sleep } from './backoff';
import { httpFailure, serverMessage, unreachable } from './http-failure';
import { failWhenStalled } from './stall-watchdog';
import { expiresWithin } from './token-expiry';

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
  /** For multipart uploads, which may carry hundreds of megabytes. */
  uploadTimeoutMs?: number;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A request body streamed as it is sent (a large upload), with its length known ahead. */
export interface StreamedBody {
  stream: ReadableStream<Uint8Array>;
  contentType: string;
  length: number;
}

/** Makes the body anew for each attempt: a stream is read once. */
class StreamedRequest {
  constructor(readonly make: () => StreamedBody) {}
}

/**
 * How long an upload may take: the given time, or what 200 KB/s would need for a large file
 * on a slow line; whole milliseconds (AbortSignal.timeout refuses fractions).
 */
export function uploadTimeoutMs(baseMs: number, bytes: number): number {
  return Math.ceil(Math.max(baseMs, bytes / 200));
}

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

  /**
   * A multipart POST (files as Blobs, read as they are sent). A token about to expire is
   * renewed first rather than after the server refused a whole upload; should the server
   * still refuse it as expired, the same form goes again (a Blob can be read twice).
   */
  async postForm<T>(path: string, form: FormData): Promise<T> {
    if (expiresWithin(this.tokens.accessToken, 60_000)) await this.refresh();
    return this.request<T>('POST', path, form);
  }

  /**
   * A POST whose body streams from disk (a preview upload), with progress in the caller's
   * hands. Renewed like `postForm` before it starts; sent again once on an expired signature.
   */
  async postStreamed<T>(path: string, make: () => StreamedBody): Promise<T> {
    if (expiresWithin(this.tokens.accessToken, 60_000)) await this.refresh();
    return this.request<T>('POST', path, new StreamedRequest(make));
  }

  put<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  /**
   * A binary GET (an attachment, a media file): the open response, its body left for the
   * caller to stream. Same refresh on an expired signature and same failures as `request`.
   */
  async download(path: string): Promise<Response> {
    let response = await this.open(path, this.tokens.accessToken);
    if (response.ok) return response;
    let body = await readJson(response);
    if (isExpiredSignature({ status: response.status, body })) {
      await this.refresh();
      response = await this.open(path, this.tokens.accessToken);
      if (response.ok) return response;
      body = await readJson(response);
    }
    const failure = httpFailure(response.status, body, `GET ${path}`);
    if (response.status === 401) this.authLost(failure);
    throw failure;
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

  /** The access token in use now; it changes after a refresh (socket.io sends it too). */
  get accessToken(): string {
    return this.tokens.accessToken;
  }

  /**
   * Renews the access token now, as when a request met an expired signature (the socket.io
   * server refuses an expired token without saying why). Fails with `auth-expired`, and ends
   * the session, when it cannot be renewed.
   */
  refreshAccessToken(): Promise<void> {
    return this.refresh();
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
        const isForm = body instanceof FormData;
        const streamed = body instanceof StreamedRequest ? body.make() : null;
        const isUpload = isForm || streamed !== null;
        const response = await this.fetchImpl(url, {
          method,
          headers: {
            Authorization: `Bearer ${token}`,
            Accept: 'application/json',
            // fetch writes a form's own Content-Type, with its boundary.
            ...(body === undefined || isForm
              ? {}
              : streamed
                ? {
                    'Content-Type': streamed.contentType,
                    'Content-Length': String(streamed.length),
                  }
                : { 'Content-Type': 'application/json' }),
          },
          body:
            body === undefined
              ? undefined
              : isForm
                ? body
                : streamed
                  ? streamed.stream
                  : JSON.stringify(body),
          ...(streamed ? { duplex: 'half' } : {}),
          signal: AbortSignal.timeout(
            isUpload
              ? uploadTimeoutMs(this.options.uploadTimeoutMs ?? 600_000, streamed?.length ?? 0)
              : (this.options.timeoutMs ?? 30_000),
          ),
        } as RequestInit);
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

  /** A GET whose body stays unread, retried like a read until its headers arrive. */
  private async open(path: string, token: string): Promise<Response> {
    const url = apiPath(this.apiUrl, path);
    const attempts = this.options.readAttempts ?? 3;
    for (let attempt = 1; ; attempt += 1) {
      // The timeout covers the wait for an answer; a large file may take longer, as long as
      // its bytes keep coming.
      const timeoutMs = this.options.timeoutMs ?? 30_000;
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      try {
        const response = await this.fetchImpl(url, {
          method: 'GET',
          headers: { Authorization: `Bearer ${token}` },
          signal: controller.signal,
        });
        if (!RETRIABLE_STATUSES.has(response.status) || attempt >= attempts) {
          return failWhenStalled(response, timeoutMs, () => controller.abort());
        }
        await response.body?.cancel();
      } catch (error) {
        if (attempt >= attempts) throw unreachable(url, error);
      } finally {
        clearTimeout(timer);
      }
      await sleep(backoffDelay(attempt, this.options.retryBaseMs ?? 250));
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
