import { isAppError } from '../kitsu/app-error';
import type { CacheDb } from './cache-db';

/**
 * Reads that still answer offline: each read goes to the server first and its answer is kept;
 * when the server cannot be reached, the last kept answer is returned instead. (Answering from
 * the cache first and refreshing behind is the next step of the offline cache.)
 */
export class CachedReads {
  private readonly select;
  private readonly upsert;

  constructor(db: CacheDb) {
    this.select = db.prepare<[string], { body: string }>(
      'SELECT body FROM cached_read WHERE key = ?',
    );
    this.upsert = db.prepare<[string, string, string]>(
      `INSERT INTO cached_read (key, body, fetched_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET body = excluded.body, fetched_at = excluded.fetched_at`,
    );
  }

  async read<T>(key: string, fetchFromServer: () => Promise<T>): Promise<T> {
    let value: T;
    try {
      value = await fetchFromServer();
    } catch (error) {
      if (!isAppError(error) || error.code !== 'offline') throw error;
      const kept = this.select.get(key);
      if (!kept) throw error;
      return JSON.parse(kept.body) as T;
    }
    this.keep(key, value);
    return value;
  }

  /** The last kept answer, without asking the server; null when there is none. */
  peek<T>(key: string): T | null {
    const kept = this.select.get(key);
    return kept ? (JSON.parse(kept.body) as T) : null;
  }

  /** Keeps an answer the server gave to a write (e.g. the day a time entry changed). */
  keep<T>(key: string, value: T): void {
    this.upsert.run(key, JSON.stringify(value), new Date().toISOString());
  }
}

/** A read through the person's kept reads when their cache is open, straight otherwise. */
export function readThrough<T>(
  reads: CachedReads | null | undefined,
  key: string,
  fetchFromServer: () => Promise<T>,
): Promise<T> {
  return reads ? reads.read(key, fetchFromServer) : fetchFromServer();
}
