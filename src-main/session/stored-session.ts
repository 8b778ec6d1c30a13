import { z } from 'zod';
import type { ServerTarget, SessionUser } from '../../src-shared/session';

/** What the secret store holds: enough to log back in at the next start without a prompt. */
const storedSessionSchema = z.object({
  version: z.literal(1),
  server: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('local') }),
    z.object({ kind: z.literal('remote'), url: z.string() }),
  ]),
  /** Last known API URL; the local studio gets a new port at each start. */
  apiUrl: z.string(),
  accessToken: z.string(),
  refreshToken: z.string().nullable(),
  user: z.object({
    id: z.string(),
    fullName: z.string(),
    email: z.string().nullable(),
    desktopLogin: z.string().nullable(),
    role: z.string(),
  }),
});

export interface StoredSession {
  version: 1;
  server: ServerTarget;
  apiUrl: string;
  accessToken: string;
  refreshToken: string | null;
  user: SessionUser;
}

/** null for anything unreadable: a broken file means logging in again, not a crash. */
export function parseStoredSession(text: string | null): StoredSession | null {
  if (!text) return null;
  try {
    const parsed = storedSessionSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function serializeStoredSession(session: StoredSession): string {
  return JSON.stringify(session);
}
