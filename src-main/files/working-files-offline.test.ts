import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_ARTIST_EMAIL, DEMO_PASSWORD } from '../../src-server/seed/demo-accounts';
import type { SyncState } from '../../src-shared/sync';
import type { TodoTask } from '../../src-shared/todo-task';
import type { WorkingPath } from '../../src-shared/working-files';
import { startOutboxStudio, type OutboxStudio } from '../sync/test-support/outbox-studio';
import { logInAs, type LoggedInApp } from '../test-support/test-app';

// Offline, the working path comes from the project's cached tree through the same engine the
// server uses: the same answer Kitsu gave online, and the disk still counts.

let studio: OutboxStudio;
let app: LoggedInApp;
const prod = mkdtempSync(join(tmpdir(), 'shotdesk-prod-'));

beforeAll(async () => {
  studio = await startOutboxStudio();
  app = await logInAs(studio.apiUrl, DEMO_ARTIST_EMAIL, DEMO_PASSWORD);
  await app.value('settings:set', { mountPoints: [{ tree: '/mnt/studio', local: prod }] });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await studio?.close();
  rmSync(prod, { recursive: true, force: true });
});

describe('working files offline', () => {
  it('renders the path Kitsu gave from the cached tree, and still counts the disk', async () => {
    const tasks = await app.value<TodoTask[]>('tasks:list-todo', {});
    const taskId = tasks.find((task) => task.entityTypeName === 'Shot')!.id;
    const online = await app.value<WorkingPath>('files:create-folder', { taskId });

    studio.proxy.goOffline();
    try {
      await app.failure('tasks:list-mentionable', { taskId }).catch(() => null);
      await vi.waitFor(
        async () =>
          expect(await app.value<SyncState>('sync:state', {})).toMatchObject({
            connectivity: 'offline',
          }),
        { timeout: 20_000 },
      );
      const offline = await app.value<WorkingPath>('files:working-path', { taskId });
      expect(offline).toEqual(online);

      writeFileSync(join(online.localFolder!, `${online.fileName}.ma`), 'scene');
      const next = await app.value<WorkingPath>('files:working-path', { taskId });
      expect(next.revision).toBe(online.revision + 1);
      expect(next.fileName).toBe(online.fileName.replace(/v\d{3}$/, 'v002'));
    } finally {
      studio.proxy.goOnline();
    }
  });
});
