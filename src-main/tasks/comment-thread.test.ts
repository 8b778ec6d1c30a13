import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CommentReply, TaskComment } from '../../src-shared/task-comment';
import type { TodoTask } from '../../src-shared/todo-task';
import { DEMO_PASSWORD } from '../../src-server/seed/demo-accounts';
import { KitsuClient } from '../kitsu/kitsu-client';
import { studioApi, type StudioApi } from '../test-support/studio-api';
import { logInToLocalStudio, type LocalStudioApp } from '../test-support/test-app';
import { PersonNameCache } from './person-names';

// Jordan (the demo artist) works the thread through main's handlers on the local studio;
// Priya (manager) and the admin act on the same server over plain HTTP.

const MISSING = '00000000-0000-4000-8000-000000000000';

let app: LocalStudioApp;
let downloadsDir: string;
let jordanId: string;
let priyaApi: StudioApi;
let adminApi: StudioApi;
let task: TodoTask;

/** Priya's comment on Jordan's task, with what the test needs on it. */
async function priyaComments(
  text: string,
  extra: { checklist?: unknown[]; file?: { name: string; bytes: Uint8Array } } = {},
): Promise<any> {
  const form = new FormData();
  form.append('task_status_id', task.taskStatusId);
  form.append('comment', text);
  form.append('checklist', JSON.stringify(extra.checklist ?? []));
  if (extra.file) form.append('file', new Blob([extra.file.bytes]), extra.file.name);
  return priyaApi.expectOk('POST', `/actions/tasks/${task.id}/comment`, form);
}

async function thread(): Promise<TaskComment[]> {
  return app.value<TaskComment[]>('tasks:list-comments', { taskId: task.id });
}

const WAIT = { timeout: 20_000, interval: 100 };

/**
 * A comment of the thread once the thread shows it: the thread answers from the cache at once,
 * and others' comments reach the cache through live events.
 */
async function inThread(commentId: string): Promise<TaskComment> {
  let found: TaskComment | undefined;
  await vi.waitFor(async () => {
    found = (await thread()).find((row) => row.id === commentId);
    expect(found).toBeDefined();
  }, WAIT);
  return found!;
}

beforeAll(async () => {
  app = await logInToLocalStudio();
  ({ downloadsDir, personId: jordanId } = app);
  priyaApi = await studioApi(app.apiUrl, 'priya.raman@example.com', DEMO_PASSWORD);
  adminApi = await studioApi(app.apiUrl, 'admin@example.com', DEMO_PASSWORD);
  const tasks = await app.value<TodoTask[]>('tasks:list-todo', {});
  task = tasks[0]!;
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('the comment thread through the handlers, on the local studio', () => {
  it('names the people a comment mentions', async () => {
    const posted = await priyaComments('@Jordan Reyes can you check the arc? Thanks');
    const comment = await inThread(posted.id);
    expect(comment.person.fullName).toBe('Priya Raman');
    expect(comment.mentions).toEqual([{ id: jordanId, fullName: 'Jordan Reyes' }]);
  });

  it('replies, with the reply mapped and its mentions named, and says the thread changed', async () => {
    const posted = await priyaComments('Please shorten the hold.');
    app.cacheChanges.length = 0;
    const reply = await app.value<CommentReply>('tasks:reply', {
      taskId: task.id,
      commentId: posted.id,
      text: 'Done, @Priya Raman have a look',
    });
    expect(reply).toMatchObject({
      id: expect.any(String),
      text: 'Done, @Priya Raman have a look',
      createdAt: expect.any(String),
      person: { id: jordanId, fullName: 'Jordan Reyes' },
      mentions: [{ id: posted.person_id, fullName: 'Priya Raman' }],
      attachments: [],
    });
    // Once the cache has the change, it says so (live pushes of earlier writes may land too).
    await vi.waitFor(
      () => expect(app.cacheChanges).toContainEqual({ tables: ['comment'], taskIds: [task.id] }),
      WAIT,
    );
    const comment = await inThread(posted.id);
    expect(comment.replies).toEqual([reply]);
  });

  it('toggles the acknowledgement on, then off, as the server reads it back', async () => {
    const posted = await priyaComments('Looks good.');
    const on = await app.value<{ commentId: string; acknowledgedBy: string[] }>(
      'tasks:acknowledge',
      {
        taskId: task.id,
        commentId: posted.id,
      },
    );
    expect(on).toEqual({ commentId: posted.id, acknowledgedBy: [jordanId] });
    expect((await inThread(posted.id)).acknowledgedBy).toEqual([jordanId]);
    const off = await app.value<{ acknowledgedBy: string[] }>('tasks:acknowledge', {
      taskId: task.id,
      commentId: posted.id,
    });
    expect(off.acknowledgedBy).toEqual([]);
    expect((await inThread(posted.id)).acknowledgedBy).toEqual([]);
  });

  it('ticks a checklist item of someone else’s comment, and refuses to rewrite its items', async () => {
    const posted = await priyaComments('Notes:', {
      checklist: [
        { text: 'Fix the arm pop', checked: false },
        { text: 'Ease the landing', checked: false },
      ],
    });
    app.cacheChanges.length = 0;
    const ticked = await app.value<{ checklist: unknown[] }>('tasks:update-checklist', {
      taskId: task.id,
      commentId: posted.id,
      checklist: [
        { text: 'Fix the arm pop', checked: true },
        { text: 'Ease the landing', checked: false },
      ],
    });
    expect(ticked).toEqual({
      commentId: posted.id,
      checklist: [
        { text: 'Fix the arm pop', checked: true },
        { text: 'Ease the landing', checked: false },
      ],
    });
    // Once the cache has the change, it says so (live pushes of earlier writes may land too).
    await vi.waitFor(
      () => expect(app.cacheChanges).toContainEqual({ tables: ['comment'], taskIds: [task.id] }),
      WAIT,
    );
    expect((await inThread(posted.id)).checklist).toEqual(ticked.checklist);

    const rewrite = await app.failure('tasks:update-checklist', {
      taskId: task.id,
      commentId: posted.id,
      checklist: [{ text: 'Something else', checked: true }],
    });
    expect(rewrite).toEqual({
      code: 'forbidden',
      message: 'Only the author may change the items of this checklist.',
    });
    expect((await inThread(posted.id)).checklist).toEqual(ticked.checklist);
  });

  it('ticks items whose text has odd spacing or is empty, exactly as stored', async () => {
    const odd = [
      { text: ' Trailing and leading  ', checked: false },
      { text: '', checked: false },
    ];
    const posted = await priyaComments('Odd items', { checklist: odd });
    const ticked = odd.map((item) => ({ ...item, checked: true }));
    const saved = await app.value<{ checklist: unknown[] }>('tasks:update-checklist', {
      taskId: task.id,
      commentId: posted.id,
      checklist: ticked,
    });
    expect(saved.checklist).toEqual(ticked);
  });

  it('downloads an attachment into the downloads folder, never over an existing file', async () => {
    const bytes = new Uint8Array(70_000).map((_, index) => (index * 7) % 256);
    const posted = await priyaComments('Reference attached.', {
      file: { name: 'arc reference.png', bytes },
    });
    const attachment = (await inThread(posted.id)).attachments[0]!;
    expect(attachment).toMatchObject({ name: 'arc reference.png', size: bytes.length });

    const first = await app.value<{ path: string }>('attachments:download', {
      attachmentId: attachment.id,
    });
    expect(first.path).toBe(join(downloadsDir, 'arc reference.png'));
    expect(new Uint8Array(readFileSync(first.path))).toEqual(bytes);

    writeFileSync(first.path, 'my own edits');
    const second = await app.value<{ path: string }>('attachments:download', {
      attachmentId: attachment.id,
    });
    expect(second.path).toBe(join(downloadsDir, 'arc reference (1).png'));
    expect(new Uint8Array(readFileSync(second.path))).toEqual(bytes);
    expect(readFileSync(first.path, 'utf8')).toBe('my own edits');
  });

  it('keeps a hostile attachment name inside the downloads folder', async () => {
    const posted = await priyaComments('Another file.', {
      file: { name: 'notes.txt', bytes: new TextEncoder().encode('hello') },
    });
    const attachment = (await inThread(posted.id)).attachments[0]!;
    // Only an admin may rename it; Kitsu stores whatever name it is given.
    for (const name of ['../../escaped.txt', '..\\..\\escaped2.txt', '..']) {
      await adminApi.expectOk('PUT', `/data/attachment-files/${attachment.id}`, { name });
      const saved = await app.value<{ path: string }>('attachments:download', {
        attachmentId: attachment.id,
      });
      expect(dirname(saved.path)).toBe(downloadsDir);
      expect(readFileSync(saved.path, 'utf8')).toBe('hello');
    }
    expect(existsSync(join(downloadsDir, '..', '..', 'escaped.txt'))).toBe(false);
    expect(readdirSync(downloadsDir)).toEqual(
      expect.arrayContaining(['escaped.txt', 'escaped2.txt', 'attachment.txt']),
    );
  });

  it('says plainly when the comment or the attachment does not exist', async () => {
    const gone = 'This comment no longer exists: it may have been deleted. Refresh the thread.';
    const ref = { taskId: task.id, commentId: MISSING };
    expect(await app.failure('tasks:reply', { ...ref, text: 'Hello?' })).toEqual({
      code: 'not-found',
      message: gone,
    });
    expect(await app.failure('tasks:acknowledge', ref)).toEqual({
      code: 'not-found',
      message: gone,
    });
    expect(
      await app.failure('tasks:update-checklist', {
        ...ref,
        checklist: [{ text: 'x', checked: true }],
      }),
    ).toEqual({ code: 'not-found', message: gone });
    expect(await app.failure('attachments:download', { attachmentId: MISSING })).toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('This attachment no longer exists'),
    });
  });

  it('refuses a comment of another task as not this thread’s', async () => {
    const posted = await priyaComments('On the first task.', {
      checklist: [{ text: 'One', checked: false }],
    });
    const tasks = await app.value<TodoTask[]>('tasks:list-todo', {});
    const other = tasks.find((row) => row.id !== task.id)!;
    const error = await app.failure('tasks:update-checklist', {
      taskId: other.id,
      commentId: posted.id,
      checklist: [{ text: 'One', checked: true }],
    });
    expect(error.code).toBe('not-found');
  });
});

describe('the names of mentioned people', () => {
  it('are loaded once per client, and again for a stranger once a minute has passed', async () => {
    let now = 1_000_000;
    const cache = new PersonNameCache(() => now);
    const client = new KitsuClient({
      apiUrl: app.apiUrl,
      tokens: { accessToken: priyaApi.token, refreshToken: null },
    });
    const resolve = cache.resolverFor(client);
    expect((await resolve([jordanId]))(jordanId)).toBe('Jordan Reyes');

    const newcomer = await adminApi.expectOk('POST', '/data/persons', {
      first_name: 'Noa',
      last_name: 'Newcomer',
      email: `noa.${Date.now()}@example.com`,
    });
    expect((await resolve([newcomer.id]))(newcomer.id)).toBeNull();
    now += 60_000;
    expect((await resolve([newcomer.id]))(newcomer.id)).toBe('Noa Newcomer');
  });
});
