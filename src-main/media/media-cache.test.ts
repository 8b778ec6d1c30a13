import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MediaCache } from './media-cache';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function freshRoot(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shotdesk-media-'));
  dirs.push(dir);
  return join(dir, 'media');
}

async function put(cache: MediaCache, key: string, bytes: number): Promise<void> {
  const temp = cache.tempPath();
  writeFileSync(temp, Buffer.alloc(bytes, 7));
  await cache.add(key, temp, bytes);
}

const key = (kind: string) => `${kind}-${randomUUID()}`;

describe('MediaCache', () => {
  it('evicts the least recently used files once past its cap', async () => {
    const cache = new MediaCache(freshRoot(), 300);
    const [a, b, c] = [key('movie'), key('movie'), key('thumbnail')];
    await put(cache, a, 100);
    await put(cache, b, 100);
    expect(cache.lookup(a)).not.toBeNull(); // a is now more recent than b
    await put(cache, c, 150);
    expect(cache.lookup(b)).toBeNull();
    expect(cache.lookup(a)).toMatchObject({ size: 100 });
    expect(cache.lookup(c)).toMatchObject({ size: 150 });
    expect(cache.size()).toBe(250);
    expect(existsSync(join(cache.root, b))).toBe(false);
  });

  it('keeps a file larger than the cap until the next one comes', async () => {
    const cache = new MediaCache(freshRoot(), 100);
    const big = key('movie');
    await put(cache, big, 500);
    expect(cache.lookup(big)).toMatchObject({ size: 500 });
    await put(cache, key('thumbnail'), 10);
    expect(cache.lookup(big)).toBeNull();
  });

  it('is found again by the next start, and half downloads are cleared', async () => {
    const root = freshRoot();
    const first = new MediaCache(root, 10_000);
    const kept = key('picture');
    await put(first, kept, 42);
    const half = first.tempPath();
    writeFileSync(half, 'partial');

    const next = new MediaCache(root, 10_000);
    expect(next.lookup(kept)).toMatchObject({ size: 42 });
    expect(readdirSync(root)).toEqual([kept]);
  });

  it('shrinks at once when the cap is lowered', async () => {
    const cache = new MediaCache(freshRoot(), 1_000);
    for (let index = 0; index < 5; index++) await put(cache, key('movie'), 100);
    cache.setMaxBytes(250);
    expect(cache.size()).toBeLessThanOrEqual(250);
  });
});
