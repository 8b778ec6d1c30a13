import type { MediaKind } from '../../src-shared/media';
import type { CommentPreview, TaskComment } from '../../src-shared/task-comment';
import { previewKindOf } from '../../src-shared/task-previews';
import { readThreadJson } from '../cache/comment-store';
import type { CacheDb } from '../cache/cache-db';
import { toTaskComment } from '../tasks/task-comment-row';

export interface LatestPreview {
  id: string;
  kind: MediaKind;
}

/** The first file of the task's newest ready revision, as the player opens it. */
export function latestPreview(comments: readonly TaskComment[]): LatestPreview | null {
  const ready = comments
    .flatMap((comment) => comment.previews)
    .filter((preview) => preview.status === 'ready');
  const newest = ready.reduce<CommentPreview | null>(
    (best, preview) =>
      best === null ||
      preview.revision > best.revision ||
      (preview.revision === best.revision && preview.position < best.position)
        ? preview
        : best,
    null,
  );
  return newest ? { id: newest.id, kind: previewKindOf(newest.extension) } : null;
}

/** The latest previews of those tasks whose thread the cache holds. */
export function latestCachedPreviews(db: CacheDb, taskIds: readonly string[]): LatestPreview[] {
  return taskIds.flatMap((taskId) => {
    const rows = readThreadJson(db, taskId);
    if (!rows || rows.length === 0) return [];
    const comments = (JSON.parse(`[${rows.join(',')}]`) as unknown[]).map((row) =>
      toTaskComment(row),
    );
    const latest = latestPreview(comments);
    return latest ? [latest] : [];
  });
}
