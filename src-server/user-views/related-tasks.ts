import type { Db } from '../db/database';
import { serializeRow, type Json, type Row } from '../models/serialize';
import { prepareCached } from '../crud/sql';
import { requiredModel } from './models';

/**
 * `tasks_service.get_person_related_tasks`: the tasks of one type on every entity of an open
 * project where the person holds an assigned task, as plain `Task.serialize()`.
 */
export function findRelatedTasks(db: Db, personId: string, taskTypeId: string): Json[] {
  const rows = prepareCached(
    db,
    `SELECT t.* FROM task t
     WHERE t.task_type_id = ? AND t.entity_id IN (
       SELECT mine.entity_id FROM task mine
       JOIN task_person_link a ON a.task_id = mine.id AND a.person_id = ?
       JOIN entity e ON e.id = mine.entity_id
       JOIN project p ON p.id = e.project_id
       JOIN project_status s ON s.id = p.project_status_id
       WHERE s.name IN ('Active', 'open', 'Open')
     )`,
  ).all(taskTypeId, personId) as Row[];
  const taskModel = requiredModel('task');
  return rows.map((row) => serializeRow(taskModel, row));
}
