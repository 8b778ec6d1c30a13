import { randomInt } from 'node:crypto';
import type { ServerContext } from '../context';
import type { Db } from '../db/database';
import { checkPassword, hashPassword } from './passwords';

const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const CODE_COUNT = 16;
const CODE_LENGTH = 10;

/** `generate_recovery_codes`: 16 codes of 10 characters from A-Z0-9. */
export function generateRecoveryCodes(): string[] {
  return Array.from({ length: CODE_COUNT }, () => randomString(CODE_LENGTH));
}

/** Uppercase letters and digits, from a CSPRNG (Zou's reset tokens use the same alphabet). */
export function randomString(length: number): string {
  return Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** The codes as stored on the person: a JSON array of bcrypt hashes. */
export async function hashRecoveryCodes(context: ServerContext, codes: string[]): Promise<string> {
  const hashes = await Promise.all(
    codes.map((code) => hashPassword(code, context.settings.bcryptRounds)),
  );
  return JSON.stringify(hashes);
}

export function storedRecoveryHashes(stored: unknown): string[] {
  if (typeof stored !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed) ? parsed.filter((hash) => typeof hash === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * `check_recovery_code`: true when the code matches one of the person's hashes, which is then
 * removed. Single use even under concurrent requests: the removal re-reads the row and only
 * the request that still finds the hash there wins.
 */
export async function consumeRecoveryCode(
  db: Db,
  personId: string,
  code: string,
): Promise<boolean> {
  const read = () =>
    storedRecoveryHashes(
      (
        db.prepare('SELECT otp_recovery_codes FROM person WHERE id = ?').get(personId) as
          { otp_recovery_codes: unknown } | undefined
      )?.otp_recovery_codes,
    );
  for (const hash of read()) {
    if (!(await checkPassword(code, hash))) continue;
    return db.transaction(() => {
      const current = read();
      if (!current.includes(hash)) return false;
      db.prepare('UPDATE person SET otp_recovery_codes = ? WHERE id = ?').run(
        JSON.stringify(current.filter((other) => other !== hash)),
        personId,
      );
      return true;
    })();
  }
  return false;
}
