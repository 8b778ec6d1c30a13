import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCacheDb, type CacheDb } from '../cache/cache-db';
import { CachedReads } from '../cache/cached-reads';
import { readThreadJson, writeThread } from '../cache/comment-store';
import { keepDelivery } from './outbox-delivered';
import type { OutboxStore } from './outbox-store';
import { replyEntry } from './test-support/reply-entry';

const dirs: string[] = [];
const dbs: CacheDb[] = [];

afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function openCache() {
  const dir = mkdtempSync(join(tmpdir(), 'shotdesk-delivered-'));
  dirs.push(dir);
  const db = openCacheDb(join(dir, 'cache.sqlite'));
  dbs.push(db);
  // Only the receipts are read, and this reply answers a comment already on the server.
  const store = { receipt: () => null } as unknown as OutboxStore;
  return { db, keptReads: new CachedReads(db), store };
}

const sending = replyEntry({ state: 'sending', attempts: 1 });

const reply = { id: 'server-reply-9', text: 'On it', person_id: 'person-jordan' };
const repliesCached = (cache: ReturnType<typeof openCache>) =>
  (JSON.parse(readThreadJson(cache.db, 'task-1')![0]!) as { replies: { id: string }[] }).replies;

describe('a delivered reply', () => {
  it('joins its comment in the cached thread', () => {
    const cache = openCache();
    writeThread(cache.db, 'task-1', [{ id: 'comment-1', text: 'Again', replies: [] }]);
    keepDelivery(cache, sending, reply);
    expect(repliesCached(cache).map((r) => r.id)).toEqual(['server-reply-9']);
  });

  it('is kept once when a refresh during the send cached it already', () => {
    const cache = openCache();
    writeThread(cache.db, 'task-1', [{ id: 'comment-1', text: 'Again', replies: [reply] }]);
    keepDelivery(cache, sending, reply);
    expect(repliesCached(cache).map((r) => r.id)).toEqual(['server-reply-9']);
  });
});
