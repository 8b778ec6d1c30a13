import type { TaskComment } from '../../src-shared/task-comment';
import {
  previewKindOf,
  type PreviewRevision,
  type TaskPreviewFile,
} from '../../src-shared/task-previews';
import { asRow, text } from './task-comment-row';

/** The previews of a thread by revision, newest first; files by position. */
export function previewRevisions(comments: readonly TaskComment[]): PreviewRevision[] {
  const byRevision = new Map<number, TaskPreviewFile[]>();
  for (const comment of comments) {
    for (const preview of comment.previews) {
      if (preview.status === 'uploading') continue;
      const files = byRevision.get(preview.revision) ?? [];
      files.push({ ...preview, kind: previewKindOf(preview.extension), commentId: comment.id });
      byRevision.set(preview.revision, files);
    }
  }
  return [...byRevision.entries()]
    .sort(([a], [b]) => b - a)
    .map(([revision, files]) => ({
      revision,
      files: files.sort((a, b) => a.position - b.position),
    }));
}

/** Kitsu's `project.fps` ("25", "23.976"…) as a number; 25 when it says nothing usable. */
export function projectFps(projects: unknown, projectId: string): number {
  const project = (Array.isArray(projects) ? projects : [])
    .map(asRow)
    .find((row) => text(row, 'id') === projectId);
  return parseFps(project?.fps);
}

export function parseFps(value: unknown): number {
  const fps = typeof value === 'number' ? value : Number.parseFloat(String(value ?? ''));
  return Number.isFinite(fps) && fps > 0 && fps <= 240 ? fps : 25;
}
