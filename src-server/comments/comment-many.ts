import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { badRequest, validationError } from '../http/errors';
import type { Json } from '../models/serialize';
import type { Access } from '../permissions/access';
import { accessOf } from '../permissions/request-access';
import { StoredFiles } from './attachments';
import { createComment } from './create-comment';
import { loadTask, type TaskRow } from './lookups';
import { commentCall } from './route-support';

interface ManyItem {
  object_id: string;
  task_status_id: string;
  comment: string;
  links: string[];
}

/**
 * `CommentManyTasksResource.get_allowed_comments_only`, per task: a manager of the task's
 * project, a supervisor of its department, or an assignee. (Zou lets a manager of the project
 * in the path comment any task of any project; the check here is on the task's own project.)
 */
function mayComment(access: Access, task: TaskRow): boolean {
  if (access.hasManagerProjectAccess(task.project_id)) return true;
  if (
    access.isTeamMember(task.project_id) &&
    access.isSupervisor(task.project_id) &&
    access.supervisesTaskType(task.task_type_id)
  ) {
    return true;
  }
  return access.isAssignedToTask(task.id);
}

/** Entries missing one of the three keys are skipped, as Zou does; bad types are refused. */
function readItems(body: unknown): ManyItem[] {
  if (!Array.isArray(body)) throw badRequest('Request body must be a JSON array.');
  const items: ManyItem[] = [];
  body.forEach((entry: unknown, index) => {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return;
    const item = entry as Record<string, unknown>;
    if (!('task_status_id' in item && 'object_id' in item && 'comment' in item)) return;
    const links = item.links ?? [];
    const fields = ['object_id', 'task_status_id', 'comment'] as const;
    const wrong = fields.find((key) => typeof item[key] !== 'string');
    if (wrong || !Array.isArray(links) || links.some((link) => typeof link !== 'string')) {
      throw validationError([
        { field: `${index}.${wrong ?? 'links'}`, message: 'Input should be a valid string' },
      ]);
    }
    items.push({
      object_id: item.object_id as string,
      task_status_id: item.task_status_id as string,
      comment: item.comment as string,
      links: links as string[],
    });
  });
  return items;
}

/** POST /actions/projects/{project_id}/tasks/comment-many: one comment per listed task. */
export function registerCommentManyRoute(api: FastifyInstance, context: ServerContext): void {
  const { db } = context;
  api.post<{ Params: { project_id: string } }>(
    '/actions/projects/:project_id/tasks/comment-many',
    async (request, reply) => {
      const items = readItems(request.body);
      const access = accessOf(db, request);
      const allowed = items
        .map((item) => ({ item, task: loadTask(db, item.object_id) }))
        .filter(({ task }) => mayComment(access, task));
      for (const { item, task } of allowed) {
        access.requireTaskStatusAccess(task.project_id, item.task_status_id);
      }
      const call = commentCall(context, request);
      const stored = new StoredFiles();
      const created: Json[] = call.write(() =>
        allowed.map(({ item, task }) =>
          createComment(call, stored, {
            taskId: task.id,
            taskStatusId: item.task_status_id,
            text: item.comment,
            authorId: access.personId,
            createdAt: null,
            checklist: [],
            links: item.links,
            forClient: false,
            files: [],
          }),
        ),
      );
      return reply.code(201).send(created);
    },
  );
}
