import type { ConflictAction, OutboxConflict } from '../../src-shared/sync';
import type { TaskComment } from '../../src-shared/task-comment';
import type { PublishProgress } from '../../src-shared/publish';
import type { TimeLogDay } from '../../src-shared/time-log';
import type { TodoTask } from '../../src-shared/todo-task';
import { AppError } from '../kitsu/app-error';
import { backoffDelay } from '../kitsu/backoff';
import type { OutboxEntry, OutboxKindName } from './outbox-entry';
import { ackKind } from './outbox-ack';
import { commentKind } from './outbox-comment';
import { removeOutboxFiles } from './outbox-files';
import type { OutboxHost } from './outbox-host';
import type { OutboxKind } from './outbox-kind';
import { publishKind } from '../publish/publish-kind';
import { publishProgressOf } from '../publish/publish-progress';
import { replyKind } from './outbox-reply';
import { OutboxStore, type NewOutboxEntry } from './outbox-store';
import { dayOffKind, TIME_LOG_LANE, timeSpentKind } from './outbox-time';
import { runLane, type EntryOutcome, type LaneRunnerDeps } from './replay';

export interface OutboxOptions {
  /** First retry delay after a network or server failure; doubles up to `retryMaxMs`. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Server errors (5xx) one write may meet before it stops as failed. */
  serverErrorAttempts?: number;
  now?: () => Date;
}

const KINDS: Record<OutboxKindName, OutboxKind> = {
  comment: commentKind,
  reply: replyKind,
  ack: ackKind,
  'time-spent': timeSpentKind,
  'day-off': dayOffKind,
  publish: publishKind,
};

/**
 * The person's writes that the server has not confirmed: kept in the cache file, replayed in
 * order per lane (a task) whenever the server is reachable — at once on start and on
 * reconnect, else after a backoff — and stopped as conflicts or failures for the person to
 * resolve. Nothing leaves it but a delivery or the person's discard.
 */
export class Outbox {
  readonly store: OutboxStore;
  private readonly running = new Map<string, Promise<void>>();
  private readonly rerun = new Set<string>();
  private readonly retryTimers = new Map<string, NodeJS.Timeout>();
  private readonly waiters = new Map<string, (outcome: EntryOutcome) => void>();
  private readonly interactive = new Set<string>();
  private readonly serverErrors = new Map<string, number>();
  private unsubscribeOnline: (() => void) | null = null;
  private stopped = false;
  /** Bytes of each file of a publish sent so far, and when progress was last told. */
  private readonly sentBytes = new Map<string, number[]>();
  private readonly progressTold = new Map<string, number>();
  private readonly lastProgress = new Map<string, PublishProgress>();

  constructor(
    private readonly host: OutboxHost,
    private readonly options: OutboxOptions = {},
  ) {
    this.store = new OutboxStore(host.db, options.now);
  }

  get filesRoot(): string {
    return this.host.filesRoot;
  }

  /** Whether the server is thought reachable: a new write then waits for its outcome. */
  online(): boolean {
    return this.host.online();
  }

  /** Starts replaying: now, and every time the server comes back. */
  start(): void {
    this.store.pruneReceipts();
    this.unsubscribeOnline = this.host.onOnline(() => this.flush({ now: true }));
    this.flush();
  }

  /**
   * Stops replaying (logout, quit): no write is touched after this. A request in flight ends
   * on its own; its write stays marked as perhaps sent, and the next session checks.
   */
  stop(): void {
    this.stopped = true;
    this.unsubscribeOnline?.();
    for (const timer of this.retryTimers.values()) clearTimeout(timer);
    this.retryTimers.clear();
    for (const resolve of this.waiters.values()) resolve({ type: 'queued' });
    this.waiters.clear();
  }

  /** Resolves when no lane is replaying (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  /** Records a write; the caller has prepared its payload (and kept its files). */
  enqueue(entry: NewOutboxEntry): OutboxEntry {
    const stored = this.store.insert(entry);
    this.changed([stored]);
    return stored;
  }

  /** `enqueue` for a write whose files are kept already: should recording fail, they go. */
  async enqueueWithFiles(entry: NewOutboxEntry): Promise<OutboxEntry> {
    try {
      return this.enqueue(entry);
    } catch (error) {
      await removeOutboxFiles(this.filesRoot, entry.id);
      throw error;
    }
  }

  /**
   * A new write on a task: in the task's lane (its writes go in order), expecting the status
   * the task's waiting writes will leave, else the one last seen (`knownStatusId`).
   */
  taskWrite(
    write: Pick<NewOutboxEntry, 'id' | 'kind' | 'payload'> & { taskId: string },
    knownStatusId: string | null = null,
  ): NewOutboxEntry {
    return {
      ...write,
      lane: write.taskId,
      baseStatusId: this.expectedStatus(write.taskId) ?? knownStatusId,
    };
  }

  /** The task's status once every waiting write of its lane has landed, as far as one can tell. */
  expectedStatus(lane: string): string | null {
    const entries = this.store.forLane(lane);
    for (let index = entries.length - 1; index >= 0; index--) {
      const entry = entries[index]!;
      // A reply or an ack leaves the status as it found it.
      const status = KINDS[entry.kind].expectedStatusAfter(entry) ?? entry.baseStatusId;
      if (status !== null) return status;
    }
    return null;
  }

  /**
   * Replays every lane that may go (`now`: even those waiting out a backoff). Does nothing
   * while the server is thought unreachable: reconnecting flushes.
   */
  flush(options: { now?: boolean } = {}): void {
    if (this.stopped || !this.host.online()) return;
    for (const lane of this.store.lanes()) {
      if (!options.now && this.retryTimers.has(lane)) continue;
      this.runLaneNow(lane);
    }
  }

  /**
   * Tries a new write at once and waits for its outcome: delivered, refused (rolled back),
   * or still waiting (offline, a server error, a conflict, a lane blocked before it). A network
   * that neither answers nor fails is not waited on past `maxWaitMs`: the write goes on in the
   * background, and a refusal after that stops it as failed rather than rolling it back.
   */
  async deliverNow(id: string, maxWaitMs = 15_000): Promise<EntryOutcome> {
    const entry = this.store.get(id);
    if (!entry || this.stopped || !this.host.online()) return { type: 'queued' };
    this.interactive.add(id);
    let timer: NodeJS.Timeout | undefined;
    try {
      const outcome = new Promise<EntryOutcome>((resolve) => {
        this.waiters.set(id, resolve);
        timer = setTimeout(() => resolve({ type: 'queued' }), maxWaitMs);
      });
      this.runLaneNow(entry.lane);
      return await outcome;
    } finally {
      clearTimeout(timer);
      this.interactive.delete(id);
      this.waiters.delete(id);
    }
  }

  /** Writes waiting, conflicts and failures included. */
  pendingCount(): number {
    return this.store.count();
  }

  /** The writes that wait for the person, oldest first. */
  conflicts(): OutboxConflict[] {
    return this.store.all().flatMap((entry): OutboxConflict[] => {
      if (entry.state !== 'conflict' && entry.state !== 'failed') return [];
      const kind = KINDS[entry.kind];
      return [
        {
          id: entry.id,
          taskId: entry.taskId ?? '',
          summary: kind.summary(entry),
          reason: entry.reason ?? '',
          text: kind.text(entry),
          editable: kind.withText !== undefined,
          area: kind.area,
          alreadySent: kind.alreadySent?.(entry) ?? null,
          state: entry.state,
          offersWithoutStatus: entry.state === 'conflict' && entry.serverStatus?.keepable !== false,
        },
      ];
    });
  }

  /** The person's answer to a conflict or a refusal; a waiting write may be edited or dropped too. */
  async resolve(id: string, action: ConflictAction, text?: string): Promise<void> {
    const entry = this.store.get(id);
    if (!entry) {
      throw new AppError(
        'not-found',
        'This write is no longer waiting: it was sent or discarded meanwhile.',
      );
    }
    if (entry.state === 'sending') {
      throw new AppError('conflict', 'It is being sent right now. Wait a moment, then look again.');
    }
    const stopped = entry.state === 'conflict' || entry.state === 'failed';
    const kind = KINDS[entry.kind];
    switch (action) {
      case 'discard':
        this.store.discard(entry);
        await removeOutboxFiles(this.host.filesRoot, entry.id);
        break;
      case 'edit':
        if (text === undefined) throw new AppError('invalid-input', 'Edit needs the new text.');
        if (!kind.withText) {
          throw new AppError(
            'invalid-input',
            'This write has no text to edit: try again or discard it.',
          );
        }
        // After a conflict, the edited comment goes as written: the person has seen the news.
        this.store.resume(
          id,
          entry.state === 'conflict' ? 'post-anyway' : entry.resolution,
          kind.withText(entry, text),
        );
        break;
      case 'post-anyway':
        if (!stopped) throw notStopped();
        this.store.resume(id, entry.state === 'conflict' ? 'post-anyway' : entry.resolution);
        break;
      case 'post-without-status':
        if (entry.state !== 'conflict') {
          throw new AppError(
            'invalid-input',
            'Only a comment whose status change met a conflict can be posted without it.',
          );
        }
        if (entry.serverStatus?.keepable === false) {
          throw new AppError(
            'invalid-input',
            `You may not post a comment with ${entry.serverStatus.name}: post it anyway with your status, or discard it.`,
          );
        }
        this.store.resume(id, 'post-without-status');
        break;
    }
    this.serverErrors.delete(id);
    this.changed([entry]);
    this.clearRetry(entry.lane);
    if (!this.stopped && this.host.online()) this.runLaneNow(entry.lane);
  }

  /** One waiting comment as the thread shows it; null once it left the outbox. */
  optimisticComment(id: string): TaskComment | null {
    const entry = this.store.get(id);
    return entry ? (KINDS[entry.kind].optimisticComment?.(entry) ?? null) : null;
  }

  /** The task's comments still in the outbox, newest first, as the thread shows them. */
  optimisticComments(taskId: string): TaskComment[] {
    return this.store
      .forTask(taskId)
      .flatMap((entry) => KINDS[entry.kind].optimisticComment?.(entry) ?? [])
      .reverse();
  }

  /**
   * The server's thread (newest first) with the outbox's comments on top and its replies and
   * acknowledgements in place. A write being sent may be in the server's list already; it
   * shows once.
   */
  overlayComments(taskId: string, comments: readonly TaskComment[]): TaskComment[] {
    let thread = this.withWaitingComments(taskId, comments);
    const sameComment = (comment: TaskComment, id: string) =>
      comment.id === id || comment.id === this.store.receipt(id)?.serverId;
    for (const entry of this.store.forTask(taskId)) {
      const kind = KINDS[entry.kind];
      if (kind.overlayThread) thread = kind.overlayThread(entry, thread, sameComment);
    }
    return thread;
  }

  /** A time log day as it will be once its waiting writes land. */
  overlayDay(day: TimeLogDay): TimeLogDay {
    let shown = day;
    for (const entry of this.store.forLane(TIME_LOG_LANE)) {
      shown = KINDS[entry.kind].overlayDay?.(entry, shown) ?? shown;
    }
    return shown;
  }

  private withWaitingComments(taskId: string, comments: readonly TaskComment[]): TaskComment[] {
    const waiting = this.optimisticComments(taskId).filter(
      (mine) =>
        mine.outboxState !== 'sending' ||
        !comments.some(
          (theirs) =>
            theirs.person.id === mine.person.id &&
            theirs.text === mine.text &&
            theirs.createdAt >= mine.createdAt.slice(0, 16),
        ),
    );
    return [...waiting, ...comments];
  }

  /**
   * Todo rows as they will be once their tasks' waiting writes land: status and last comment.
   * One read of the outbox for the whole list.
   */
  overlayTasks<T extends TodoTask>(tasks: readonly T[]): T[] {
    const byTask = new Map<string, OutboxEntry[]>();
    for (const entry of this.store.all()) {
      if (!entry.taskId || (entry.state !== 'pending' && entry.state !== 'sending')) continue;
      byTask.set(entry.taskId, [...(byTask.get(entry.taskId) ?? []), entry]);
    }
    if (byTask.size === 0) return [...tasks];
    return tasks.map((task) => this.overlayTask(task, byTask.get(task.id) ?? []));
  }

  private overlayTask<T extends TodoTask>(task: T, entries: readonly OutboxEntry[]): T {
    let row = task;
    for (const entry of entries) {
      const kind = KINDS[entry.kind];
      const status = kind.optimisticStatus(entry);
      const comment = kind.optimisticComment?.(entry);
      row = {
        ...row,
        ...(status && {
          taskStatusId: status.id,
          taskStatusName: status.name,
          taskStatusShortName: status.shortName,
          taskStatusColor: status.color,
        }),
        ...(comment && {
          lastComment: { text: comment.text, date: comment.createdAt, personId: comment.person.id },
        }),
      };
    }
    return row;
  }

  private runLaneNow(lane: string): void {
    if (this.stopped) return;
    this.clearRetry(lane);
    if (this.running.has(lane)) {
      this.rerun.add(lane);
      return;
    }
    const run = this.replayLane(lane).finally(() => this.running.delete(lane));
    this.running.set(lane, run);
  }

  private async replayLane(lane: string): Promise<void> {
    for (;;) {
      this.rerun.delete(lane);
      const stop = await runLane(this.laneDeps(), lane).catch((error: unknown) => {
        // A bug or a closed cache, not a network failure: logged, and retried later.
        console.error(`Shotdesk: replaying the outbox failed: ${String(error)}`);
        return { type: 'retry' as const, attempts: 3 };
      });
      if (this.stopped) return;
      if (stop.type === 'retry') this.scheduleRetry(lane, stop.attempts);
      if (!this.rerun.has(lane) || stop.type === 'stopped') break;
    }
    this.releaseWaiters(lane);
  }

  private laneDeps(): LaneRunnerDeps {
    return {
      store: this.store,
      kinds: KINDS,
      filesRoot: this.host.filesRoot,
      context: async () => ({
        client: await this.host.client(),
        personId: this.host.personId,
        filesRoot: this.host.filesRoot,
        isReceipted: (serverId) => this.store.isReceipted(serverId),
        serverIdOf: (outboxId) => this.store.receipt(outboxId)?.serverId ?? null,
        saveProgress: (entryId, payload) => {
          if (this.stopped) return;
          this.store.updatePayload(entryId, payload);
          const entry = this.store.get(entryId);
          if (entry) this.changed([entry]);
        },
        reportBytes: (entryId, fileIndex, sentBytes) =>
          this.reportBytes(entryId, fileIndex, sentBytes),
      }),
      isInteractive: (id) => this.interactive.has(id),
      serverErrors: this.serverErrors,
      serverErrorAttempts: this.options.serverErrorAttempts ?? 5,
      shouldStop: () => this.stopped,
      onDelivered: this.host.onDelivered?.bind(this.host),
      onOutcome: (entry, outcome) => this.waiters.get(entry.id)?.(outcome),
      onChange: (entry) => this.changed([entry]),
      onOffline: (error) => this.host.reportOffline?.(error),
    };
  }

  /** Whoever waits on a write the lane did not reach hears that it still waits. */
  private releaseWaiters(lane: string): void {
    for (const [id, resolve] of this.waiters) {
      const entry = this.store.get(id);
      if (!entry || entry.lane === lane) resolve({ type: 'queued' });
    }
  }

  private scheduleRetry(lane: string, attempts: number): void {
    this.clearRetry(lane);
    const delay = backoffDelay(
      Math.max(1, attempts),
      this.options.retryBaseMs ?? 1_000,
      this.options.retryMaxMs ?? 60_000,
    );
    const timer = setTimeout(() => {
      this.retryTimers.delete(lane);
      if (this.host.online()) this.runLaneNow(lane);
    }, delay);
    timer.unref();
    this.retryTimers.set(lane, timer);
  }

  private clearRetry(lane: string): void {
    const timer = this.retryTimers.get(lane);
    if (timer) clearTimeout(timer);
    this.retryTimers.delete(lane);
  }

  private changed(entries: readonly OutboxEntry[]): void {
    if (this.stopped) return;
    const taskIds = [...new Set(entries.flatMap((entry) => (entry.taskId ? [entry.taskId] : [])))];
    this.host.onChange(taskIds);
    for (const entry of entries) if (entry.kind === 'publish') this.tellProgress(entry.id);
  }

  /** Where a publish stands; null once it left the outbox. */
  publishProgress(entryId: string): PublishProgress | null {
    const entry = this.store.get(entryId);
    if (!entry || entry.kind !== 'publish') return null;
    return publishProgressOf(entry, this.sentBytes.get(entryId) ?? []);
  }

  private reportBytes(entryId: string, fileIndex: number, sent: number): void {
    const bytes = this.sentBytes.get(entryId) ?? [];
    bytes[fileIndex] = sent;
    this.sentBytes.set(entryId, bytes);
    // A few times a second is enough for a progress bar.
    if (Date.now() - (this.progressTold.get(entryId) ?? 0) >= PROGRESS_EVERY_MS) {
      this.tellProgress(entryId);
    }
  }

  private tellProgress(entryId: string): void {
    this.progressTold.set(entryId, Date.now());
    const progress = this.publishProgress(entryId);
    if (progress) {
      this.lastProgress.set(entryId, progress);
      this.host.onPublishProgress?.(progress);
      return;
    }
    // Gone: delivered (every file is on the server) or discarded (nobody waits on it).
    const last = this.lastProgress.get(entryId);
    this.lastProgress.delete(entryId);
    this.sentBytes.delete(entryId);
    this.progressTold.delete(entryId);
    if (last && this.store.receipt(entryId)) {
      this.host.onPublishProgress?.({
        ...last,
        state: 'done',
        files: last.files.map((file) => ({ ...file, sentBytes: file.size, state: 'uploaded' })),
      });
    }
  }
}

const PROGRESS_EVERY_MS = 250;

const notStopped = () =>
  new AppError('invalid-input', 'This write has not stopped: it is waiting to be sent.');
