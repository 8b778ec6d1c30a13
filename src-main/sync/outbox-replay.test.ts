import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFailingGateway, type FailingGateway } from './test-support/failing-gateway';
import {
  openTestOutbox,
  startOutboxStudio,
  type OutboxStudio,
  type TestOutbox,
} from './test-support/outbox-studio';

// Jordan's comments go through the outbox to a real src-server behind a proxy that the tests
// cut; what landed is read straight from the server.

let studio: OutboxStudio;
const opened: TestOutbox[] = [];

const open = async (
  ...args: Parameters<typeof openTestOutbox> extends [unknown, ...infer R] ? R : never
) => {
  const app = await openTestOutbox(studio, ...args);
  opened.push(app);
  return app;
};

const textsOn = async (taskId: string, prefix: string): Promise<string[]> =>
  (await studio.comments(taskId))
    .map((comment) => String(comment.text))
    .filter((text) => text.startsWith(prefix))
    .reverse();

beforeAll(async () => {
  studio = await startOutboxStudio();
}, 60_000);

afterAll(async () => {
  for (const app of opened) await app.close();
  await studio?.close();
});

describe('replay', () => {
  it('sends what was written offline on reconnect, per task in order, each once', async () => {
    const app = await open();
    const [first, second] = await studio.tasksIn('wip');
    app.connectivity.set(false);
    for (const n of [1, 2, 3]) await app.queue(first!, `order A${n}`, n === 3 ? 'wfa' : 'wip');
    for (const n of [1, 2]) await app.queue(second!, `order B${n}`, 'wip');

    expect(app.outbox.pendingCount()).toBe(5);
    const thread = app.outbox.overlayComments(first!, []);
    expect(thread.map((comment) => [comment.text, comment.outboxState])).toEqual([
      ['order A3', 'pending'],
      ['order A2', 'pending'],
      ['order A1', 'pending'],
    ]);
    expect(await textsOn(first!, 'order')).toEqual([]);

    app.connectivity.set(true);
    await vi.waitFor(() => expect(app.outbox.pendingCount()).toBe(0), { timeout: 20_000 });
    await app.outbox.idle();

    expect(await textsOn(first!, 'order')).toEqual(['order A1', 'order A2', 'order A3']);
    expect(await textsOn(second!, 'order')).toEqual(['order B1', 'order B2']);
    expect(await studio.taskStatusId(first!)).toBe(studio.statusId('wfa'));
    expect(app.outbox.overlayComments(first!, [])).toEqual([]);
    expect(app.changes.flat()).toEqual(expect.arrayContaining([first, second]));
  });

  it('flushes on start what an earlier run left waiting', async () => {
    const [taskId] = await studio.tasksIn('wip');
    const before = await open();
    before.connectivity.set(false);
    await before.queue(taskId!, 'left for the next start', 'wip');
    await before.close({ keepCache: true });
    opened.splice(opened.indexOf(before), 1);

    const after = await open({ cachePath: before.cachePath });
    opened.push({ ...before, close: () => before.close() });
    await vi.waitFor(() => expect(after.outbox.pendingCount()).toBe(0), { timeout: 20_000 });
    expect(await textsOn(taskId!, 'left for the next start')).toEqual(['left for the next start']);
  });

  it('retries with a growing delay while the network is cut, then delivers once', async () => {
    const app = await open({ retryBaseMs: 100, retryMaxMs: 1_000 });
    const [taskId] = await studio.tasksIn('wip');
    studio.proxy.goOffline();
    try {
      const entry = await app.queue(taskId!, 'through a cut network', 'wip');
      // The app still believes it is online: the failures themselves say otherwise.
      expect(await app.outbox.deliverNow(entry.id)).toEqual({ type: 'queued' });
      // When each attempt started, as seen polling the row.
      const started = new Map<number, number>();
      await vi.waitFor(
        () => {
          const { attempts } = app.outbox.store.get(entry.id)!;
          if (!started.has(attempts)) started.set(attempts, performance.now());
          expect(attempts).toBeGreaterThanOrEqual(4);
        },
        { timeout: 20_000, interval: 5 },
      );
      const gap = (from: number) => started.get(from + 1)! - started.get(from)!;
      // Backoff with jitter: the third wait (200–400 ms) is longer than the first (50–100 ms).
      expect(gap(3)).toBeGreaterThan(gap(1));
      await vi.waitFor(() => expect(app.outbox.store.get(entry.id)!.state).toBe('pending'));
      const waiting = app.outbox.store.get(entry.id)!;
      expect(waiting.lastError).toMatch(/Cannot reach the server/);
      expect(waiting.maybeSentSince).not.toBeNull();
      expect(app.connectivity.offlineReports.length).toBeGreaterThanOrEqual(4);
    } finally {
      studio.proxy.goOnline();
    }
    await vi.waitFor(() => expect(app.outbox.pendingCount()).toBe(0), { timeout: 20_000 });
    expect(await textsOn(taskId!, 'through a cut network')).toEqual(['through a cut network']);
  });
});

describe('a write whose answer was lost', () => {
  /** Cuts the app's connection right after the server stored a comment, before it answers. */
  const loseAnswers = (taskId: string) =>
    studio.server.context.events.subscribe((event) => {
      if (event.name === 'comment:new' && event.data.task_id === taskId) studio.proxy.cut();
    });

  it('is found on the server at the next attempt and not posted again', async () => {
    const app = await open();
    const [taskId] = await studio.tasksIn('wip');
    const stopLosing = loseAnswers(taskId!);
    const entry = await app.queue(taskId!, 'the answer got lost', 'wfa');
    try {
      expect(await app.outbox.deliverNow(entry.id)).toEqual({ type: 'queued' });
    } finally {
      stopLosing();
    }
    // The server has it; the outbox does not know.
    expect(await textsOn(taskId!, 'the answer got lost')).toHaveLength(1);
    expect(app.outbox.store.get(entry.id)!.maybeSentSince).not.toBeNull();

    await vi.waitFor(() => expect(app.outbox.pendingCount()).toBe(0), { timeout: 20_000 });
    const landed = (await studio.comments(taskId!)).filter(
      (comment) => comment.text === 'the answer got lost',
    );
    expect(landed).toHaveLength(1);
    expect(app.outbox.store.receipt(entry.id)).toEqual({ serverId: landed[0]!.id });
  });

  it('is told apart from the same words written before, which another write delivered', async () => {
    const app = await open();
    const [taskId] = await studio.tasksIn('wip');
    const words = 'Same words twice';
    const first = await app.queue(taskId!, words, 'wip');
    expect(await app.outbox.deliverNow(first.id)).toMatchObject({ type: 'delivered' });

    const stopLosing = loseAnswers(taskId!);
    const second = await app.queue(taskId!, words, 'wip');
    try {
      expect(await app.outbox.deliverNow(second.id)).toEqual({ type: 'queued' });
    } finally {
      stopLosing();
    }
    await vi.waitFor(() => expect(app.outbox.pendingCount()).toBe(0), { timeout: 20_000 });
    const landed = (await studio.comments(taskId!)).filter((comment) => comment.text === words);
    expect(landed).toHaveLength(2);
    const receipts = [first.id, second.id].map((id) => app.outbox.store.receipt(id)?.serverId);
    expect(new Set(receipts)).toEqual(new Set(landed.map((comment) => comment.id)));
  });
});

describe('attached files', () => {
  let filesDir: string;
  beforeAll(() => {
    filesDir = mkdtempSync(join(tmpdir(), 'shotdesk-outbox-files-'));
  });
  afterAll(() => rmSync(filesDir, { recursive: true, force: true }));

  it('are kept by the outbox and sent after the originals were deleted', async () => {
    const app = await open();
    const [taskId] = await studio.tasksIn('wip');
    const notes = join(filesDir, 'notes.txt');
    const frame = join(filesDir, 'frame.bin');
    const bytes = {
      'notes.txt': Buffer.from('Fix the elbow.\n'),
      'frame.bin': Buffer.from([0, 1, 254, 255]),
    };
    writeFileSync(notes, bytes['notes.txt']);
    writeFileSync(frame, bytes['frame.bin']);
    app.granted.grant(notes);
    app.granted.grant(frame);

    app.connectivity.set(false);
    const entry = await app.queue(taskId!, 'Two files, sent later', 'wip', {
      attachments: [notes, frame],
      checklist: [{ text: 'Elbow', checked: false }],
    });
    const [shown] = app.outbox.overlayComments(taskId!, []);
    expect(shown!.attachments.map((file) => [file.name, file.size])).toEqual([
      ['notes.txt', 15],
      ['frame.bin', 4],
    ]);
    rmSync(notes);
    rmSync(frame);

    app.connectivity.set(true);
    await vi.waitFor(() => expect(app.outbox.pendingCount()).toBe(0), { timeout: 20_000 });
    const [landed] = (await studio.comments(taskId!)).filter(
      (comment) => comment.text === 'Two files, sent later',
    );
    expect(landed!.checklist).toEqual([{ text: 'Elbow', checked: false }]);
    const files = landed!.attachment_files as { id: string; name: 'notes.txt' | 'frame.bin' }[];
    expect(files.map((file) => file.name).sort()).toEqual(['frame.bin', 'notes.txt']);
    for (const file of files) {
      const response = await fetch(
        `${studio.server.baseUrl}/data/attachment-files/${file.id}/file/${file.name}`,
        { headers: { Authorization: `Bearer ${studio.jordan.token}`, Connection: 'close' } },
      );
      expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes[file.name]);
    }
    expect(existsSync(join(app.outbox.filesRoot, entry.id))).toBe(false);
  });

  it('must be granted: a file never chosen stops the write before anything is kept', async () => {
    const app = await open();
    const [taskId] = await studio.tasksIn('wip');
    const secret = join(filesDir, 'secret.txt');
    writeFileSync(secret, 'not chosen');
    app.connectivity.set(false);
    await expect(
      app.queue(taskId!, 'Sneaky', 'wip', { attachments: [secret] }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(app.outbox.pendingCount()).toBe(0);
    expect(existsSync(app.outbox.filesRoot) ? readdirSync(app.outbox.filesRoot) : []).toEqual([]);
  });
});

describe('server errors', () => {
  let gateway: FailingGateway;
  beforeAll(async () => {
    gateway = await startFailingGateway(studio.server.baseUrl);
  });
  afterAll(() => gateway?.close());

  it('are retried with backoff until the comment lands, once', async () => {
    const app = await open({ apiUrl: gateway.apiUrl, retryBaseMs: 50, serverErrorAttempts: 5 });
    const [taskId] = await studio.tasksIn('wip');
    gateway.failNextPosts(3);
    const refusedBefore = gateway.refused;
    const entry = await app.queue(taskId!, 'after three 503s', 'wip');
    expect(await app.outbox.deliverNow(entry.id)).toEqual({ type: 'queued' });
    await vi.waitFor(() => expect(app.outbox.pendingCount()).toBe(0), { timeout: 20_000 });
    expect(gateway.refused - refusedBefore).toBe(3);
    expect(await textsOn(taskId!, 'after three 503s')).toEqual(['after three 503s']);
  });

  it('past the attempts allowed, stop the write as failed with the server’s words', async () => {
    const app = await open({ apiUrl: gateway.apiUrl, retryBaseMs: 20, serverErrorAttempts: 2 });
    const [taskId] = await studio.tasksIn('wip');
    gateway.failNextPosts(2);
    const entry = await app.queue(taskId!, 'the server keeps failing', 'wip');
    app.outbox.flush();
    await vi.waitFor(() => expect(app.outbox.store.get(entry.id)?.state).toBe('failed'), {
      timeout: 20_000,
    });
    expect(app.outbox.conflicts()).toEqual([
      expect.objectContaining({
        id: entry.id,
        state: 'failed',
        reason: expect.stringMatching(
          /^The server kept failing on it \(HTTP 503: The server is restarting\)\./,
        ),
      }),
    ]);
    expect(await textsOn(taskId!, 'the server keeps failing')).toEqual([]);
    // Trying again once the server is well sends it.
    await app.outbox.resolve(entry.id, 'post-anyway');
    await vi.waitFor(() => expect(app.outbox.pendingCount()).toBe(0), { timeout: 20_000 });
    expect(await textsOn(taskId!, 'the server keeps failing')).toEqual([
      'the server keeps failing',
    ]);
  });
});
