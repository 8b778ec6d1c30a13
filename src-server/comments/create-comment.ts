import { serializePersonSafe } from '../auth/person-views';
import type { CrudCall } from '../crud/crud-call';
import { modelOf } from '../crud/model-of';
import { serializeById } from '../crud/present';
import { prepareCached } from '../crud/sql';
import type { Db } from '../db/database';
import { newId } from '../db/ids';
import { nowDateTime } from '../db/time';
import { badRequest } from '../http/errors';
import { serializeRow, type Json, type Row } from '../models/serialize';
import { addAttachments, type StoredFiles } from './attachments';
import { commentHashtags, hashtagTargets } from './hashtags';
import { loadPerson, loadTask, loadTaskStatus, type TaskRow, type TaskStatusRow } from './lookups';
import { parseMentions } from './mentions';
import type { StagedFile } from './multipart-form';
import { addCommentNews, notifyComment } from './notifications';
import { runStatusAutomations } from './status-automations';
import { applyCommentToTask } from './task-status-change';

export interface NewComment {
  taskId: string;
  taskStatusId: string;
  text: string;
  /** The author a manager named (`person_id`); null for the caller. */
  authorId: string | null;
  /** `YYYY-MM-DDTHH:MM:SS`, or null for now. */
  createdAt: string | null;
  checklist: unknown[];
  links: string[];
  forClient: boolean;
  files: readonly StagedFile[];
}

/** What a comment written by the server itself (automation) carries besides its text. */
function plainComment(taskId: string, taskStatusId: string, text: string, authorId: string | null) {
  return {
    taskId,
    taskStatusId,
    text,
    authorId,
    createdAt: null,
    checklist: [],
    links: [],
    forClient: false,
    files: [],
  } satisfies NewComment;
}

/** `_check_retake_capping`: a retake past the project's (or entity's) `max_retakes` is refused. */
function checkRetakeCap(db: Db, status: TaskStatusRow, task: TaskRow): void {
  if (!status.is_retake) return;
  const project = prepareCached(db, 'SELECT max_retakes FROM project WHERE id = ?').get(
    task.project_id,
  ) as { max_retakes: number | null } | undefined;
  const projectMax = project?.max_retakes ?? 0;
  if (projectMax <= 0) return;
  const entity = prepareCached(db, 'SELECT data FROM entity WHERE id = ?').get(task.entity_id) as
    { data: string | null } | undefined;
  let entityMax: unknown = null;
  try {
    const data = entity?.data ? (JSON.parse(entity.data) as unknown) : null;
    if (data && typeof data === 'object') entityMax = (data as Record<string, unknown>).max_retakes;
  } catch {
    entityMax = null;
  }
  const parsed = Number.parseInt(String(entityMax ?? ''), 10);
  const max = entityMax && Number.isFinite(parsed) ? parsed : projectMax;
  if ((task.retake_count ?? 0) >= max && max > 0) {
    throw badRequest('No more retakes allowed on this task');
  }
}

function insertComment(db: Db, id: string, task: TaskRow, authorId: string, input: NewComment) {
  const now = nowDateTime();
  const createdAt = input.createdAt ?? now;
  prepareCached(
    db,
    `INSERT INTO comment (id, created_at, updated_at, object_id, object_type, text, replies,
       checklist, for_client, links, task_status_id, person_id)
     VALUES (?, ?, ?, ?, 'Task', ?, '[]', ?, ?, ?, ?, ?)`,
  ).run(
    id,
    createdAt,
    now,
    task.id,
    input.text,
    JSON.stringify(input.checklist),
    input.forClient ? 1 : 0,
    JSON.stringify(input.links),
    input.taskStatusId,
    authorId,
  );
  return createdAt;
}

function insertMentions(db: Db, commentId: string, mentions: string[], departments: string[]) {
  if (mentions.length > 0) {
    prepareCached(
      db,
      'INSERT OR IGNORE INTO comment_mentions (comment, person) SELECT ?, value FROM json_each(?)',
    ).run(commentId, JSON.stringify(mentions));
  }
  if (departments.length > 0) {
    prepareCached(
      db,
      `INSERT OR IGNORE INTO comment_department_mentions (comment, department)
       SELECT ?, value FROM json_each(?)`,
    ).run(commentId, JSON.stringify(departments));
  }
}

/**
 * `comments_service.create_comment`, inside the caller's transaction: retake cap, the comment
 * with its mentions and attachments, `comment:new`, the `#tasktype` copies, the task's status
 * update, notifications, news and the project's status automations. Returns the comment as
 * Zou's route answers it.
 */
export function createComment(
  call: CrudCall,
  stored: StoredFiles,
  input: NewComment,
  options: { withHashtags?: boolean; automationDepth?: number } = {},
): Json {
  const { withHashtags = true, automationDepth = 0 } = options;
  const { db } = call;
  const author: Row & { id: string } =
    input.authorId !== null
      ? loadPerson(db, input.authorId)
      : (call.request.auth?.person as Row & { id: string });
  const task = loadTask(db, input.taskId);
  const status = loadTaskStatus(db, input.taskStatusId);
  const taskType = prepareCached(db, 'SELECT name FROM task_type WHERE id = ?').get(
    task.task_type_id,
  ) as { name: string } | undefined;
  checkRetakeCap(db, status, task);

  const id = newId();
  const createdAt = insertComment(db, id, task, author.id, { ...input, taskStatusId: status.id });
  const mentions = parseMentions(db, task.project_id, input.text);
  insertMentions(db, id, mentions.mentions, mentions.departmentMentions);
  const attachments = addAttachments(call, stored, id, input.files);
  call.emit(
    'comment:new',
    { comment_id: id, task_id: task.id, task_status_id: status.id },
    task.project_id,
  );

  if (withHashtags && taskType) {
    const targets = hashtagTargets(db, task.entity_id, taskType.name, commentHashtags(input.text));
    for (const target of targets) {
      createComment(
        call,
        stored,
        plainComment(
          target.id,
          target.task_status_id,
          `${input.text}\n\n____\nFrom ${taskType.name} task`,
          author.id,
        ),
        { withHashtags: false, automationDepth },
      );
    }
  }

  const comment = { id, created_at: createdAt, person_id: author.id, task_status_id: status.id };
  const changed = applyCommentToTask(call, task, status, comment);
  notifyComment(call, task, { ...comment, ...mentions }, changed);
  addCommentNews(call, task, comment, changed);
  runStatusAutomations(call, task.id, automationDepth, (targetId, statusId, text) => {
    createComment(call, stored, plainComment(targetId, statusId, text, input.authorId), {
      automationDepth: automationDepth + 1,
    });
  });

  const result = serializeById(db, modelOf('comment'), id, true);
  result.attachment_files = attachments;
  result.task_status = serializeRow(modelOf('task_status'), status);
  result.person = serializePersonSafe(db, author, input.authorId !== null);
  return result;
}
