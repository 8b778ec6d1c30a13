import type { CommentPreview } from './task-comment';

/** How the player shows a preview file: a movie, a picture, or a file to download. */
export type PreviewKind = 'movie' | 'picture' | 'file';

export interface TaskPreviewFile extends CommentPreview {
  kind: PreviewKind;
  /** The comment it was published with. */
  commentId: string;
}

/** One revision of a task's previews: its files by position. */
export interface PreviewRevision {
  revision: number;
  files: TaskPreviewFile[];
}

/** A task's previews for the player: the project's frame rate, revisions newest first. */
export interface TaskPreviews {
  /** Frames per second of the project (Kitsu's `project.fps`), 25 when it says none. */
  fps: number;
  revisions: PreviewRevision[];
}

export function previewKindOf(extension: string): PreviewKind {
  if (extension === 'mp4') return 'movie';
  if (extension === 'png') return 'picture';
  return 'file';
}
