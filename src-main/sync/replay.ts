import { AppError, isAppError } from '../kitsu/app-error';
import type { OutboxEntry, OutboxKindName } from './outbox-entry';
import { removeOutboxFiles } from './outbox-files';
import type { OutboxKind, ReplayContext } from './outbox-kind';
import type { OutboxStore } from './outbox-store';

/** What became of one write in a replay, for whoever waits on it. */
export type EntryOutcome =
  | { type: 'delivered'; body: unknown; alreadyLanded: boolean }
  /** Refused on its first, interactive attempt: rolled back, the error goes to the composer. */
  | { type: 'refused'; error: AppError }
  | { type: 'conflict' | 'failed' }
  /** Still waiting: offline, a server error, a lane blocked before it. */
  | { type: 'queued' };

/** Why a lane's replay stopped. */
export type LaneStop =
  | { type: 'empty' }
  | { type: 'blocked' }
  | { type: 'retry'; attempts: number }
  | { type: 'stopped' };

export interface LaneRunnerDeps {
  store: OutboxStore;
  kinds: Record<OutboxKindName, OutboxKind>;
  filesRoot: string;
  context(): Promise<ReplayContext>;
  /** Writes whose first attempt someone waits on: a refusal rolls them back. */
  isInteractive(id: string): boolean;
  /** Server errors so far per write; past `serverErrorAttempts` it stops as failed. */
  serverErrors: Map<string, number>;
  serverErrorAttempts: number;
  shouldStop(): boolean;
  /** In the delivery's transaction: the cache may keep the server's row. */
  onDelivered?(entry: OutboxEntry, body: unknown): void;
  onOutcome(entry: OutboxEntry, outcome: EntryOutcome): void;
  onChange(entry: OutboxEntry): void;
  onOffline(error: AppError): void;
}

/**
 * Replays a lane's writes one at a time, oldest first, until it is empty or its head must
 * wait: for the network, for the person (a conflict, a refusal), or for a new session.
 */
export async function runLane(deps: LaneRunnerDeps, lane: string): Promise<LaneStop> {
  const { store } = deps;
  for (;;) {
    if (deps.shouldStop()) return { type: 'stopped' };
    const head = store.head(lane);
    if (!head) return { type: 'empty' };
    if (head.state === 'conflict' || head.state === 'failed') return { type: 'blocked' };
    // Set before this attempt: an earlier one may have landed (the kind looks first).
    const doubtSince = head.maybeSentSince;
    const sending = store.markSending(head.id);
    deps.onChange(sending);
    const kind = deps.kinds[head.kind];
    try {
      const outcome = await kind.replay(await deps.context(), {
        ...sending,
        maybeSentSince: doubtSince,
      });
      // Stopped meanwhile (logout): the cache may be closed. The write stays "sending", so
      // the next session looks for it on the server before sending it again.
      if (deps.shouldStop()) return { type: 'stopped' };
      if (outcome.type === 'conflict') {
        store.markConflict(head.id, outcome.reason, outcome.serverStatus);
        deps.onChange(head);
        deps.onOutcome(head, { type: 'conflict' });
        return { type: 'blocked' };
      }
      store.deliver(head, outcome.serverId, outcome.statusAfter, () =>
        deps.onDelivered?.(head, outcome.body),
      );
      deps.serverErrors.delete(head.id);
      await removeOutboxFiles(deps.filesRoot, head.id);
      deps.onChange(head);
      deps.onOutcome(head, {
        type: 'delivered',
        body: outcome.body,
        alreadyLanded: outcome.alreadyLanded,
      });
    } catch (error) {
      if (deps.shouldStop()) return { type: 'stopped' };
      const stop = await failure(deps, head, sending.attempts, error);
      if (stop) return stop;
    }
  }
}

/** Records a failed attempt; answers why the lane stops, or null when it goes on. */
async function failure(
  deps: LaneRunnerDeps,
  entry: OutboxEntry,
  attempts: number,
  error: unknown,
): Promise<LaneStop | null> {
  const { store } = deps;
  const appError = isAppError(error)
    ? error
    : new AppError(
        'server-error',
        `Shotdesk could not send it: ${error instanceof Error ? error.message : String(error)}`,
      );
  const serverTrouble = appError.status !== null && appError.status >= 500;
  const errorsSoFar = (deps.serverErrors.get(entry.id) ?? 0) + (serverTrouble ? 1 : 0);
  if (
    appError.code === 'offline' ||
    appError.code === 'auth-expired' ||
    (serverTrouble && errorsSoFar < deps.serverErrorAttempts)
  ) {
    if (serverTrouble) deps.serverErrors.set(entry.id, errorsSoFar);
    store.markRetry(entry.id, appError.message);
    deps.onChange(entry);
    if (appError.code === 'offline') deps.onOffline(appError);
    deps.onOutcome(entry, { type: 'queued' });
    return appError.code === 'auth-expired' ? { type: 'stopped' } : { type: 'retry', attempts };
  }
  deps.serverErrors.delete(entry.id);
  // A refusal: the server's 4xx, or a check of main's own that the server would make too.
  if (deps.isInteractive(entry.id) && (appError.status === null || appError.status < 500)) {
    // The composer is waiting: the refusal goes back to it, and nothing stays behind.
    store.discard(entry);
    await removeOutboxFiles(deps.filesRoot, entry.id);
    deps.onChange(entry);
    deps.onOutcome(entry, { type: 'refused', error: appError });
    return null;
  }
  store.markFailed(entry.id, refusalReason(appError));
  deps.onChange(entry);
  deps.onOutcome(entry, { type: 'failed' });
  return { type: 'blocked' };
}

/** "The server refused it (HTTP 403: …). Ask your production manager for access." */
function refusalReason(error: AppError): string {
  if (error.status === null) return error.message;
  // The client's message: "<METHOD> <path> failed (HTTP <status>[: <detail>]). <advice>"
  const said = /\((HTTP \d+(?:: .*)?)\)\. (.*)$/s.exec(error.message);
  const what = error.status >= 500 ? 'The server kept failing on it' : 'The server refused it';
  if (said) return `${what} (${said[1]}). ${said[2]}`;
  // Main's own explanation of the refusal (e.g. "You can log time only on tasks assigned…").
  return error.message
    ? `${what} (HTTP ${error.status}): ${error.message}`
    : `${what} (HTTP ${error.status}).`;
}
