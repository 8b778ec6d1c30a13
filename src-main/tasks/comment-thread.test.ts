import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName, EventPayload } from '../../src-shared/ipc';
import type { SessionState } from '../../src-shared/session';
import type { CommentReply, TaskComment } from '../../src-shared/task-comment';
import type { TodoTask } from '../../src-shared/todo-task';
import { DEMO_PASSWORD } from '../../src-server/seed/demo-accounts';
import { createAppServices, type AppServices } from '../app-services';
import { osUserName } from '../os-user';
import { KitsuClient } from '../kitsu/kitsu-client';
import { FileSecretStore } from '../session/file-secret-store';
import { sourceServerCommand } from '../studio/server-command';
import { PersonNameCache } from './person-names';

// Jordan (the demo artist) works the thread through main's handlers on the local studio;
// Priya (manager) and the admin act on the same server over plain HTTP.

const APP_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const MISSING = '00000000-0000-4000-8000-000000000000';

let userDataDir: string;
let downloadsDir: string;
let services: AppServices;
let apiUrl: string;
let jordanId: string;
let priyaToken: string;
let adminToken: string;
let task: TodoTask;
const cacheChanges: EventPayload<'cache:changed'>[] = [];

async function value<T>(channel: ChannelName, input: unknown): Promise<T> {
  const answer = await services.dispatch(channel, input);
  if (!answer.ok) throw new Error(`${channel}: ${JSON.stringify(answer.error)}`);
  return answer.value as T;
}

async function failure(channel: ChannelName, input: unknown) {
  const answer = await services.dispatch(channel, input);
  if (answer.ok) throw new Error(`${channel} succeeded: ${JSON.stringify(answer.value)}`);
  return answer.error;
}

async function http(token: string, method: string, path: string, body?: unknown): Promise<any> {
  const form = body instanceof FormData;
  const response = await fetch(`${apiUrl}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined || form ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : form ? body : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text === '' ? null : JSON.parse(text);
}

async function tokenOf(email: string): Promise<string> {
  const response = await fetch(`${apiUrl}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`no token for ${email}`);
  return body.access_token;
}

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
  return http(priyaToken, 'POST', `/actions/tasks/${task.id}/comment`, form);
}

async function thread(): Promise<TaskComment[]> {
  return value<TaskComment[]>('tasks:list-comments', { taskId: task.id });
}

beforeAll(async () => {
  userDataDir = mkdtempSync(join(tmpdir(), 'shotdesk-thread-'));
  downloadsDir = join(userDataDir, 'Downloads');
  services = createAppServices({
    userDataDir,
    secrets: new FileSecretStore(join(userDataDir, 'session.json')),
    serverCommand: sourceServerCommand(APP_ROOT, process.execPath),
    appInfo: { osUserName: osUserName(), platform: process.platform, version: 'test' },
    downloadsDir,
  });
  services.events.subscribe((event, payload) => {
    if (event === 'cache:changed') cacheChanges.push(payload as EventPayload<'cache:changed'>);
  });
  ({ apiUrl } = await value<{ apiUrl: string }>('studio:open-local', {}));
  await value('session:login', {
    server: { kind: 'local' },
    identifier: osUserName(),
    password: DEMO_PASSWORD,
  });
  const state = await value<SessionState>('session:state', {});
  if (state.status !== 'logged-in') throw new Error('not logged in');
  jordanId = state.user.id;
  priyaToken = await tokenOf('priya.raman@example.com');
  adminToken = await tokenOf('admin@example.com');
  const tasks = await value<TodoTask[]>('tasks:list-todo', {});
  task = tasks[0]!;
}, 120_000);

afterAll(async () => {
  await services?.shutdown();
  rmSync(userDataDir, { recursive: true, force: true });
});

describe('the comment thread through the handlers, on the local studio', () => {
  it('names the people a comment mentions', async () => {
    const posted = await priyaComments('@Jordan Reyes can you check the arc? Thanks');
    const comment = (await thread()).find((row) => row.id === posted.id)!;
    expect(comment.person.fullName).toBe('Priya Raman');
    expect(comment.mentions).toEqual([{ id: jordanId, fullName: 'Jordan Reyes' }]);
  });

  it('replies, with the reply mapped and its mentions named, and says the thread changed', async () => {
    const posted = await priyaComments('Please shorten the hold.');
    cacheChanges.length = 0;
    const reply = await value<CommentReply>('tasks:reply', {
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
    // Live pushes of earlier writes may land meanwhile: the handler's own must be among them.
    expect(cacheChanges).toContainEqual({ tables: ['comment'], taskIds: [task.id] });
    const comment = (await thread()).find((row) => row.id === posted.id)!;
    expect(comment.replies).toEqual([reply]);
  });

  it('toggles the acknowledgement on, then off, as the server reads it back', async () => {
    const posted = await priyaComments('Looks good.');
    const on = await value<{ commentId: string; acknowledgedBy: string[] }>('tasks:acknowledge', {
      taskId: task.id,
      commentId: posted.id,
    });
    expect(on).toEqual({ commentId: posted.id, acknowledgedBy: [jordanId] });
    expect((await thread()).find((row) => row.id === posted.id)!.acknowledgedBy).toEqual([
      jordanId,
    ]);
    const off = await value<{ acknowledgedBy: string[] }>('tasks:acknowledge', {
      taskId: task.id,
      commentId: posted.id,
    });
    expect(off.acknowledgedBy).toEqual([]);
    expect((await thread()).find((row) => row.id === posted.id)!.acknowledgedBy).toEqual([]);
  });

  it('ticks a checklist item of someone else’s comment, and refuses to rewrite its items', async () => {
    const posted = await priyaComments('Notes:', {
      checklist: [
        { text: 'Fix the arm pop', checked: false },
        { text: 'Ease the landing', checked: false },
      ],
    });
    cacheChanges.length = 0;
    const ticked = await value<{ checklist: unknown[] }>('tasks:update-checklist', {
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
    // Live pushes of earlier writes may land meanwhile: the handler's own must be among them.
    expect(cacheChanges).toContainEqual({ tables: ['comment'], taskIds: [task.id] });
    expect((await thread()).find((row) => row.id === posted.id)!.checklist).toEqual(
      ticked.checklist,
    );

    const rewrite = await failure('tasks:update-checklist', {
      taskId: task.id,
      commentId: posted.id,
      checklist: [{ text: 'Something else', checked: true }],
    });
    expect(rewrite).toEqual({
      code: 'forbidden',
      message: 'Only the author may change the items of this checklist.',
    });
    expect((await thread()).find((row) => row.id === posted.id)!.checklist).toEqual(
      ticked.checklist,
    );
  });

  it('ticks items whose text has odd spacing or is empty, exactly as stored', async () => {
    const odd = [
      { text: ' Trailing and leading  ', checked: false },
      { text: '', checked: false },
    ];
    const posted = await priyaComments('Odd items', { checklist: odd });
    const ticked = odd.map((item) => ({ ...item, checked: true }));
    const saved = await value<{ checklist: unknown[] }>('tasks:update-checklist', {
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
    const attachment = (await thread()).find((row) => row.id === posted.id)!.attachments[0]!;
    expect(attachment).toMatchObject({ name: 'arc reference.png', size: bytes.length });

    const first = await value<{ path: string }>('attachments:download', {
      attachmentId: attachment.id,
    });
    expect(first.path).toBe(join(downloadsDir, 'arc reference.png'));
    expect(new Uint8Array(readFileSync(first.path))).toEqual(bytes);

    writeFileSync(first.path, 'my own edits');
    const second = await value<{ path: string }>('attachments:download', {
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
    const attachment = (await thread()).find((row) => row.id === posted.id)!.attachments[0]!;
    // Only an admin may rename it; Kitsu stores whatever name it is given.
    for (const name of ['../../escaped.txt', '..\\..\\escaped2.txt', '..']) {
      await http(adminToken, 'PUT', `/data/attachment-files/${attachment.id}`, { name });
      const saved = await value<{ path: string }>('attachments:download', {
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
    expect(await failure('tasks:reply', { ...ref, text: 'Hello?' })).toEqual({
      code: 'not-found',
      message: gone,
    });
    expect(await failure('tasks:acknowledge', ref)).toEqual({ code: 'not-found', message: gone });
    expect(
      await failure('tasks:update-checklist', {
        ...ref,
        checklist: [{ text: 'x', checked: true }],
      }),
    ).toEqual({ code: 'not-found', message: gone });
    expect(await failure('attachments:download', { attachmentId: MISSING })).toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('This attachment no longer exists'),
    });
  });

  it('refuses a comment of another task as not this thread’s', async () => {
    const posted = await priyaComments('On the first task.', {
      checklist: [{ text: 'One', checked: false }],
    });
    const tasks = await value<TodoTask[]>('tasks:list-todo', {});
    const other = tasks.find((row) => row.id !== task.id)!;
    const error = await failure('tasks:update-checklist', {
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
      apiUrl,
      tokens: { accessToken: priyaToken, refreshToken: null },
    });
    const resolve = cache.resolverFor(client);
    expect((await resolve([jordanId]))(jordanId)).toBe('Jordan Reyes');

    const newcomer = await http(adminToken, 'POST', '/data/persons', {
      first_name: 'Noa',
      last_name: 'Newcomer',
      email: `noa.${Date.now()}@example.com`,
    });
    expect((await resolve([newcomer.id]))(newcomer.id)).toBeNull();
    now += 60_000;
    expect((await resolve([newcomer.id]))(newcomer.id)).toBe('Noa Newcomer');
  });
});
