import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { rename, utimes } from 'node:fs/promises';
import { join } from 'node:path';

interface CachedFile {
  size: number;
  usedAt: number;
}

const KEY = /^[a-z-]+-[0-9a-f-]{36}$/;
const TEMP_PREFIX = '.part-';

/**
 * Preview files on disk, least recently used first out once the folder passes its size cap.
 * The index lives in memory, built from the folder once; a file's mtime is its last use, so
 * the order survives a restart. Half-downloaded files (`.part-*`) never count as cached and
 * are cleared at start.
 */
export class MediaCache {
  private index: Map<string, CachedFile> | null = null;
  private total = 0;
  private lastUse = 0;

  constructor(
    readonly root: string,
    private maxBytes: number,
  ) {}

  /** The cached file of `key`, marked as just used; null when not cached. */
  lookup(key: string): { path: string; size: number } | null {
    const entry = this.entries().get(key);
    if (!entry) return null;
    entry.usedAt = this.tick();
    const path = join(this.root, key);
    const now = new Date();
    void utimes(path, now, now).catch(() => undefined);
    return { path, size: entry.size };
  }

  /** A fresh path to download into, inside the cache folder (same disk: `add` renames). */
  tempPath(): string {
    this.entries();
    return join(this.root, `${TEMP_PREFIX}${randomUUID()}`);
  }

  /** Takes a finished download in, then evicts the least recently used past the cap. */
  async add(key: string, tempPath: string, size: number): Promise<string> {
    if (!KEY.test(key)) throw new Error(`Not a media cache key: ${key}`);
    const index = this.entries();
    const path = join(this.root, key);
    await rename(tempPath, path);
    const previous = index.get(key);
    if (previous) this.total -= previous.size;
    index.set(key, { size, usedAt: this.tick() });
    this.total += size;
    this.evict(key);
    return path;
  }

  /** Bytes the cache holds now. */
  size(): number {
    this.entries();
    return this.total;
  }

  setMaxBytes(maxBytes: number): void {
    this.maxBytes = maxBytes;
    this.evict(null);
  }

  /** Now, but strictly after the last use: two uses in one millisecond keep their order. */
  private tick(): number {
    this.lastUse = Math.max(Date.now(), this.lastUse + 0.001);
    return this.lastUse;
  }

  private evict(keep: string | null): void {
    if (this.total <= this.maxBytes) return;
    const oldestFirst = [...this.entries()].sort((a, b) => a[1].usedAt - b[1].usedAt);
    for (const [key, entry] of oldestFirst) {
      if (this.total <= this.maxBytes) break;
      if (key === keep) continue;
      try {
        rmSync(join(this.root, key), { force: true });
      } catch {
        // Open elsewhere (Windows): it goes on a later eviction.
        continue;
      }
      this.entries().delete(key);
      this.total -= entry.size;
    }
  }

  private entries(): Map<string, CachedFile> {
    if (this.index) return this.index;
    mkdirSync(this.root, { recursive: true });
    const index = new Map<string, CachedFile>();
    for (const name of readdirSync(this.root)) {
      const path = join(this.root, name);
      if (name.startsWith(TEMP_PREFIX) || !KEY.test(name)) {
        rmSync(path, { force: true, recursive: true });
        continue;
      }
      const stats = statSync(path);
      index.set(name, { size: stats.size, usedAt: stats.mtimeMs });
      this.total += stats.size;
      this.lastUse = Math.max(this.lastUse, stats.mtimeMs);
    }
    this.index = index;
    return index;
  }
}
