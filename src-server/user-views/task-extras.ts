import type { Db } from '../db/database';
import { prepareCached } from '../crud/sql';

// The batched lookups that complete a list of task rows, one statement each whatever the
// number of tasks, every value already JSON text.

/** Task id → JSON array of assignee ids (`_attach_assignee_ids`). */
export function findAssigneesJson(db: Db, taskIds: readonly string[]): Map<string, string> {
  const rows = prepareCached(
    db,
    `SELECT task_id, json_group_array(person_id) FROM task_person_link
     WHERE task_id IN (SELECT value FROM json_each(?))
     GROUP BY task_id`,
  )
    .raw(true)
    .all(JSON.stringify(taskIds)) as [string, string][];
  return new Map(rows);
}

/**
 * Task id → JSON `{text, date, person_id}` of its latest comment (`get_last_comment_map`).
 * Comments whose author acts as a client on the task's project (per-project role first) are
 * skipped.
 */
export function findLastCommentsJson(db: Db, taskIds: readonly string[]): Map<string, string> {
  const rows = prepareCached(
    db,
    `SELECT object_id, json_object('text', text, 'date', created_at, 'person_id', person_id)
     FROM (
       SELECT c.object_id, c.text, c.created_at, c.person_id,
         ROW_NUMBER() OVER (
           PARTITION BY c.object_id ORDER BY c.created_at DESC, c.rowid DESC
         ) AS position
       FROM comment c
       JOIN person author ON author.id = c.person_id
       JOIN task t ON t.id = c.object_id
       LEFT JOIN project_person_link link
         ON link.person_id = c.person_id AND link.project_id = t.project_id
       WHERE c.object_id IN (SELECT value FROM json_each(?))
         AND COALESCE(link.role, author.role) != 'client'
     ) WHERE position = 1`,
  )
    .raw(true)
    .all(JSON.stringify(taskIds)) as [string, string][];
  return new Map(rows);
}

/**
 * Entity id → JSON `{episode_ids, episode_names}` of the episodes it is cast in, by name.
 * Entities cast in no episode are absent: their rows carry neither key.
 */
export function findEpisodeCastingJson(db: Db, entityIds: readonly string[]): Map<string, string> {
  const rows = prepareCached(
    db,
    `SELECT link.entity_out_id, episode.id, episode.name
     FROM entity_link link
     JOIN entity episode ON episode.id = link.entity_in_id
     JOIN entity_type episode_type ON episode_type.id = episode.entity_type_id
     WHERE episode_type.name = 'Episode'
       AND link.entity_out_id IN (SELECT value FROM json_each(?))
     ORDER BY episode.name`,
  )
    .raw(true)
    .all(JSON.stringify([...new Set(entityIds)])) as [string, string, string][];
  const byEntity = new Map<string, { episode_ids: string[]; episode_names: string[] }>();
  for (const [entityId, episodeId, episodeName] of rows) {
    let casting = byEntity.get(entityId);
    if (!casting) {
      casting = { episode_ids: [], episode_names: [] };
      byEntity.set(entityId, casting);
    }
    casting.episode_ids.push(episodeId);
    casting.episode_names.push(episodeName);
  }
  return new Map([...byEntity].map(([entityId, casting]) => [entityId, JSON.stringify(casting)]));
}
