import type { SessionUser } from '../../src-shared/session';

/** The Person fields the app shows, from Kitsu's `user` object (login or /auth/authenticated). */
export function toSessionUser(person: unknown): SessionUser {
  const record = (person && typeof person === 'object' ? person : {}) as Record<string, unknown>;
  const text = (key: string): string | null =>
    typeof record[key] === 'string' && record[key] !== '' ? (record[key] as string) : null;
  const fullName =
    text('full_name') ?? [text('first_name'), text('last_name')].filter(Boolean).join(' ');
  return {
    id: text('id') ?? '',
    fullName: fullName || (text('email') ?? ''),
    email: text('email'),
    desktopLogin: text('desktop_login'),
    role: text('role') ?? 'user',
  };
}
