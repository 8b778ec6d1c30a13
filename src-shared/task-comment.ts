/**
 * A task's comments and the statuses a person may set, as main hands them to the renderer:
 * the fields of Kitsu's `GET /data/tasks/{id}/comments` rows (REFERENCE §5), in camelCase.
 */

/** The longest comment text the composer and the contract accept. */
export const COMMENT_TEXT_MAX = 50_000;

export interface TaskStatusRef {
  id: string;
  name: string;
  shortName: string;
  color: string;
}

export interface CommentChecklistItem {
  text: string;
  checked: boolean;
}

export interface TaskComment {
  id: string;
  /** Plain text as the author typed it; the renderer never treats it as HTML. */
  text: string;
  /** ISO 8601 (UTC), as the server stores it. */
  createdAt: string;
  person: { id: string; fullName: string };
  /** null when the server sent no status (should not happen on Kitsu). */
  taskStatus: TaskStatusRef | null;
  checklist: CommentChecklistItem[];
  replyCount: number;
  attachmentNames: string[];
}

/** A status this person may set on a task (`is_artist_allowed` ones for artists). */
export type SettableTaskStatus = TaskStatusRef;
