import type { TaskComment, TaskStatusRef } from '../../src-shared/task-comment';
import type { TimeLogDay } from '../../src-shared/time-log';
import type { KitsuClient } from '../kitsu/kitsu-client';
import type { OutboxEntry, ServerStatus } from './outbox-entry';

/** What a kind's replay may use. */
export interface ReplayContext {
  client: KitsuClient;
  personId: string;
  /** The outbox's folder of kept files. */
  filesRoot: string;
  /** Whether a server row is already another write's delivery. */
  isReceipted(serverId: string): boolean;
  /** The server's id of what an earlier write of this outbox created (a comment replied to). */
  serverIdOf(outboxId: string): string | null;
  /**
   * Records a step of a write that takes several (a publish: the comment, then each preview)
   * at once, so that a replay after a crash resumes after it.
   */
  saveProgress(entryId: string, payload: unknown): void;
  /** How many bytes of a write's file went so far (uploads). */
  reportBytes(entryId: string, fileIndex: number, sentBytes: number): void;
}

export type ReplayOutcome =
  | {
      type: 'delivered';
      /** The server's id of what the write created. */
      serverId: string;
      /** The server's row, for the cache and the composer. */
      body: unknown;
      /** The task's status once it landed, which the lane's next write now expects. */
      statusAfter: string | null;
      /** Found on the server rather than sent now: an earlier attempt had landed. */
      alreadyLanded: boolean;
    }
  | { type: 'conflict'; reason: string; serverStatus: ServerStatus | null };

/**
 * One kind of write (a comment; later a reply, an ack, a time spent, a day off, a publish):
 * how it is replayed, found again after a doubtful attempt, described, and shown meanwhile.
 */
export interface OutboxKind {
  /**
   * Sends the write, unless it already landed (`entry.maybeSentSince` set: look first) or the
   * server moved under it (a conflict). Throws AppErrors as the client does.
   */
  replay(context: ReplayContext, entry: OutboxEntry): Promise<ReplayOutcome>;
  /** What it is, in words: "Comment with status Retake on SQ010 / SH060". */
  summary(entry: OutboxEntry): string;
  /** Its text, for editing; or what it was meant to do, when it has none. */
  text(entry: OutboxEntry): string;
  /** Its payload with a new text; absent when the write has no text to edit. */
  withText?(entry: OutboxEntry, text: string): unknown;
  /** Where the person meets it when it stops. */
  area: 'thread' | 'time-log';
  /** What of it is on the server already, in words, when it lands in steps (a publish). */
  alreadySent?(entry: OutboxEntry): string | null;
  /** The task's status once it lands, as far as one can tell now; null when it sets none. */
  expectedStatusAfter(entry: OutboxEntry): string | null;
  /** The status the task shows meanwhile, when the write changes it. */
  optimisticStatus(entry: OutboxEntry): TaskStatusRef | null;
  /** How it shows in the task's thread meanwhile, if it is a comment there (not there yet). */
  optimisticComment?(entry: OutboxEntry): TaskComment | null;
  /**
   * The thread (newest first) as it will be once it lands, for writes on existing comments.
   * `sameComment` tells whether a comment of the thread is the one an id names (an outbox id
   * of a comment delivered since names the server's comment).
   */
  overlayThread?(
    entry: OutboxEntry,
    comments: TaskComment[],
    sameComment: (comment: TaskComment, id: string) => boolean,
  ): TaskComment[];
  /** The time log day as it will be once it lands, for writes on that day. */
  overlayDay?(entry: OutboxEntry, day: TimeLogDay): TimeLogDay;
}
