import type { Db } from '../db/database';
import { and, inJsonList, prepareCached, type SqlCondition } from '../crud/sql';
import { jsonBool, jsonObject, jsonValue, mergeJsonObjects } from './json-sql';
import { taskJsonSql } from './task-columns';
import { findAssigneesJson, findEpisodeCastingJson, findLastCommentsJson } from './task-extras';

// The artist's task rows (`tasks_service.get_person_tasks` / `get_person_tasks_to_check`):
// every task column plus the project, entity, context and status fields the to-do lists show.
// One statement reads the rows with their joins, then one each for assignees, last comments
// and episode casting, whatever the number of rows. SQLite writes each row's JSON; the lists
// are answered as JSON text.

const OPEN_STATUS_IDS = `SELECT id FROM project_status WHERE name = 'Open'`;
const EPISODE_TYPE_IDS = `SELECT id FROM entity_type WHERE name = 'Episode'`;

/** A sequence's "sequence" join is its parent, the episode (Zou's alias over parent_id). */
const IS_SEQUENCE_IN_EPISODE = `et.name = 'Sequence' AND e.parent_id IS NOT NULL`;

/**
 * `_resolve_episode_and_build_task_dict`: the episode above the sequence; else the entity's
 * source (assets name their episode that way), "MP" (main pack) when the source is not an
 * episode; a sequence's own parent wins over both.
 */
const EPISODE_ID = `CASE WHEN ${IS_SEQUENCE_IN_EPISODE} THEN e.parent_id
  WHEN ep.id IS NOT NULL THEN ep.id ELSE COALESCE(e.source_id, '') END`;
const EPISODE_NAME = `CASE WHEN ${IS_SEQUENCE_IN_EPISODE} THEN seq.name
  WHEN ep.id IS NOT NULL THEN ep.name
  WHEN e.source_id IS NOT NULL THEN COALESCE(source_episode.name, 'MP') END`;

/** The keys added to the task columns (project_id and entity_id are task columns already). */
const DETAIL_JSON = jsonObject([
  ['project_name', 'p.name'],
  ['project_has_avatar', jsonBool('p.has_avatar')],
  ['entity_name', 'e.name'],
  ['entity_description', 'e.description'],
  ['entity_data', jsonValue('e.data')],
  ['entity_preview_file_id', `COALESCE(e.preview_file_id, '')`],
  ['entity_source_id', `COALESCE(e.source_id, '')`],
  ['entity_type_name', 'et.name'],
  ['entity_canceled', jsonBool('e.canceled')],
  ['sequence_name', 'seq.name'],
  ['episode_id', EPISODE_ID],
  ['episode_name', EPISODE_NAME],
  ['task_type_for_entity', 'tt.for_entity'],
  ['task_estimation', 't.estimation'],
  ['task_duration', 't.duration'],
  ['task_start_date', 't.start_date'],
  ['task_due_date', 't.due_date'],
  ['task_type_name', 'tt.name'],
  ['task_status_name', 's.name'],
  ['task_type_color', 'tt.color'],
  ['task_status_color', 's.color'],
  ['task_status_short_name', 's.short_name'],
]);

const SELECT_DETAILED = `
  SELECT t.id, t.entity_id, ${taskJsonSql('t')}, ${DETAIL_JSON}
  FROM task t
  JOIN project p ON p.id = t.project_id
  JOIN task_type tt ON tt.id = t.task_type_id
  JOIN task_status s ON s.id = t.task_status_id
  JOIN entity e ON e.id = t.entity_id
  JOIN entity_type et ON et.id = e.entity_type_id
  LEFT JOIN entity seq ON seq.id = e.parent_id
  LEFT JOIN entity ep ON ep.id = seq.parent_id
  LEFT JOIN entity source_episode ON source_episode.id = e.source_id
    AND source_episode.entity_type_id IN (${EPISODE_TYPE_IDS})`;

/** [task id, entity id, task JSON, detail JSON] */
type DetailedRow = [string, string, string, string];

/** Open (`done` false) or done tasks assigned to a person within the projects, as JSON text. */
export function personTasksJson(
  db: Db,
  personId: string,
  projectIds: readonly string[],
  done: boolean,
): string {
  const projects = inJsonList('t.project_id', projectIds);
  // Postgres puts NULLs first in a descending sort; SQLite needs to be told.
  const order = done ? 'ORDER BY t.end_date DESC NULLS FIRST, tt.name, e.name' : '';
  const rows = prepareCached(
    db,
    `${SELECT_DETAILED}
     JOIN task_person_link assignment ON assignment.task_id = t.id AND assignment.person_id = ?
     WHERE ${projects.sql} AND s.is_done = ${done ? 1 : 0}
     ${order}`,
  )
    .raw(true)
    .all(personId, ...projects.params) as DetailedRow[];
  return assemble(db, rows, true);
}

/** Tasks waiting for feedback in the projects (null: all open ones) and departments. */
export function tasksToCheckJson(
  db: Db,
  projectIds: readonly string[] | null,
  departmentIds: readonly string[] | null,
): string {
  const conditions: SqlCondition[] = [{ sql: 's.is_feedback_request = 1', params: [] }];
  conditions.push(
    projectIds === null
      ? { sql: `p.project_status_id IN (${OPEN_STATUS_IDS})`, params: [] }
      : inJsonList('t.project_id', projectIds),
  );
  if (departmentIds && departmentIds.length > 0) {
    conditions.push(inJsonList('tt.department_id', departmentIds));
  }
  const where = and(conditions);
  const rows = prepareCached(db, `${SELECT_DETAILED} WHERE ${where.sql}`)
    .raw(true)
    .all(...where.params) as DetailedRow[];
  return assemble(db, rows, false);
}

function assemble(db: Db, rows: DetailedRow[], withEpisodeCasting: boolean): string {
  if (rows.length === 0) return '[]';
  const taskIds = rows.map((row) => row[0]);
  const assignees = findAssigneesJson(db, taskIds);
  const lastComments = findLastCommentsJson(db, taskIds);
  const casting = withEpisodeCasting
    ? findEpisodeCastingJson(
        db,
        rows.map((row) => row[1]),
      )
    : null;
  const parts = rows.map(([taskId, entityId, taskJson, detailJson]) =>
    mergeJsonObjects([
      taskJson,
      detailJson,
      casting?.get(entityId) ?? '{}',
      `{"assignees":${assignees.get(taskId) ?? '[]'},"last_comment":${
        lastComments.get(taskId) ?? '{}'
      }}`,
    ]),
  );
  return `[${parts.join(',')}]`;
}
