import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_ARTIST_EMAIL, DEMO_PASSWORD } from '../../src-server/seed/demo-accounts';
import type { PublishProgress } from '../../src-shared/publish';
import type { SyncState } from '../../src-shared/sync';
import type { TaskComment } from '../../src-shared/task-comment';
import type { TodoTask } from '../../src-shared/todo-task';
import { startOutboxStudio, type OutboxStudio } from '../sync/test-support/outbox-studio';
import { logInAs, type LoggedInApp } from '../test-support/test-app';
import { PreviewFixtures } from './test-support/preview-fixtures';

// Jordan publishes through main's services (as Electron and the dev host wire them) to a real
// src-server behind a proxy the test cuts; what landed is read from the server directly.

let studio: OutboxStudio;
let app: LoggedInApp;
let tasks: TodoTask[];
const files = new PreviewFixtures();

beforeAll(async () => {
  studio = await startOutboxStudio();
  app = await logInAs(studio.apiUrl, DEMO_ARTIST_EMAIL, DEMO_PASSWORD);
  tasks = await app.value<TodoTask[]>('tasks:list-todo', {});
}, 60_000);

afterAll(async () => {
  await app?.close();
  await studio?.close();
  files.remove();
});

const WAIT = { timeout: 60_000, interval: 100 };
const syncState = () => app.value<SyncState>('sync:state', {});

interface ServerPreview {
  id: string;
  revision: number;
  position: number;
  extension: string;
  status: string;
  original_name: string | null;
}

const serverComments = async (taskId: string) =>
  (await studio.jordan.expectOk('GET', `/data/tasks/${taskId}/comments`)) as {
    id: string;
    text: string;
    task_status_id: string;
    previews: ServerPreview[];
  }[];

/** Grants the files as a drop would, and publishes them on the task. */
async function publish(taskId: string, paths: string[], text: string, extra = {}) {
  for (const path of paths) app.services.grantedFiles.grant(path);
  return app.value<{ entryId: string; comment: TaskComment }>('publish:submit', {
    taskId,
    files: paths,
    text,
    taskStatusId: studio.statusId('wfa'),
    baseStatusId: await studio.taskStatusId(taskId),
    setMainPreview: false,
    ...extra,
  });
}

const progressOf = (entryId: string) =>
  app
    .pushesOf('publish:progress')
    .filter((p) => (p as PublishProgress).entryId === entryId) as PublishProgress[];

describe('publish:check-files', () => {
  it('says what each dropped file is and refuses what Kitsu would', async () => {
    const png = await files.png('frame.png');
    const movie = await files.movie('shot.mp4');
    const unknown = await files.png('notes.xyz');
    const notGranted = await files.png('secret.png');
    for (const path of [png, movie, unknown]) app.services.grantedFiles.grant(path);
    const checks = await app.value<
      {
        name: string;
        kind: string | null;
        accepted: boolean;
        reason: string | null;
        thumbnail: string | null;
      }[]
    >('publish:check-files', { files: [png, movie, unknown, notGranted] });
    expect(checks.map((c) => [c.name, c.kind, c.accepted])).toEqual([
      ['frame.png', 'picture', true],
      ['shot.mp4', 'movie', true],
      ['notes.xyz', null, false],
      ['secret.png', 'picture', false],
    ]);
    expect(checks[0]!.thumbnail).toMatch(/^data:image\/png;base64,/);
    expect(checks[2]!.reason).toMatch(/does not take this format/);
    expect(checks[3]!.reason).toMatch(/may not read/);
  });
});

describe('publish:submit', () => {
  it('online: one comment, one revision with a position per file, the movie processed', async () => {
    const taskId = tasks[0]!.id;
    const text = `Version ${randomUUID()}`;
    const png = await files.png('layout.png');
    const movie = await files.movie('layout.mp4');
    const { entryId, comment } = await publish(taskId, [png, movie], text);
    expect(comment).toMatchObject({ text, outboxState: expect.any(String) });
    expect(comment.previews.map((p) => [p.originalName, p.status])).toEqual([
      ['layout.png', 'uploading'],
      ['layout.mp4', 'uploading'],
    ]);
    await vi.waitFor(() => expect(progressOf(entryId).at(-1)?.state).toBe('done'), WAIT);
    const told = progressOf(entryId);
    expect(told.some((p) => p.files[1]!.state === 'uploading' || p.files[1]!.sentBytes > 0)).toBe(
      true,
    );

    const mine = (await serverComments(taskId)).filter((c) => c.text === text);
    expect(mine).toHaveLength(1);
    const [posted] = mine;
    expect(posted!.task_status_id).toBe(studio.statusId('wfa'));
    expect(posted!.previews.map((p) => [p.position, p.original_name])).toEqual([
      [1, 'layout'],
      [2, 'layout'],
    ]);
    expect(new Set(posted!.previews.map((p) => p.revision)).size).toBe(1);
    await vi.waitFor(async () => {
      const [again] = (await serverComments(taskId)).filter((c) => c.text === text);
      expect(again!.previews.map((p) => p.status)).toEqual(['ready', 'ready']);
    }, WAIT);
    expect(await syncState()).toMatchObject({ pending: 0, conflicts: [] });
  });

  it('offline: waits on this computer, then lands once when the server is back', async () => {
    const taskId = tasks[1]!.id;
    const text = `Offline version ${randomUUID()}`;
    const png = await files.png('offline.png');
    studio.proxy.goOffline();
    let entryId: string;
    try {
      ({ entryId } = await publish(taskId, [png], text));
      await vi.waitFor(
        async () =>
          expect(await syncState()).toMatchObject({ connectivity: 'offline', pending: 1 }),
        WAIT,
      );
      expect(await app.value('publish:progress', { entryId })).toMatchObject({
        state: 'pending',
        commentId: null,
      });
    } finally {
      studio.proxy.goOnline();
    }
    await vi.waitFor(() => expect(progressOf(entryId).at(-1)?.state).toBe('done'), WAIT);
    const mine = (await serverComments(taskId)).filter((c) => c.text === text);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.previews).toHaveLength(1);
  });

  it('refuses a file it may not read, and nothing is queued', async () => {
    const taskId = tasks[2]!.id;
    const stranger = await files.png('not-dropped.png');
    const error = await app.failure('publish:submit', {
      taskId,
      files: [stranger],
      text: 'Nope',
      taskStatusId: studio.statusId('wfa'),
      setMainPreview: false,
    });
    expect(error).toMatchObject({ code: 'invalid-input' });
    expect(await syncState()).toMatchObject({ pending: 0 });
  });
});
