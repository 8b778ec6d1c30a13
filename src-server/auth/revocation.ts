import type { Db } from '../db/database';
import type { TokenClaims } from './jwt';
import { REFRESH_TTL_SECONDS } from './jwt';

/** Zou keeps revoked jtis in Redis for the token's lifetime; we keep them in SQLite. */
export function revoke(db: Db, claims: Pick<TokenClaims, 'jti' | 'exp' | 'refresh_jti'>): void {
  const insert = db.prepare('INSERT OR IGNORE INTO revoked_token (jti, expires_at) VALUES (?, ?)');
  const accessExpiry = new Date((claims.exp ?? Date.now() / 1000) * 1000)
    .toISOString()
    .slice(0, 19);
  const refreshExpiry = new Date(Date.now() + REFRESH_TTL_SECONDS * 1000)
    .toISOString()
    .slice(0, 19);
  db.transaction(() => {
    insert.run(claims.jti, accessExpiry);
    if (claims.refresh_jti) insert.run(claims.refresh_jti, refreshExpiry);
  })();
}

export function isRevoked(db: Db, jti: string): boolean {
  return db.prepare('SELECT 1 FROM revoked_token WHERE jti = ?').get(jti) !== undefined;
}

/** Drops entries whose tokens would have expired anyway. */
export function pruneRevoked(db: Db): void {
  db.prepare(
    `DELETE FROM revoked_token WHERE expires_at < strftime('%Y-%m-%dT%H:%M:%S','now')`,
  ).run();
}
