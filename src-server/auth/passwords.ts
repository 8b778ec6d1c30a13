import { hash, verify } from '@node-rs/bcrypt';

/** bcrypt on libuv's pool (native), so a login never blocks the event loop. */
export async function hashPassword(plain: string, rounds: number): Promise<string> {
  // Same algorithm; `$2b$` is what Zou's bcrypt writes, so hashes move between servers as-is.
  const hashed = await hash(plain, rounds);
  return hashed.startsWith('$2y$') ? `$2b$${hashed.slice(4)}` : hashed;
}

export async function checkPassword(plain: string, stored: string | null): Promise<boolean> {
  if (!stored) return false;
  try {
    return await verify(plain, normalizePrefix(stored));
  } catch {
    return false;
  }
}

// A bcrypt hash of a random string, checked for unknown users so that timing does not tell
// which identifiers exist.
const DUMMY_HASH = '$2b$12$dhSV.a0SUpDJl2cd/rQKjeGCjSliA7R5mBKQ8YeI91A2aIuvv9MWW';

export async function burnDummyCheck(plain: string): Promise<void> {
  await checkPassword(plain, DUMMY_HASH);
}

/** Zou (py-bcrypt) writes `$2b$`; older rows may carry `$2y$`, which is the same algorithm. */
function normalizePrefix(stored: string): string {
  return stored.startsWith('$2y$') ? `$2b$${stored.slice(4)}` : stored;
}
