import { AppError } from './app-error';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * The Kitsu API base URL from what a person typed: a scheme added when missing (https, or
 * http on loopback), query and fragment dropped, and `/api` appended unless it is there,
 * as Kitsu deployments serve the API under `/api`.
 */
export function normalizeApiUrl(typed: string): string {
  let value = typed.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    const host = value.split(/[/:?#]/)[0] ?? '';
    value = `${LOOPBACK.test(host) ? 'http' : 'https'}://${value}`;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AppError(
      'invalid-input',
      `"${typed}" is not a web address. Type one like https://kitsu.example.com.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError(
      'invalid-input',
      `Kitsu servers are reached over http or https, not ${url.protocol}`,
    );
  }
  if (url.username || url.password) {
    throw new AppError('invalid-input', 'Leave the user name and password out of the address.');
  }
  let path = url.pathname.replace(/\/+$/, '');
  if (!path.endsWith('/api')) path = `${path}/api`;
  return `${url.protocol}//${url.host}${path}`;
}

/** `https://host/api` + `/data/x` */
export function apiPath(apiUrl: string, path: string): string {
  return `${apiUrl}${path.startsWith('/') ? path : `/${path}`}`;
}
