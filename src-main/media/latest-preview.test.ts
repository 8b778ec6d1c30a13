import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCacheDb } from '../cache/cache-db';
import { writeThread } from '../cache/comment-store';
import { latestCachedPreviews } from './latest-preview';

const dir = mkdtempSync(join(tmpdir(), 'shotdesk-latest-'));
const db = openCacheDb(join(dir, 'cache.sqlite'));
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const preview = (
  id: string,
  revision: number,
  position: number,
  extension: string,
  status = 'ready',
) => ({
  id,
  revision,
  position,
  extension,
  status,
});

describe('latestCachedPreviews', () => {
  it('picks the first file of the newest ready revision of each kept thread', () => {
    const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
    writeThread(db, 'task-a', [
      { id: 'c3', previews: [preview(id(5), 3, 1, 'mp4', 'processing')] },
      { id: 'c2', previews: [preview(id(3), 2, 2, 'png'), preview(id(2), 2, 1, 'mp4')] },
      { id: 'c1', previews: [preview(id(1), 1, 1, 'png')] },
    ]);
    writeThread(db, 'task-b', [{ id: 'c4', previews: [preview(id(4), 1, 1, 'png')] }]);
    writeThread(db, 'task-c', [{ id: 'c5', previews: [] }]);
    expect(latestCachedPreviews(db, ['task-a', 'task-b', 'task-c', 'task-unknown'])).toEqual([
      { id: id(2), kind: 'movie' },
      { id: id(4), kind: 'picture' },
    ]);
  });
});
