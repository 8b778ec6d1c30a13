import { formatKitsuDateTime } from '../../src-shared/kitsu/datetime';
import type { SettableTaskStatus, TaskComment } from '../../src-shared/task-comment';
import type { TodoTask } from '../../src-shared/todo-task';
import type { CacheDb } from '../cache/cache-db';
import { CachedReads } from '../cache/cached-reads';
import type { WriteGuard } from '../cache/chunked-write';
import {
  cachedThreadIds,
  hasThread,
  markThreadRead,
  markThreadsStale,
  recentlyReadThreadIds,
  threadsWithProcessingPreviews,
  readThreadJson,
  staleThreadIds,
} from '../cache/comment-store';
import { hasContext, readContextEntry } from '../cache/context-store';
import { LAST_SYNCED_AT, readMeta, writeMeta } from '../cache/sync-meta';
import {
  cachedLists,
  readTaskJson,
  recentOpenTaskIds,
  type TaskListName,
} from '../cache/task-list-store';
import { writeTaskList } from '../cache/task-list-write';
import { isAppError, type AppError } from '../kitsu/app-error';
import type { KitsuClient } from '../kitsu/kitsu-client';
import type { ChangePush } from '../live/change-batcher';
import { mentionedIds, personNamesOf } from '../tasks/person-names';
import { toTaskComment } from '../tasks/task-comment-row';
import { settableStatusesOf } from '../tasks/task-comments';
import { toTodoTask } from '../tasks/todo-task-row';
import type { Connectivity } from './connectivity';
import { pullThread } from './pull-comments';
import { pullContext } from './pull-context';
import { PullScheduler } from './pull-scheduler';
import { fetchTaskListRows } from './pull-task-lists';
import type { SyncExtension } from './sync-extension';
import { TaskListViews } from './task-list-view';

export interface SyncSessionOptions {
  db: CacheDb;
  cachePath: string;
  /** The session's API (`…/api`): the server its requests go to. */
  apiUrl: string;
  personId: string;
  role: string;
  client: KitsuClient;
  connectivity: Connectivity;
  /** `cache:changed` */
  push: ChangePush;
  /** The sync state may have changed (`sync:changed`). */
  stateChanged: () => void;
  /** A read refreshes in the background unless the same data was refreshed this recently. */
  refreshAfterMs: number;
  /** Threads a complete sync reads ahead: of the open tasks most recently changed. */
  bootstrapThreads: number;
  /** Threads read at once. */
  threadConcurrency: number;
}

/** How long a read waits for a refresh that news asked for before answering the cache. */
const READ_WAITS_MS = 3_000;

/** What a pull changed in the cache. */
interface Changes {
  lists: boolean;
  /** The tasks whose list rows changed; null: any (a list written whole). */
  listTaskIds: string[] | null;
  threads: string[];
}

/** More changed tasks than this, and a push names none (the renderer reloads the lists). */
const NAMED_TASKS_MAX = 200;

/** A catch-up re-reads the threads the person read within this long, at most this many. */
const RECENTLY_READ_MS = 3 * 24 * 3600_000;
const RECENTLY_READ_THREADS = 20;

/** How long a read of the context stays fresh enough for readers of one of its keys. */
const CONTEXT_FRESH_MS = 60_000;

/**
 * One logged-in person's offline cache on one server: reads answer from the cache at once and
 * refresh it in the background; the server's news (live events, writes) refresh what they
 * name; a complete sync (bootstrap, catch-up after a gap) re-reads the lists and refetches only
 * the threads of tasks that moved. Every refresh that changes something says so
 * (`cache:changed`).
 */
export class SyncSession implements WriteGuard {
  readonly db: CacheDb;
  readonly cachePath: string;
  readonly apiUrl: string;
  readonly personId: string;
  readonly kitsu: KitsuClient;
  readonly connectivity: Connectivity;
  /** Answers kept whole for what the tables above do not hold yet (time log days). */
  readonly keptReads: CachedReads;
  private readonly scheduler = new PullScheduler();
  private readonly extensions: SyncExtension[] = [];
  private readonly awaitedRefreshes = new Map<string, Promise<unknown>>();
  private readonly lists: TaskListViews;
  private syncRuns = 0;
  private isClosed = false;

  constructor(private readonly options: SyncSessionOptions) {
    this.db = options.db;
    this.cachePath = options.cachePath;
    this.apiUrl = options.apiUrl;
    this.personId = options.personId;
    this.kitsu = options.client;
    this.connectivity = options.connectivity;
    this.keptReads = new CachedReads(options.db);
    this.lists = new TaskListViews(options.db);
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** A complete sync runs (bootstrap or catch-up). */
  get syncing(): boolean {
    return this.syncRuns > 0;
  }

  get lastSyncedAt(): string | null {
    return this.isClosed ? null : readMeta(this.db, LAST_SYNCED_AT);
  }

  // --- What an extension (the outbox) uses -------------------------------------------------

  client(): Promise<KitsuClient> {
    return Promise.resolve(this.kitsu);
  }

  online(): boolean {
    return this.connectivity.online();
  }

  onOnline(listener: () => void): () => void {
    return this.connectivity.onOnline(listener);
  }

  /** A request failed for want of the network. */
  reportOffline(_error?: AppError): void {
    this.connectivity.unreachable();
  }

  /**
   * Main changed something itself (a write queued, sent, stopped): the renderer rereads these
   * tasks' rows and threads, and the sync state is pushed again.
   */
  localChange(taskIds: readonly string[]): void {
    if (this.isClosed) return;
    if (taskIds.length > 0) this.options.push(['task', 'comment'], [...taskIds]);
    this.options.stateChanged();
  }

  /** A task's row as the cache knows it (an open list's first), mapped as the lists show it. */
  cachedTask(taskId: string): TodoTask | null {
    const json = this.isClosed ? null : readTaskJson(this.db, taskId);
    return json === null ? null : toTodoTask(JSON.parse(json));
  }

  attach(extension: SyncExtension): void {
    this.extensions.push(extension);
  }

  pendingCount(): number {
    return this.extensions.reduce((sum, extension) => sum + (extension.pendingCount?.() ?? 0), 0);
  }

  conflicts() {
    return this.extensions.flatMap((extension) => extension.conflicts?.() ?? []);
  }

  // --- Reads: the cache first ----------------------------------------------------------------

  /** A list from the cache (then refreshed in the background), else from the server. */
  async taskList(list: TaskListName): Promise<TodoTask[]> {
    await this.settled(`list:${list}`);
    let cached = this.lists.read(list);
    if (cached === null) {
      await this.refreshList(list, 'join');
      cached = this.lists.read(list) ?? [];
    } else {
      this.inBackground(`list:${list}`, () => this.refreshList(list, 'join'));
    }
    let tasks = [...cached];
    for (const extension of this.extensions) {
      if (extension.overlayTasks) tasks = extension.overlayTasks(tasks);
    }
    return tasks;
  }

  /** A task's thread, newest first, mentions named: from the cache, else from the server. */
  async comments(taskId: string): Promise<TaskComment[]> {
    await this.settled(`thread:${taskId}`);
    let rows = readThreadJson(this.db, taskId);
    if (rows === null) {
      const { failure } = await this.pullThreads([taskId], 'join');
      if (failure !== null) throw failure;
      rows = readThreadJson(this.db, taskId) ?? [];
    } else {
      this.inBackground(`thread:${taskId}`, () => this.refreshThreads([taskId], 'join'));
    }
    markThreadRead(this.db, taskId);
    const parsed = parseRows(rows);
    const names = await this.personNames(mentionedIds(parsed));
    let comments = parsed.map((row) => toTaskComment(row, names));
    for (const extension of this.extensions) {
      if (extension.overlayComments) comments = extension.overlayComments(taskId, comments);
    }
    return comments;
  }

  /** The statuses `role` may set, from the cached context (read first when there is none). */
  async settableStatuses(role: string): Promise<SettableTaskStatus[]> {
    return settableStatusesOf(await this.contextEntry('task_status'), role);
  }

  /** A key of `/data/user/context`, from the cache, else from the server. */
  async contextEntry(key: string): Promise<unknown> {
    if (!hasContext(this.db)) await this.refreshContext('join');
    // The context is large (every person of the studio): read again a minute after the last
    // read at most, whatever the number of readers.
    else {
      const freshMs = Math.max(this.options.refreshAfterMs, CONTEXT_FRESH_MS);
      this.inBackground('context', () => this.refreshContext('join'), freshMs);
    }
    return readContextEntry(this.db, key);
  }

  // --- News from the server -----------------------------------------------------------------

  /**
   * Something changed on the server (a live event, a write of this app): the cache refreshes
   * what it names first, then the renderer hears of it — the change as it came, and the
   * threads found to have moved with it. Comments without task ids may be anywhere (events
   * were missed): a complete sync first.
   */
  async serverChanged(tables: string[], taskIds?: string[]): Promise<void> {
    if (this.isClosed) return;
    if (!taskIds && tables.includes('comment')) {
      await this.syncAll().catch(() => undefined);
      if (!this.isClosed) this.options.push(tables);
      return;
    }
    const refreshes: Promise<unknown>[] = [];
    const movedThreads = new Set<string>();
    if (tables.includes('task')) {
      for (const list of cachedLists(this.db)) {
        const refresh = this.refreshList(list, 'run', { quiet: true }).then((changes) => {
          for (const taskId of changes.threads) movedThreads.add(taskId);
        });
        refreshes.push(this.awaited(`list:${list}`, refresh));
      }
    }
    // Kitsu names no task when a movie's conversion ends: the threads still converting one.
    const threadTaskIds = tables.includes('preview-file')
      ? [...(taskIds ?? []), ...threadsWithProcessingPreviews(this.db)]
      : tables.includes('comment')
        ? (taskIds ?? [])
        : [];
    if (threadTaskIds.length > 0) {
      for (const taskId of cachedThreadIds(this.db, [...new Set(threadTaskIds)])) {
        const refresh = this.pullThreads([taskId], 'run').then(({ failure }) => {
          if (failure !== null) throw failure;
        });
        refreshes.push(this.awaited(`thread:${taskId}`, refresh));
      }
    }
    // Refreshed or not (unreachable meanwhile), the renderer reads what the cache now holds.
    await Promise.allSettled(refreshes);
    if (this.isClosed) return;
    this.options.push(tables, taskIds);
    const others = [...movedThreads].filter((taskId) => !taskIds?.includes(taskId));
    if (others.length > 0) this.options.push(['comment'], others);
  }

  /**
   * Bootstrap and catch-up alike: the context, the lists (compared row by row with the cache),
   * the threads of the tasks that moved, and the threads not read yet of the open tasks most
   * recently changed. Bounded: other threads are read when opened.
   */
  syncAll(): Promise<void> {
    return this.scheduler.run('all', async () => {
      this.syncRuns += 1;
      this.options.stateChanged();
      try {
        await this.refreshContext('run');
        for (const list of this.listsToSync()) await this.refreshList(list, 'run');
        const unread = recentOpenTaskIds(this.db, this.options.bootstrapThreads).filter(
          (taskId) => !hasThread(this.db, taskId),
        );
        // Replies and acknowledgements move no task: the threads read lately are read again.
        const lately = new Date(Date.now() - RECENTLY_READ_MS).toISOString();
        const read = recentlyReadThreadIds(this.db, lately, RECENTLY_READ_THREADS);
        await this.refreshThreads(
          [...new Set([...staleThreadIds(this.db), ...unread, ...read])],
          'join',
        );
        if (!this.isClosed) writeMeta(this.db, LAST_SYNCED_AT, formatKitsuDateTime(new Date()));
      } finally {
        this.syncRuns -= 1;
        this.options.stateChanged();
      }
    });
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    for (const extension of this.extensions) {
      try {
        await extension.close?.();
      } catch (error) {
        console.error(`Shotdesk: closing a sync extension failed: ${String(error)}`);
      }
    }
    this.isClosed = true;
    this.db.close();
  }

  // --- Pulls ------------------------------------------------------------------------------

  private listsToSync(): TaskListName[] {
    const lists = new Set<TaskListName>(['todo', 'done', ...cachedLists(this.db)]);
    // Only reviewers have tasks to check; for artists the server answers an empty list.
    if (this.options.role !== 'user') lists.add('to-check');
    return [...lists];
  }

  /**
   * A list from the server, and the cached threads of the tasks in it that moved (marked stale
   * first: should reading them fail, a complete sync reads them later).
   */
  private refreshList(
    list: TaskListName,
    mode: 'join' | 'run',
    options: { quiet?: boolean } = {},
  ): Promise<Changes> {
    return this.scheduler[mode](`list:${list}`, async () => {
      const rows = await this.reported(() => fetchTaskListRows(this.kitsu, list));
      // Reads meanwhile answer the list as it was: a chunked write is never seen half done.
      this.lists.read(list);
      const write = await this.scheduler
        .exclusive(() => writeTaskList(this.db, list, rows, this))
        .finally(() => this.lists.forget(list));
      const moved = cachedThreadIds(this.db, write.touchedTaskIds);
      markThreadsStale(this.db, moved);
      const { changed } = await this.pullThreads(moved, 'run');
      const changes: Changes = {
        lists: write.changed,
        listTaskIds: write.changedTaskIds,
        threads: changed,
      };
      // Quiet: the caller says what changed itself.
      if (!options.quiet) this.announce(changes);
      return changes;
    });
  }

  private refreshContext(mode: 'join' | 'run'): Promise<boolean> {
    return this.scheduler[mode]('context', () =>
      this.reported(() => pullContext(this.kitsu, this.db, this)),
    );
  }

  /** Threads from the server; says which changed, and throws when the server was unreachable. */
  private async refreshThreads(taskIds: readonly string[], mode: 'join' | 'run'): Promise<void> {
    const { changed, failure } = await this.pullThreads(taskIds, mode);
    this.announce({ lists: false, listTaskIds: [], threads: changed });
    if (failure !== null && isAppError(failure) && failure.code === 'offline') throw failure;
  }

  /**
   * Threads from the server, a few at a time: those that changed, and the first failure (a
   * thread that fails stays as it was; offline, the rest are not tried).
   */
  private async pullThreads(
    taskIds: readonly string[],
    mode: 'join' | 'run',
  ): Promise<{ changed: string[]; failure: unknown }> {
    const changed: string[] = [];
    const queue = [...taskIds];
    let failure: unknown = null;
    const worker = async () => {
      for (let taskId = queue.shift(); taskId !== undefined; taskId = queue.shift()) {
        if (this.isClosed) return;
        const id = taskId;
        try {
          const pull = () => this.reported(() => pullThread(this.kitsu, this.db, id, this));
          if (await this.scheduler[mode](`thread:${id}`, pull)) changed.push(id);
        } catch (error) {
          failure ??= error;
          if (isAppError(error) && error.code === 'offline') queue.length = 0;
        }
      }
    };
    const workers = Math.min(this.options.threadConcurrency, queue.length);
    await Promise.all(Array.from({ length: workers }, worker));
    return { changed, failure };
  }

  /** `cache:changed` for what a pull changed. */
  private announce({ lists, listTaskIds, threads }: Changes): void {
    if (this.isClosed) return;
    if (lists) {
      const named = listTaskIds !== null && listTaskIds.length <= NAMED_TASKS_MAX;
      if (named) this.options.push(['task'], listTaskIds);
      else this.options.push(['task']);
    }
    if (threads.length > 0) this.options.push(['comment'], threads);
  }

  /**
   * A refresh that reads of `key` wait for (a little): after a write of this app, the next
   * read must not answer what the server had before it.
   */
  private awaited<T>(key: string, refresh: Promise<T>): Promise<T> {
    this.awaitedRefreshes.set(key, refresh);
    const forget = () => {
      if (this.awaitedRefreshes.get(key) === refresh) this.awaitedRefreshes.delete(key);
    };
    refresh.then(forget, forget);
    return refresh;
  }

  /** Waits for a refresh of `key` news asked for, at most `READ_WAITS_MS`. */
  private async settled(key: string): Promise<void> {
    const refresh = this.awaitedRefreshes.get(key);
    if (!refresh) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      refresh.catch(() => undefined),
      new Promise((resolve) => (timer = setTimeout(resolve, READ_WAITS_MS))),
    ]);
    clearTimeout(timer);
  }

  /** Refreshes in the background unless the data is fresh; failures are only reported. */
  private inBackground(
    key: string,
    refresh: () => Promise<unknown>,
    freshMs = this.options.refreshAfterMs,
  ): void {
    if (this.isClosed || this.scheduler.finishedWithin(key, freshMs)) return;
    void refresh().catch(() => undefined);
  }

  /** Tells connectivity what the pull met. */
  private async reported<T>(pull: () => Promise<T>): Promise<T> {
    try {
      const value = await pull();
      this.connectivity.reachable();
      return value;
    } catch (error) {
      if (isAppError(error) && error.code === 'offline') this.connectivity.unreachable();
      throw error;
    }
  }

  /** Names for mentions, from the cached context (read once from the server when absent). */
  private async personNames(ids: readonly string[]): Promise<(id: string) => string | null> {
    if (ids.length === 0) return () => null;
    let persons: unknown;
    try {
      persons = await this.contextEntry('persons');
    } catch {
      // Names only highlight mentions: a thread shows without them.
      return () => null;
    }
    const names = personNamesOf(persons);
    return (id) => names.get(id) ?? null;
  }
}

/** Kitsu's JSON texts of rows, parsed in one go (faster than one parse per row). */
function parseRows(rows: readonly string[]): unknown[] {
  return rows.length === 0 ? [] : (JSON.parse(`[${rows.join(',')}]`) as unknown[]);
}
