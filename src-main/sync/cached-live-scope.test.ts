import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCacheDb, type CacheDb } from '../cache/cache-db';
import { writeThread } from '../cache/comment-store';
import { writeContext } from '../cache/context-store';
import { cachedLiveScope } from './cached-live-scope';

let dir: string;
let db: CacheDb;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shotdesk-live-scope-'));
  db = openCacheDb(join(dir, 'cache.sqlite'));
});

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

it('follows every project until the context is cached, then the person’s own', () => {
  const scope = cachedLiveScope(db);
  expect(scope.followsProject('project-other')).toBe(true);
  writeContext(db, { projects: [{ id: 'project-mine', name: 'Harbor Lights' }] });
  expect(scope.followsProject('project-mine')).toBe(true);
  expect(scope.followsProject('project-other')).toBe(false);
});

it('knows the task of a comment of a thread read, and no other', () => {
  writeThread(db, 'task-read', [{ id: 'comment-1', text: 'Retake' }]);
  const scope = cachedLiveScope(db);
  expect(scope.taskOfComment('comment-1')).toBe('task-read');
  expect(scope.taskOfComment('comment-elsewhere')).toBeNull();
});
