import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The JWT signing secret, generated into the data dir on first start (owner-only file). */
export function loadOrCreateSecret(dataDir: string): Buffer {
  const path = join(dataDir, 'jwt-secret');
  if (existsSync(path)) {
    const secret = Buffer.from(readFileSync(path, 'utf8').trim(), 'hex');
    if (secret.length >= 32) return secret;
    throw new Error(`${path} is damaged: expected a 64-byte hex secret`);
  }
  const secret = randomBytes(64);
  writeFileSync(path, secret.toString('hex'), { mode: 0o600, flag: 'wx' });
  return secret;
}
