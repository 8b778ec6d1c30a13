import { apiPath } from '../kitsu/api-url';
import { httpFailure, unreachable } from '../kitsu/http-failure';
import { readJson } from '../kitsu/kitsu-client';

/**
 * `GET /auth/email-otp?email=`: Kitsu mails a login code to the account named by an email or a
 * desktop login, when it has codes by email on. It answers the same whatever the account, so
 * that nobody can tell accounts apart by asking.
 */
export async function requestEmailOtp(
  apiUrl: string,
  identifier: string,
  fetchImpl: typeof fetch = fetch,
): Promise<void> {
  const url = `${apiPath(apiUrl, '/auth/email-otp')}?email=${encodeURIComponent(identifier)}`;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw unreachable(url, error);
  }
  const body = await readJson(response);
  if (!response.ok) throw httpFailure(response.status, body, 'Asking for a code by email');
}
