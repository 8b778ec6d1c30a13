import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ARTIST_EMAIL, DEMO_PASSWORD } from '../../../src-server/seed/demo-accounts';
import { startDemoTestServer } from '../../../src-server/test-support/demo-test-server';
import type { TestServer } from '../../../src-server/test-support/test-server';
import { openCacheDb, type CacheDb } from '../../cache/cache-db';
import { KitsuClient } from '../../kitsu/kitsu-client';
import { proxyTo, type CuttableProxy } from '../../live/test-support/cuttable-proxy';
import { studioApi, type StudioApi } from '../../test-support/studio-api';
import type { CommentChecklistItem } from '../../../src-shared/task-comment';
import { GrantedFiles } from '../../files/granted-files';
import { Outbox, type OutboxOptions } from '../outbox';
import { queueComment } from '../outbox-comment-write';
import type { OutboxEntry } from '../outbox-entry';
import { outboxFilesDir } from '../outbox-files';
import type { OutboxHost } from '../outbox-host';

/** The fields of Kitsu's comment rows the tests read. */
export interface ServerCommentRow {
  id: string;
  text: string;
  task_status_id: string;
  checklist: unknown;
  attachment_files: unknown;
}

/**
 * A real src-server in this process with the demo production, reached by the app through a
 * cuttable proxy (the network that fails), and directly by the test (what the server holds).
 */
export interface OutboxStudio {
  server: TestServer;
  proxy: CuttableProxy;
  /** The API as the app reaches it: through the proxy. */
  apiUrl: string;
  /** Jordan, the demo artist, straight to the server. */
  jordan: StudioApi;
  /** Tom, the supervisor, straight to the server. */
  tom: StudioApi;
  admin: StudioApi;
  statusId(shortName: string): string;
  /** Jordan's open tasks in that status (short name). */
  tasksIn(shortName: string): Promise<string[]>;
  /** The task's comments on the server, newest first (Kitsu's JSON rows). */
  comments(taskId: string): Promise<ServerCommentRow[]>;
  taskStatusId(taskId: string): Promise<string>;
  close(): Promise<void>;
}

export async function startOutboxStudio(): Promise<OutboxStudio> {
  const server = await startDemoTestServer();
  const url = new URL(server.baseUrl);
  const proxy = await proxyTo(server.baseUrl);
  const jordan = await studioApi(server.baseUrl, DEMO_ARTIST_EMAIL, DEMO_PASSWORD);
  const tom = await studioApi(server.baseUrl, 'tom.becker@example.com', DEMO_PASSWORD);
  const admin = await studioApi(server.baseUrl, 'admin@example.com', DEMO_PASSWORD);
  const statuses = (await jordan.expectOk('GET', '/data/task-status')) as {
    id: string;
    short_name: string;
  }[];
  const statusId = (shortName: string) => {
    const found = statuses.find((status) => status.short_name === shortName);
    if (!found) throw new Error(`no status ${shortName}`);
    return found.id;
  };
  return {
    server,
    proxy,
    apiUrl: `${proxy.origin}${url.pathname}`,
    jordan,
    tom,
    admin,
    statusId,
    async tasksIn(shortName) {
      const tasks = (await jordan.expectOk('GET', '/data/user/tasks')) as {
        id: string;
        task_status_id: string;
      }[];
      return tasks.filter((task) => task.task_status_id === statusId(shortName)).map((t) => t.id);
    },
    comments: async (taskId) =>
      (await jordan.expectOk('GET', `/data/tasks/${taskId}/comments`)) as ServerCommentRow[],
    async taskStatusId(taskId) {
      const task = (await jordan.expectOk('GET', `/data/tasks/${taskId}`)) as {
        task_status_id: string;
      };
      return task.task_status_id;
    },
    async close() {
      await proxy.close();
      await server.close();
    },
  };
}

/** Whether the app thinks the server reachable; the test says when it comes back. */
export class TestConnectivity {
  online = true;
  readonly offlineReports: string[] = [];
  private readonly listeners = new Set<() => void>();

  set(online: boolean): void {
    const cameBack = online && !this.online;
    this.online = online;
    if (cameBack) for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export interface TestOutbox {
  outbox: Outbox;
  db: CacheDb;
  connectivity: TestConnectivity;
  /** The task ids of every change the outbox reported, in order. */
  changes: string[][];
  /** The cache file: a second outbox on it is the next start of the app. */
  cachePath: string;
  /** Queues a comment as `tasks:post-comment` does (files must be granted in `granted`). */
  queue(
    taskId: string,
    text: string,
    statusShortName: string,
    extra?: { attachments?: string[]; checklist?: CommentChecklistItem[]; knownStatus?: string },
  ): Promise<OutboxEntry>;
  granted: GrantedFiles;
  /** `keepCache`: the cache file stays, for the next start. */
  close(options?: { keepCache?: boolean }): Promise<void>;
}

/** An outbox on a fresh cache file (or `cachePath`'s), Jordan's, through the studio's proxy. */
export async function openTestOutbox(
  studio: OutboxStudio,
  options: OutboxOptions & { cachePath?: string; start?: boolean; apiUrl?: string } = {},
): Promise<TestOutbox> {
  const dir = options.cachePath ? null : mkdtempSync(join(tmpdir(), 'shotdesk-outbox-'));
  const cachePath = options.cachePath ?? join(dir!, 'cache.sqlite');
  const db = openCacheDb(cachePath);
  const apiUrl = options.apiUrl ?? studio.apiUrl;
  const login = await studioApi(apiUrl, DEMO_ARTIST_EMAIL, DEMO_PASSWORD);
  const client = new KitsuClient({
    apiUrl,
    tokens: { accessToken: login.token, refreshToken: null },
    timeoutMs: 10_000,
    retryBaseMs: 20,
  });
  const connectivity = new TestConnectivity();
  const changes: string[][] = [];
  const host: OutboxHost = {
    db,
    filesRoot: outboxFilesDir(cachePath),
    personId: login.personId,
    client: async () => client,
    online: () => connectivity.online,
    onOnline: (listener) => connectivity.subscribe(listener),
    reportOffline: (error) => connectivity.offlineReports.push(error.message),
    onChange: (taskIds) => changes.push(taskIds),
  };
  const outbox = new Outbox(host, { retryBaseMs: 50, retryMaxMs: 400, ...options });
  if (options.start !== false) outbox.start();
  const granted = new GrantedFiles();
  return {
    outbox,
    db,
    connectivity,
    changes,
    cachePath,
    granted,
    queue: (taskId, text, statusShortName, extra = {}) =>
      queueComment(
        outbox,
        granted,
        {
          taskId,
          text,
          taskStatusId: studio.statusId(statusShortName),
          ...(extra.checklist ? { checklist: extra.checklist } : {}),
          ...(extra.attachments ? { attachments: extra.attachments } : {}),
        },
        {
          author: { id: login.personId, fullName: 'Jordan Reyes' },
          status: {
            id: studio.statusId(statusShortName),
            name: statusShortName,
            shortName: statusShortName,
            color: '#999999',
          },
          mentions: [],
          taskLabel: null,
          knownStatusId: extra.knownStatus ? studio.statusId(extra.knownStatus) : null,
        },
      ),
    async close({ keepCache = false } = {}) {
      outbox.stop();
      await outbox.idle();
      db.close();
      if (dir && !keepCache) rmSync(dir, { recursive: true, force: true });
    },
  };
}
