/**
 * The offline cache and the outbox as the renderer sees them: whether the server is
 * reachable, how many writes wait, and which stopped as conflicts for the person to resolve.
 */

export type Connectivity = 'online' | 'offline' | 'syncing';

/** Where a write waiting in the outbox stands. */
export type OutboxState = 'pending' | 'sending' | 'conflict' | 'failed';

export interface OutboxConflict {
  /** The outbox entry's idempotency key. */
  id: string;
  taskId: string;
  /** What the write was, in words: "Comment with status Retake on SQ010 / SH060". */
  summary: string;
  /** Why it stopped, in words: "Mia Chen set the status to Approved meanwhile." */
  reason: string;
  /** The text as written (a comment's, a reply's), or what the write was meant to do. */
  text: string;
  /** Whether `edit` applies: the write carries a text. */
  editable: boolean;
  /** Where the person meets it: the task's thread, or the time sheet. */
  area: 'thread' | 'time-log';
  /** What discarding it leaves on the server, when part of it landed already; else null. */
  alreadySent: string | null;
  state: Extract<OutboxState, 'conflict' | 'failed'>;
  /** Whether "post without the status change" is open: the status set meanwhile may be kept. */
  offersWithoutStatus: boolean;
}

export interface SyncState {
  connectivity: Connectivity;
  /** Writes waiting to reach the server (conflicts included). */
  pending: number;
  conflicts: OutboxConflict[];
  /** Kitsu datetime of the last complete refresh from the server, null before the first. */
  lastSyncedAt: string | null;
}

/** What the person chose for a write that stopped as a conflict. */
export const CONFLICT_ACTIONS = ['post-anyway', 'post-without-status', 'edit', 'discard'] as const;
export type ConflictAction = (typeof CONFLICT_ACTIONS)[number];
