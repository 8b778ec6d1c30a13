import type { ServerCheck } from '../../src-shared/session';
import { normalizeApiUrl } from './api-url';
import { readJson } from './kitsu-client';
import { unreachable } from './http-failure';

/**
 * `GET /api` must answer `{"api": "Zou", …}` (REFERENCE §0) for the address to be a Kitsu
 * server. Unreachable hosts throw an `offline` AppError.
 */
export async function checkServer(
  typedUrl: string,
  fetchImpl: typeof fetch = fetch,
): Promise<ServerCheck> {
  const apiUrl = normalizeApiUrl(typedUrl);
  let response: Response;
  try {
    response = await fetchImpl(apiUrl, {
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw unreachable(apiUrl, error);
  }
  const body = await readJson(response);
  if (
    response.ok &&
    body &&
    typeof body === 'object' &&
    (body as { api?: unknown }).api === 'Zou'
  ) {
    const version = (body as { version?: unknown }).version;
    return { status: 'kitsu', apiUrl, version: typeof version === 'string' ? version : null };
  }
  return {
    status: 'not-kitsu',
    apiUrl,
    message:
      `${apiUrl} answered, but it is not a Kitsu server (HTTP ${response.status}). ` +
      'Check the address: use the one of your studio’s Kitsu web page.',
  };
}
