import { notFound } from '../../http/errors';
import type { Json } from '../../models/serialize';
import { loadTaskFacts } from '../../permissions/access';
import { removeComment } from '../cascades/comment';
import { resetMentionNotifications, resetMentions } from '../comment-mentions';
import type { CrudCall } from '../crud-call';
import { loadInstanceRow } from '../get-one';
import { serializeOne } from '../present';
import { prepareCached } from '../sql';
import { resetTaskData } from '../task-derived';
import { defineHooks } from './define';
import { decorateComment } from './comment-views';

const previousStatus = new WeakMap<CrudCall, string | null>();

function commentFacts(comment: Json) {
  return {
    object_id: String(comment.object_id),
    person_id: String(comment.person_id),
    task_status_id: (comment.task_status_id as string | null) ?? null,
    for_client: (comment.for_client as boolean | null) ?? null,
    pinned: (comment.pinned as boolean | null) ?? null,
    checklist: comment.checklist,
  };
}

function taskStatusOf(call: CrudCall, taskId: string): string | null {
  const row = prepareCached(call.db, 'SELECT task_status_id FROM task WHERE id = ?').get(taskId) as
    { task_status_id: string | null } | undefined;
  return row?.task_status_id ?? null;
}

function projectOfTask(call: CrudCall, taskId: unknown): string | null {
  const row = prepareCached(call.db, 'SELECT project_id FROM task WHERE id = ?').get(taskId) as
    { project_id: string | null } | undefined;
  return row?.project_id ?? null;
}

/** Comments (REFERENCE §3 and §4 `check_comment_access`). */
export const commentHooks = defineHooks({
  // Zou reads one comment through tasks_service, where a malformed id is just not found.
  malformedIdNotFound: true,
  checkRead: (call, comment) => call.access.requireCommentAccess(commentFacts(comment)),
  cleanGetResult: (call, comment) =>
    decorateComment(call, comment, projectOfTask(call, comment.object_id)),

  checkUpdate: (call, comment, data) =>
    call.access.requireCommentUpdateAccess(commentFacts(comment), data),
  preUpdate(call, comment, data) {
    const next = data.task_status_id;
    if (next !== undefined && next !== null && next !== comment.task_status_id) {
      previousStatus.set(call, (comment.task_status_id as string | null) ?? null);
    }
  },
  prepareUpdate(call, data) {
    data.editor_id = call.personId;
  },
  afterUpdate(call, _current, _data, updated) {
    const commentId = String(updated.id);
    const taskId = String(updated.object_id);
    const projectId = projectOfTask(call, taskId);
    if (projectId) {
      const mentions = resetMentions(call, commentId, projectId, String(updated.text ?? ''));
      resetMentionNotifications(
        call,
        { id: commentId, person_id: String(updated.person_id), object_id: taskId },
        projectId,
        mentions,
      );
    }
    if (previousStatus.has(call)) {
      resetTaskData(call, taskId);
      call.emit(
        'task:status-changed',
        {
          task_id: taskId,
          new_task_status_id: updated.task_status_id,
          previous_task_status_id: previousStatus.get(call),
          person_id: updated.person_id,
        },
        projectId,
      );
    }
    call.emit('comment:update', { comment_id: commentId, task_id: taskId }, projectId);
  },

  remove(call, id) {
    call.write(() => {
      const comment = serializeOne(
        call.db,
        call.model,
        loadInstanceRow(call, id, commentHooks),
        false,
      );
      const taskId = String(comment.object_id);
      let task;
      try {
        task = loadTaskFacts(call.db, taskId);
      } catch {
        throw notFound();
      }
      const { access } = call;
      if (!access.isAdmin && access.isManager(task.project_id)) {
        access.requireProjectAccess(task.project_id);
      } else {
        access.requireSelfOrAdmin(String(comment.person_id));
      }
      const before = taskStatusOf(call, taskId);
      removeComment(call, String(comment.id));
      resetTaskData(call, taskId);
      const after = taskStatusOf(call, taskId);
      if (before !== after) {
        call.emit(
          'task:status-changed',
          {
            task_id: taskId,
            new_task_status_id: after,
            previous_task_status_id: before,
            person_id: comment.person_id,
          },
          task.project_id,
        );
      }
    });
  },
});
