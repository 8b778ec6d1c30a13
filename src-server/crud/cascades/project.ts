import type { CrudCall } from '../crud-call';
import { prepareCached, runForId } from '../sql';
import { clearPlaylistDependents } from './playlist';

const TASKS = 'SELECT id FROM task WHERE project_id = ?';
const COMMENTS = `SELECT id FROM comment WHERE object_id IN (${TASKS})`;
const PREVIEWS = `SELECT id FROM preview_file WHERE task_id IN (${TASKS})`;
const WORKING_FILES = `SELECT id FROM working_file WHERE task_id IN (${TASKS})`;
const ENTITIES = 'SELECT id FROM entity WHERE project_id = ?';

/** Statements run in order, each with the project id for every `?`: first the tasks… */
const TASK_CASCADE = [
  // Previews first: entities, news and comments point at them.
  `UPDATE entity SET preview_file_id = NULL WHERE preview_file_id IN (${PREVIEWS})`,
  `UPDATE comment SET preview_file_id = NULL WHERE preview_file_id IN (${PREVIEWS})`,
  `DELETE FROM comment_preview_link WHERE preview_file IN (${PREVIEWS})`,
  `DELETE FROM news WHERE preview_file_id IN (${PREVIEWS})`,
  `DELETE FROM preview_file WHERE task_id IN (${TASKS})`,
  // Tasks and all they gathered.
  `DELETE FROM output_file WHERE source_file_id IN (${WORKING_FILES})`,
  `DELETE FROM working_file WHERE task_id IN (${TASKS})`,
  `DELETE FROM notification WHERE comment_id IN (${COMMENTS})`,
  `DELETE FROM news WHERE comment_id IN (${COMMENTS})`,
  `DELETE FROM comment_preview_link WHERE comment IN (${COMMENTS})`,
  `DELETE FROM comment_mentions WHERE comment IN (${COMMENTS})`,
  `DELETE FROM comment_department_mentions WHERE comment IN (${COMMENTS})`,
  `DELETE FROM comment_acknoledgments WHERE comment IN (${COMMENTS})`,
  `UPDATE attachment_file SET comment_id = NULL WHERE comment_id IN (${COMMENTS})`,
  `DELETE FROM comment WHERE object_id IN (${TASKS})`,
  `DELETE FROM subscription WHERE task_id IN (${TASKS})`,
  `DELETE FROM time_spent WHERE task_id IN (${TASKS})`,
  `DELETE FROM notification WHERE task_id IN (${TASKS})`,
  `DELETE FROM news WHERE task_id IN (${TASKS})`,
  `DELETE FROM task_person_link WHERE task_id IN (${TASKS})`,
  `DELETE FROM task WHERE project_id = ?`,
];

/** …then, once the playlists are gone, everything else the project holds. */
const PROJECT_CASCADE = [
  // Budgets.
  'DELETE FROM budget_entry WHERE budget_id IN (SELECT id FROM budget WHERE project_id = ?)',
  'DELETE FROM budget WHERE project_id = ?',
  // Entities and what links them.
  `DELETE FROM entity_link WHERE entity_in_id IN (${ENTITIES})`,
  `DELETE FROM entity_concept_link WHERE entity_in_id IN (${ENTITIES})`,
  `DELETE FROM entity_concept_link WHERE entity_out_id IN (${ENTITIES})`,
  `DELETE FROM entity_version WHERE entity_id IN (${ENTITIES})`,
  `DELETE FROM subscription WHERE entity_id IN (${ENTITIES})`,
  `DELETE FROM asset_instance_link WHERE entity_id IN (${ENTITIES})`,
  `DELETE FROM asset_instance_link WHERE asset_instance_id IN
    (SELECT id FROM asset_instance WHERE asset_id IN (${ENTITIES}))`,
  `DELETE FROM asset_instance WHERE asset_id IN (${ENTITIES})`,
  'DELETE FROM api_event WHERE project_id = ?',
  `DELETE FROM output_file WHERE entity_id IN (${ENTITIES})`,
  'DELETE FROM entity WHERE project_id = ?',
  // Project-scoped settings and schedules.
  `DELETE FROM department_metadata_descriptor_link WHERE metadata_descriptor_id IN
    (SELECT id FROM metadata_descriptor WHERE project_id = ?)`,
  'DELETE FROM metadata_descriptor WHERE project_id = ?',
  'DELETE FROM milestone WHERE project_id = ?',
  'DELETE FROM schedule_item WHERE project_id = ?',
  'UPDATE project SET from_schedule_version_id = NULL WHERE id = ?',
  `UPDATE production_schedule_version SET production_schedule_from = NULL
    WHERE project_id = ?`,
  'DELETE FROM production_schedule_version WHERE project_id = ?',
  'DELETE FROM search_filter WHERE project_id = ?',
  'DELETE FROM search_filter_group WHERE project_id = ?',
];

/**
 * `deletion_service.remove_project`'s cascade, as set statements: everything the project
 * holds goes, then the caller deletes the project row. The events this raises live (one
 * `task:delete` per task, `playlist:delete`) stay off the record, as Zou deletes the
 * project's ApiEvents.
 */
export function clearProjectContents(call: CrudCall, projectId: string): void {
  const { db } = call;
  const tasks = prepareCached(
    db,
    'SELECT id, entity_id, task_type_id FROM task WHERE project_id = ?',
  ).all(projectId) as { id: string; entity_id: string; task_type_id: string }[];
  const playlists = prepareCached(db, 'SELECT id FROM playlist WHERE project_id = ?').all(
    projectId,
  ) as { id: string }[];
  for (const sql of TASK_CASCADE) runForId(db, sql, projectId);
  for (const task of tasks) {
    call.emit(
      'task:delete',
      { task_id: task.id, entity_id: task.entity_id, task_type_id: task.task_type_id },
      projectId,
    );
  }
  for (const playlist of playlists) {
    clearPlaylistDependents(db, playlist.id);
    prepareCached(db, 'DELETE FROM playlist WHERE id = ?').run(playlist.id);
    call.emit('playlist:delete', { playlist_id: playlist.id }, projectId);
  }
  for (const sql of PROJECT_CASCADE) runForId(db, sql, projectId);
  call.unrecordEventsOfProject(projectId);
}
