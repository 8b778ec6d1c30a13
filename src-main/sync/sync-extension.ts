import type { OutboxConflict } from '../../src-shared/sync';
import type { TaskComment } from '../../src-shared/task-comment';
import type { TodoTask } from '../../src-shared/todo-task';
import type { SyncSession } from './sync-session';

/**
 * What another part of main (the outbox) adds to a logged-in person's sync session: counts for
 * the sync state, and its own changes laid over what the cache reads.
 */
export interface SyncExtension {
  /** Writes waiting for the server (conflicts included). */
  pendingCount?(): number;
  conflicts?(): OutboxConflict[];
  /** List rows as they will be once the extension's waiting writes land. */
  overlayTasks?<T extends TodoTask>(tasks: readonly T[]): T[];
  /** The thread (newest first) with the extension's waiting comments. */
  overlayComments?(taskId: string, comments: TaskComment[]): TaskComment[];
  /** The session ends (logout, quit): before its cache closes. */
  close?(): void | Promise<void>;
}

/** Called for each session that opens; what it answers lives and dies with that session. */
export type SyncExtensionFactory = (session: SyncSession) => SyncExtension;
