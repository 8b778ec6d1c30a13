import { prepareCached } from '../crud/sql';
import type { Db } from '../db/database';
import { newId } from '../db/ids';
import { nowDateTime } from '../db/time';
import { badRequestPlain } from '../http/errors';
import type { Json } from '../models/serialize';
import { serializePreview, type Emit } from './preview-rows';

export interface NewPreviewRequest {
  taskId: string;
  projectId: string;
  commentId: string;
  personId: string;
  /** The revision asked for; null lets the rules below pick it. */
  revision: number | null;
}

function nextRevision(db: Db, taskId: string): number {
  const highest = prepareCached(db, 'SELECT MAX(revision) FROM preview_file WHERE task_id = ?')
    .pluck()
    .get(taskId) as number | null;
  return highest === null ? 1 : highest + 1;
}

function nextPosition(db: Db, taskId: string, revision: number): number {
  const count = prepareCached(
    db,
    'SELECT COUNT(*) FROM preview_file WHERE task_id = ? AND revision = ?',
  )
    .pluck()
    .get(taskId, revision) as number;
  return count + 1;
}

function firstRevisionOfComment(db: Db, commentId: string): number | null {
  const revision = prepareCached(
    db,
    `SELECT p.revision FROM comment_preview_link l JOIN preview_file p ON p.id = l.preview_file
     WHERE l.comment = ? ORDER BY p.revision, p.position, p.created_at LIMIT 1`,
  )
    .pluck()
    .get(commentId) as number | undefined;
  return revision ?? null;
}

function requireUniqueRevision(db: Db, taskId: string, revision: number): void {
  const clash = prepareCached(
    db,
    'SELECT 1 FROM preview_file WHERE task_id = ? AND revision = ? AND position = 1 LIMIT 1',
  ).get(taskId, revision);
  if (clash) {
    throw badRequestPlain(
      `Revision ${revision} already exists for this task. Choose a different revision ` +
        'number, or omit it to let the revision auto-increment.',
    );
  }
}

function requireManyPreviewsAllowed(db: Db, projectId: string): void {
  const single = prepareCached(
    db,
    'SELECT is_single_preview_per_revision FROM project WHERE id = ?',
  )
    .pluck()
    .get(projectId);
  if (single) {
    throw badRequestPlain('Only one preview file is allowed per revision for this project.');
  }
}

/**
 * `tasks_service.add_preview_file_to_comment`: a preview row waiting for its file (status
 * `processing`, extension `mp4` until the upload says otherwise), linked to the comment.
 * A comment's first preview opens a revision (the next one unless asked); its next previews
 * take the following positions in that revision.
 */
export function addPreviewFileToComment(db: Db, emit: Emit, request: NewPreviewRequest): Json {
  const { taskId, projectId, commentId } = request;
  const commentRevision = firstRevisionOfComment(db, commentId);
  let revision = request.revision;
  let position = 1;
  if (revision === null && commentRevision === null) {
    revision = nextRevision(db, taskId);
  } else if (revision === null) {
    revision = commentRevision ?? 1;
    position = nextPosition(db, taskId, revision);
  } else {
    if (commentRevision === null) requireUniqueRevision(db, taskId, revision);
    position = nextPosition(db, taskId, revision);
  }
  if (position > 1) requireManyPreviewsAllowed(db, projectId);

  const id = newId();
  const now = nowDateTime();
  prepareCached(
    db,
    `INSERT INTO preview_file (id, created_at, updated_at, name, revision, position, source,
       extension, status, task_id, person_id)
     VALUES (?, ?, ?, ?, ?, ?, 'webgui', 'mp4', 'processing', ?, ?)`,
  ).run(id, now, now, id.slice(0, 13), revision, position, taskId, request.personId);
  emit('preview-file:new', { preview_file_id: id, comment_id: commentId }, projectId);
  prepareCached(db, 'INSERT INTO comment_preview_link (comment, preview_file) VALUES (?, ?)').run(
    commentId,
    id,
  );
  prepareCached(db, 'UPDATE news SET preview_file_id = ? WHERE comment_id = ?').run(id, commentId);
  emit('comment:update', { comment_id: commentId }, projectId);
  return serializePreview(db, id, true);
}
