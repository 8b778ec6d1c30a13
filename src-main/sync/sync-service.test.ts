import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { readThreadJson } from '../cache/comment-store';
import { readTaskListJson } from '../cache/task-list-store';
import { isAppError } from '../kitsu/app-error';
import { startOutboxStudio, type OutboxStudio } from './test-support/outbox-studio';
import { openSyncApp, WAIT, type SyncApp } from './test-support/sync-app';

// Jordan's sync service against a real src-server (the standard demo) reached through a proxy
// that cuts the network; the test acts on the server directly as Tom, the supervisor.

let studio: OutboxStudio;
const apps: SyncApp[] = [];

beforeAll(async () => {
  studio = await startOutboxStudio();
}, 60_000);
afterEach(async () => {
  studio.proxy.goOnline();
  for (const app of apps.splice(0)) await app.close();
});
afterAll(async () => {
  await studio?.close();
});

async function open(options: Parameters<typeof openSyncApp>[1] = {}): Promise<SyncApp> {
  const app = await openSyncApp(studio.apiUrl, options);
  apps.push(app);
  return app;
}

const commentsRequested = (app: SyncApp) =>
  app.requests.filter((request) => /^GET \/data\/tasks\/[^/]+\/comments$/.test(request));

/** Tom's comment on the task; answers its id. */
async function tomComments(taskId: string, text: string): Promise<string> {
  const task = (await studio.tom.expectOk('GET', `/data/tasks/${taskId}`)) as {
    task_status_id: string;
  };
  const comment = (await studio.tom.expectOk('POST', `/actions/tasks/${taskId}/comment`, {
    task_status_id: task.task_status_id,
    comment: text,
  })) as { id: string };
  return comment.id;
}

/** The network goes, and a refresh about `taskId` finds out. */
async function cutNetwork(app: SyncApp, taskId: string): Promise<void> {
  studio.proxy.goOffline();
  await (await app.cache()).serverChanged(['task'], [taskId]);
  await vi.waitFor(() => expect(app.sync.state().connectivity).toBe('offline'), WAIT);
}

describe('the sync after login', () => {
  it('bootstraps the lists, the context and the threads of the most recent open tasks', async () => {
    const app = await open({ bootstrapThreads: 3 });
    const cache = await app.cache();
    await app.synced();
    expect(app.states.map((state) => state.connectivity)).toEqual(['online', 'syncing', 'online']);
    expect(app.sync.state().lastSyncedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);

    const serverTodo = (await studio.jordan.expectOk('GET', '/data/user/tasks')) as {
      id: string;
    }[];
    const todo = readTaskListJson(cache.db, 'todo')!.map((json) => JSON.parse(json));
    expect(todo.map((row) => row.id)).toEqual(serverTodo.map((row) => row.id));
    expect(readTaskListJson(cache.db, 'done')).not.toBeNull();
    // Three threads read ahead, and nothing more.
    expect(commentsRequested(app)).toHaveLength(3);
    const cachedThreads = cache.db.prepare('SELECT COUNT(*) FROM comment_thread').pluck().get();
    expect(cachedThreads).toBe(3);
    // Statuses from the cached context: no request.
    const before = app.requests.length;
    expect((await cache.settableStatuses('user')).map((status) => status.shortName)).toContain(
      'wip',
    );
    expect(app.requests.length).toBe(before);
  });
});

describe('reads from the cache first', () => {
  it('answers the lists and a read thread while the server cannot be reached', async () => {
    const app = await open({ bootstrapThreads: 1, refreshAfterMs: 0 });
    const cache = await app.cache();
    await app.synced();
    const todo = await cache.taskList('todo');
    const done = await cache.taskList('done');
    const read = todo[0]!;
    const thread = await cache.comments(read.id);
    expect(thread.length).toBeGreaterThan(0);

    studio.proxy.goOffline();
    const requests = app.requests.length;
    expect(await cache.taskList('todo')).toEqual(todo);
    expect(await cache.taskList('done')).toEqual(done);
    expect(await cache.comments(read.id)).toEqual(thread);
    // The background refreshes failed: a probe confirmed it, and the state says so.
    await vi.waitFor(() => expect(app.sync.state().connectivity).toBe('offline'), WAIT);
    expect(app.requests.length).toBeGreaterThan(requests);
    // A thread never read has nothing to show: offline, as the server said nothing.
    const unread = todo.find((task) => readThreadJson(cache.db, task.id) === null)!;
    const failure = await cache.comments(unread.id).catch((error: unknown) => error);
    expect(isAppError(failure) && failure.code).toBe('offline');

    studio.proxy.goOnline();
    await vi.waitFor(() => expect(app.sync.state().connectivity).not.toBe('offline'), WAIT);
    expect((await cache.comments(unread.id)).length).toBeGreaterThanOrEqual(0);
  });

  it('refreshes behind a read, and says so when another person changed something', async () => {
    const app = await open({ bootstrapThreads: 1, refreshAfterMs: 0 });
    const cache = await app.cache();
    await app.synced();
    const [task] = await cache.taskList('todo');
    const before = await cache.comments(task!.id);

    const text = `Tom's note ${Date.now()}`;
    await tomComments(task!.id, text);
    app.pushes.length = 0;
    // At once: what the cache had.
    expect(await cache.comments(task!.id)).toEqual(before);
    await vi.waitFor(
      () => expect(app.pushes).toContainEqual({ tables: ['comment'], taskIds: [task!.id] }),
      WAIT,
    );
    const after = await cache.comments(task!.id);
    expect(after[0]).toMatchObject({ text, person: { fullName: 'Tom Becker' } });
    expect(after.slice(1)).toEqual(before);
  });

  it('says no more than the news when the server has nothing new', async () => {
    const app = await open({ bootstrapThreads: 1 });
    const cache = await app.cache();
    await app.synced();
    const [task] = await cache.taskList('todo');
    await cache.comments(task!.id);
    await cache.serverChanged(['task', 'comment'], [task!.id]);
    app.pushes.length = 0;
    const requests = app.requests.length;
    await cache.serverChanged(['task', 'comment'], [task!.id]);
    expect(app.requests.slice(requests).sort()).toEqual(
      [
        'GET /data/user/done-tasks',
        `GET /data/tasks/${task!.id}/comments`,
        'GET /data/user/tasks',
      ].sort(),
    );
    expect(app.pushes).toEqual([{ tables: ['task', 'comment'], taskIds: [task!.id] }]);
  });
});

describe('the context', () => {
  it('is read again behind its readers at most once a minute: it holds the whole studio', async () => {
    const app = await open({ bootstrapThreads: 0, refreshAfterMs: 0 });
    const cache = await app.cache();
    await app.synced();
    const contextReads = () => app.requests.filter((r) => r === 'GET /data/user/context').length;
    const before = contextReads();
    for (let read = 0; read < 3; read += 1) {
      expect(Array.isArray(await cache.contextEntry('persons'))).toBe(true);
    }
    // A list is fresh for no time at all here: its read is refreshed behind, the context's not.
    const listReads = () => app.requests.filter((r) => r.startsWith('GET /data/user/tasks'));
    const lists = listReads().length;
    await cache.taskList('todo');
    await vi.waitFor(() => expect(listReads().length).toBeGreaterThan(lists), WAIT);
    expect(contextReads()).toBe(before);
  });
});

describe('news from the server', () => {
  it('refreshes what a change names before saying so, and reads wait for it', async () => {
    const app = await open({ bootstrapThreads: 1 });
    const cache = await app.cache();
    await app.synced();
    const [task] = await cache.taskList('todo');
    await cache.comments(task!.id);
    const text = `Tom's live note ${Date.now()}`;
    await tomComments(task!.id, text);
    app.pushes.length = 0;

    // As a live event or this app's own write would say it: the renderer hears of it once the
    // cache has it.
    const news = cache.serverChanged(['task', 'comment', 'time-spent'], [task!.id]);
    expect(app.pushes).toEqual([]);
    // A read now waits for the refresh: never what the server had before the news.
    expect((await cache.comments(task!.id))[0]).toMatchObject({ text });
    const row = (await cache.taskList('todo')).find((candidate) => candidate.id === task!.id);
    expect(row?.lastComment?.text).toBe(text);
    await news;
    expect(app.pushes).toEqual([
      { tables: ['task', 'comment', 'time-spent'], taskIds: [task!.id] },
    ]);
  });
});

describe('catching up after a gap', () => {
  it('re-reads the lists and refetches only the threads of tasks that moved', async () => {
    // Every open task's thread is read ahead: a catch-up has no unread thread to add.
    const app = await open({ bootstrapThreads: 10_000 });
    const cache = await app.cache();
    await app.synced();
    const todo = await cache.taskList('todo');
    expect(commentsRequested(app)).toHaveLength(todo.length);
    const [moved, untouched] = [todo[1]!, todo[2]!];
    // Cached (read ahead), but not read by the person lately.
    const untouchedThread = readThreadJson(cache.db, untouched.id);
    expect(untouchedThread).not.toBeNull();

    // The network goes; a refresh finds out; Tom comments meanwhile.
    await cutNetwork(app, moved.id);
    const text = `Written during the gap ${Date.now()}`;
    await tomComments(moved.id, text);
    const since = app.states.length;
    app.requests.length = 0;
    app.pushes.length = 0;

    studio.proxy.goOnline();
    await app.synced(since);
    expect(commentsRequested(app)).toEqual([`GET /data/tasks/${moved.id}/comments`]);
    expect(app.requests).toContain('GET /data/user/tasks');
    expect(app.requests).not.toContain('GET /data/events/last');
    expect((await cache.comments(moved.id))[0]).toMatchObject({ text });
    expect(readThreadJson(cache.db, untouched.id)).toEqual(untouchedThread);
    expect(app.pushes).toContainEqual({ tables: ['task'], taskIds: [moved.id] });
    expect(app.pushes).toContainEqual({ tables: ['comment'], taskIds: [moved.id] });
  });

  it('re-reads the threads the person read lately: a reply made during the gap shows', async () => {
    const app = await open({ bootstrapThreads: 2 });
    const cache = await app.cache();
    await app.synced();
    const task = (await cache.taskList('todo'))[6]!;
    const commentId = await tomComments(task.id, 'Check the timing of the fall.');
    // The cache hears of it (the list row and the thread), and Jordan reads the thread.
    await cache.serverChanged(['task', 'comment'], [task.id]);
    expect((await cache.comments(task.id)).map((comment) => comment.id)).toContain(commentId);

    // Found out through another task: nothing marks this thread to be read again.
    await cutNetwork(app, (await cache.taskList('todo'))[0]!.id);
    const text = `A reply during the gap ${Date.now()}`;
    await studio.tom.expectOk('POST', `/data/tasks/${task.id}/comments/${commentId}/reply`, {
      text,
    });
    const since = app.states.length;
    app.requests.length = 0;

    studio.proxy.goOnline();
    await app.synced(since);
    expect(commentsRequested(app)).toContain(`GET /data/tasks/${task.id}/comments`);
    const thread = JSON.parse(`[${readThreadJson(cache.db, task.id)!.join(',')}]`) as {
      id: string;
      replies: { text: string }[];
    }[];
    const comment = thread.find((row) => row.id === commentId)!;
    expect(comment.replies.map((reply) => reply.text)).toEqual([text]);
  });
});

describe('the cache of a person on a server', () => {
  it('is found again at the next login, and a logout closes it', async () => {
    const first = await open({ bootstrapThreads: 2 });
    const cache = await first.cache();
    await first.synced();
    const path = cache.cachePath;
    await first.session.logout();
    await vi.waitFor(() => expect(first.sync.current()).toBeNull(), WAIT);
    expect(cache.closed).toBe(true);
    expect(first.sync.state()).toMatchObject({ connectivity: 'offline', lastSyncedAt: null });

    await first.session.login(
      { kind: 'remote', url: studio.apiUrl },
      { identifier: 'jordan.reyes@example.com', password: 'shotdesk-demo' },
    );
    const again = await first.cache();
    expect(again.cachePath).toBe(path);
    // The lists are there before any sync of this login.
    expect(readTaskListJson(again.db, 'todo')?.length).toBeGreaterThan(0);
  });
});
