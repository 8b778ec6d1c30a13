import type { Db } from '../db/database';
import { prepareCached } from '../crud/sql';
import { forbidden } from '../http/errors';
import type { Access } from '../permissions/access';
import type { TaskRow } from './lookups';

// Permission checks the comment routes need beyond Access (REFERENCE §4).

/**
 * `is_person_mentioned_on_task`: named, or reached through one of their departments, in a
 * comment of the task or in one of its replies.
 */
export function isMentionedOnTask(db: Db, personId: string, taskId: string): boolean {
  const row = prepareCached(
    db,
    `SELECT 1 FROM comment c
     WHERE c.object_id = ? AND (
       EXISTS (SELECT 1 FROM comment_mentions m WHERE m.comment = c.id AND m.person = ?)
       OR EXISTS (
         SELECT 1 FROM comment_department_mentions d
         JOIN department_link l ON l.department_id = d.department
         WHERE d.comment = c.id AND l.person_id = ?)
       OR EXISTS (
         SELECT 1
         FROM json_each(CASE WHEN json_valid(c.replies) THEN c.replies ELSE '[]' END) r,
           json_each(CASE WHEN r.type = 'object' THEN r.value ELSE '{}' END, '$.mentions') rm
         WHERE rm.value = ?)
       OR EXISTS (
         SELECT 1
         FROM json_each(CASE WHEN json_valid(c.replies) THEN c.replies ELSE '[]' END) r,
           json_each(CASE WHEN r.type = 'object' THEN r.value ELSE '{}' END,
             '$.department_mentions') rd
         JOIN department_link l ON l.department_id = rd.value
         WHERE l.person_id = ?)
     )
     LIMIT 1`,
  ).get(taskId, personId, personId, personId, personId);
  return row !== undefined;
}

/**
 * `check_task_mention_access`: a team member who is not a vendor on the production and was
 * mentioned in the task's conversation may answer in it.
 */
export function hasTaskMentionAccess(access: Access, task: TaskRow): boolean {
  if (!access.isTeamMember(task.project_id)) return false;
  if (access.isVendor(task.project_id)) return false;
  return isMentionedOnTask(access.db, access.personId, task.id);
}

/** Task action access, else mention access; `allowMention` false keeps the first only. */
export function requireCommentingAccess(access: Access, task: TaskRow, allowMention: boolean) {
  if (access.hasTaskActionAccess(task)) return;
  if (allowMention && hasTaskMentionAccess(access, task)) return;
  throw forbidden();
}
