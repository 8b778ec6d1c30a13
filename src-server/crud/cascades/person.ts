import type { CrudCall } from '../crud-call';
import { prepareCached, runForId } from '../sql';
import { removeComment } from './comment';

/** Statements run in order, each with the person id for every `?`. */
const PERSON_CASCADE = [
  'DELETE FROM comment_acknoledgments WHERE person = ?',
  'DELETE FROM api_event WHERE user_id = ?',
  'DELETE FROM notification WHERE person_id = ? OR author_id = ?',
  'DELETE FROM search_filter WHERE person_id = ?',
  'DELETE FROM search_filter_group WHERE person_id = ?',
  'DELETE FROM desktop_login_log WHERE person_id = ?',
  'DELETE FROM login_log WHERE person_id = ?',
  'DELETE FROM subscription WHERE person_id = ?',
  'DELETE FROM time_spent WHERE person_id = ?',
  'DELETE FROM project_person_link WHERE person_id = ?',
  'DELETE FROM task_person_link WHERE person_id = ?',
  'UPDATE task SET assigner_id = NULL WHERE assigner_id = ?',
  'UPDATE output_file SET person_id = NULL WHERE person_id = ?',
  'UPDATE working_file SET person_id = NULL WHERE person_id = ?',
  'UPDATE preview_file SET person_id = NULL WHERE person_id = ?',
];

/**
 * `deletion_service.remove_person(force=True)`'s cascade: the person's comments (as full
 * comment removals), acknowledgements, events, notifications, filters, logs, subscriptions,
 * time spents, team and assignee links; files they made lose their author.
 */
export function clearPersonTraces(call: CrudCall, personId: string): void {
  const comments = prepareCached(call.db, 'SELECT id FROM comment WHERE person_id = ?').all(
    personId,
  ) as { id: string }[];
  for (const comment of comments) removeComment(call, comment.id);
  for (const sql of PERSON_CASCADE) runForId(call.db, sql, personId);
}
