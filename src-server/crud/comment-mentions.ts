import { personFullName } from '../auth/person-views';
import type { Row } from '../models/serialize';
import type { CrudCall } from './crud-call';
import { createNotification } from './notifications';
import { prepareCached } from './sql';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function mentioned(text: string, name: string): boolean {
  return new RegExp(`@${escapeRegExp(name)}( |$)`).test(text);
}

/**
 * `comments_service.reset_mentions`: the team members (`@First Last`) and departments
 * (`@Name`) the comment's text mentions become its mention collections.
 */
export function resetMentions(
  call: CrudCall,
  commentId: string,
  projectId: string,
  text: string,
): { mentions: string[]; departmentMentions: string[] } {
  const team = prepareCached(
    call.db,
    `SELECT p.id, p.first_name, p.last_name FROM person p
     JOIN project_person_link l ON l.person_id = p.id WHERE l.project_id = ?`,
  ).all(projectId) as (Row & { id: string })[];
  const departments = prepareCached(call.db, 'SELECT id, name FROM department').all() as {
    id: string;
    name: string;
  }[];
  const mentions = team
    .filter((person) => mentioned(text, personFullName(person)))
    .map((p) => p.id);
  const departmentMentions = departments
    .filter((department) => mentioned(text, department.name))
    .map((department) => department.id);
  prepareCached(call.db, 'DELETE FROM comment_mentions WHERE comment = ?').run(commentId);
  prepareCached(call.db, 'DELETE FROM comment_department_mentions WHERE comment = ?').run(
    commentId,
  );
  for (const personId of mentions) {
    prepareCached(call.db, 'INSERT INTO comment_mentions (comment, person) VALUES (?, ?)').run(
      commentId,
      personId,
    );
  }
  for (const departmentId of departmentMentions) {
    prepareCached(
      call.db,
      'INSERT INTO comment_department_mentions (comment, department) VALUES (?, ?)',
    ).run(commentId, departmentId);
  }
  return { mentions, departmentMentions };
}

/**
 * `notifications_service.reset_notifications_for_mentions`: the comment's mention
 * notifications are rebuilt for the people it mentions, by name or through a department.
 */
export function resetMentionNotifications(
  call: CrudCall,
  comment: { id: string; person_id: string; object_id: string },
  projectId: string,
  mentions: { mentions: string[]; departmentMentions: string[] },
): void {
  prepareCached(call.db, "DELETE FROM notification WHERE type = 'mention' AND comment_id = ?").run(
    comment.id,
  );
  const recipients = new Set(mentions.mentions);
  for (const departmentId of mentions.departmentMentions) {
    const members = prepareCached(
      call.db,
      `SELECT d.person_id FROM department_link d
       JOIN project_person_link l ON l.person_id = d.person_id
       WHERE d.department_id = ? AND l.project_id = ?`,
    ).all(departmentId, projectId) as { person_id: string }[];
    for (const member of members) recipients.add(member.person_id);
  }
  for (const personId of recipients) {
    createNotification(call, {
      personId,
      authorId: comment.person_id,
      type: 'mention',
      taskId: comment.object_id,
      commentId: comment.id,
      projectId,
    });
  }
}
