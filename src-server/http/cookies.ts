/** Parses a Cookie header into name → value (first occurrence wins). */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    if (cookies.has(name)) continue;
    let value = part.slice(index + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      cookies.set(name, decodeURIComponent(value));
    } catch {
      cookies.set(name, value);
    }
  }
  return cookies;
}

export interface CookieOptions {
  path: string;
  maxAge: number;
}

/** flask-jwt-extended's cookie attributes: HttpOnly, SameSite=Lax, not Secure. */
export function serializeCookie(name: string, value: string, options: CookieOptions): string {
  const expires = new Date(Date.now() + options.maxAge * 1000).toUTCString();
  return `${name}=${value}; Expires=${expires}; Max-Age=${options.maxAge}; HttpOnly; Path=${options.path}; SameSite=Lax`;
}

export function clearCookie(name: string, path: string): string {
  return `${name}=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=${path}; SameSite=Lax`;
}

const BROWSER_FAMILIES = [
  /Edg(e|A|iOS)?\//,
  /OPR\/|Opera/,
  /Vivaldi\//,
  /Brave/,
  /Firefox\/|FxiOS\//,
  /Chrome\/|CriOS\//,
  /Safari\//,
];

/** Zou sets auth cookies only for browser user agents (`is_from_browser`). */
export function isBrowserUserAgent(userAgent: string | undefined): boolean {
  if (!userAgent) return false;
  if (/python-requests|gazu|curl|node|undici|axios|okhttp|Electron/i.test(userAgent)) return false;
  return BROWSER_FAMILIES.some((pattern) => pattern.test(userAgent));
}
