import type { TaskComment, TaskStatusRef } from '../../src-shared/task-comment';
import type { KitsuClient } from '../kitsu/kitsu-client';
import type { OutboxEntry } from './outbox-entry';

/** What a kind's replay may use. */
export interface ReplayContext {
  client: KitsuClient;
  personId: string;
  /** The outbox's folder of kept files. */
  filesRoot: string;
  /** Whether a server row is already another write's delivery. */
  isReceipted(serverId: string): boolean;
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
  | { type: 'conflict'; reason: string; serverStatus: TaskStatusRef | null };

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
  /** Its text, for editing. */
  text(entry: OutboxEntry): string;
  /** Its payload with a new text. */
  withText(entry: OutboxEntry, text: string): unknown;
  /** The task's status once it lands, as far as one can tell now; null when it sets none. */
  expectedStatusAfter(entry: OutboxEntry): string | null;
  /** The status the task shows meanwhile, when the write changes it. */
  optimisticStatus(entry: OutboxEntry): TaskStatusRef | null;
  /** How it shows in the task's thread meanwhile, if it is a comment there. */
  optimisticComment?(entry: OutboxEntry): TaskComment;
}
