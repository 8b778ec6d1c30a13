/**
 * Publishing previews: files dropped on a task become one comment (with a status, text and
 * checklist) and one revision of previews, one position per file. A publish is one outbox
 * entry: it survives going offline and a crash, and resumes on the same comment.
 */

/** Kitsu's preview formats (REFERENCE §5 "POST /pictures/preview-files"). */
export const PICTURE_EXTENSIONS = ['jpe', 'jpeg', 'jpg', 'png'] as const;
export const MOVIE_EXTENSIONS = ['avi', 'm4v', 'mkv', 'mov', 'mp4', 'webm', 'wmv'] as const;
/** Stored as they are: shown as files, downloadable. */
export const STORED_EXTENSIONS = [
  'ae', 'ai', 'blend', 'clip', 'comp', 'diff', 'exr', 'fbx', 'fla', 'flv', 'gif', 'glb',
  'gltf', 'hip', 'kra', 'ma', 'mb', 'md', 'mp3', 'obj', 'pdf', 'psd', 'psb', 'rar', 'rev',
  'riv', 'sai', 'sai2', 'sbbkp', 'svg', 'swf', 'tvpp', 'wav', 'zip',
] as const; // prettier-ignore

export type PublishFileKind = 'picture' | 'movie' | 'file';

/** The most files one publish carries, and the largest one. */
export const PUBLISH_FILES_MAX = 20;
export const PUBLISH_FILE_BYTES_MAX = 2 * 1024 * 1024 * 1024;

/** What Kitsu does with a file of this name; null when it refuses the format. */
export function publishFileKind(name: string): PublishFileKind | null {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return null;
  const extension = name.slice(dot + 1).toLowerCase();
  if ((PICTURE_EXTENSIONS as readonly string[]).includes(extension)) return 'picture';
  if ((MOVIE_EXTENSIONS as readonly string[]).includes(extension)) return 'movie';
  if ((STORED_EXTENSIONS as readonly string[]).includes(extension)) return 'file';
  return null;
}

/** A dropped file as main found it on disk. */
export interface PublishFileCheck {
  /** The file ref the renderer sent (a granted path). */
  ref: string;
  name: string;
  size: number;
  kind: PublishFileKind | null;
  /** Whether it can be published; else `reason` says why, in words. */
  accepted: boolean;
  reason: string | null;
  /** A small PNG of a picture or a movie's frame, as a data URL; null when none could be made. */
  thumbnail: string | null;
  /** A movie's size, rate and length, when this computer could read them (ffprobe). */
  movie: PublishMovieFacts | null;
}

export interface PublishMovieFacts {
  width: number;
  height: number;
  /** Frames per second; null when the movie does not say. */
  fps: number | null;
  durationSeconds: number | null;
}

export type PublishFileState = 'waiting' | 'uploading' | 'uploaded';

export interface PublishProgress {
  /** The publish's outbox entry. */
  entryId: string;
  taskId: string;
  /** Where the publish stands as a whole: `done` once every file reached the server. */
  state: 'pending' | 'sending' | 'conflict' | 'failed' | 'done';
  /** The comment on the server, once it is there. */
  commentId: string | null;
  files: {
    name: string;
    size: number;
    sentBytes: number;
    state: PublishFileState;
    /** The preview file on the server, once created. */
    previewFileId: string | null;
  }[];
}
