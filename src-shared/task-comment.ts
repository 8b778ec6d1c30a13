import type { OutboxState } from './sync';

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

export interface CommentPersonRef {
  id: string;
  fullName: string;
}

/** A file attached to a comment or a reply (`attachment_files` rows). */
export interface CommentAttachment {
  id: string;
  name: string;
  extension: string;
  /** Bytes. */
  size: number;
}

export interface CommentReply {
  id: string;
  /** Plain text; rendered like a comment's. */
  text: string;
  /** ISO 8601 (UTC). */
  createdAt: string;
  person: CommentPersonRef;
  /** The people `@`-mentioned in the reply, resolved to names for highlighting. */
  mentions: CommentPersonRef[];
  attachments: CommentAttachment[];
  /** Written here but not on the server yet; absent once the server has it. */
  outboxState?: OutboxState | null;
}

export interface TaskComment {
  id: string;
  /** Markdown as the author typed it; the renderer renders it without any raw HTML. */
  text: string;
  /** ISO 8601 (UTC), as the server stores it. */
  createdAt: string;
  person: CommentPersonRef;
  /** null when the server sent no status (should not happen on Kitsu). */
  taskStatus: TaskStatusRef | null;
  checklist: CommentChecklistItem[];
  /** Oldest first, as Kitsu stores them. */
  replies: CommentReply[];
  /** Ids of the people who acknowledged the comment. */
  acknowledgedBy: string[];
  /** The person's own acknowledgement (or its withdrawal) waits in the outbox. */
  acknowledgementPending?: boolean;
  /** The people `@`-mentioned in the comment, resolved to names for highlighting. */
  mentions: CommentPersonRef[];
  /** The comment's own attachments (a reply's are on the reply). */
  attachments: CommentAttachment[];
  /** The preview files published with it: one revision, by position. */
  previews: CommentPreview[];
  /** Written here but not on the server yet (offline, or waiting for the person after a conflict). */
  outboxState: OutboxState | null;
}

/** A preview file as a comment embeds it (REFERENCE §5). */
export interface CommentPreview {
  id: string;
  revision: number;
  position: number;
  /** `mp4` for movies, `png` for pictures, the file's own for stored-as-is formats. */
  extension: string;
  /**
   * `processing` while the server converts a movie; `broken` when that failed; `uploading`
   * while the file is still on this computer (a publish in the outbox).
   */
  status: 'uploading' | 'processing' | 'ready' | 'broken';
  width: number | null;
  height: number | null;
  /** Seconds, for movies. */
  duration: number | null;
  originalName: string | null;
}

/** Someone the composer offers after `@`: a team member, or a department. */
export interface MentionCandidate {
  id: string;
  kind: 'person' | 'department';
  /** What follows the `@` in the text: the person's full name or the department's name. */
  name: string;
  color: string | null;
}

/** The most checklist items and attached files one comment may carry. */
export const CHECKLIST_ITEMS_MAX = 100;
export const CHECKLIST_ITEM_TEXT_MAX = 1_000;
export const COMMENT_ATTACHMENTS_MAX = 10;
/**
 * The largest file one may attach: the embedded server's default `maxAttachmentBytes` (a Kitsu
 * deployment's own limit may be lower; its refusal is reported as it comes).
 */
export const COMMENT_ATTACHMENT_BYTES_MAX = 50 * 1024 * 1024;

/** A status this person may set on a task (`is_artist_allowed` ones for artists). */
export interface SettableTaskStatus extends TaskStatusRef {
  /** Kitsu's "feedback request" statuses (WFA…): what a publish asks for by default. */
  isFeedbackRequest: boolean;
}
