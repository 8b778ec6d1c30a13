import type { CrudCall } from '../crud/crud-call';
import { prepareCached } from '../crud/sql';
import { newId } from '../db/ids';
import { nowDateTime } from '../db/time';
import type { Json } from '../models/serialize';

interface SequenceRow {
  id: string;
  name: string;
}

interface ScheduleItemRow {
  id: string;
  start_date: string | null;
  end_date: string | null;
  man_days: number | null;
  project_id: string | null;
  task_type_id: string | null;
  object_id: string | null;
}

/** The server's local calendar day, as Python's `date.today()`, shifted by `days`. */
function localDay(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * `get_sequences_schedule_items`: one schedule item per sequence of the project (of the
 * episode when given) for the task type. Missing ones are created for today → tomorrow, each
 * announced as `schedule-item:new`; items whose sequence is gone are left out. Sorted by the
 * sequence's name.
 */
export function sequenceScheduleItems(
  call: CrudCall,
  projectId: string,
  taskTypeId: string,
  episodeId: string | null,
): Json[] {
  const episodeFilter = episodeId === null ? '' : ' AND e.parent_id = ?';
  const scope = episodeId === null ? [projectId] : [projectId, episodeId];
  const sequences = prepareCached(
    call.db,
    `SELECT e.id, e.name FROM entity e JOIN entity_type et ON et.id = e.entity_type_id
     WHERE et.name = 'Sequence' AND e.project_id = ?${episodeFilter}`,
  ).all(...scope) as SequenceRow[];
  const existing = prepareCached(
    call.db,
    `SELECT s.id, s.start_date, s.end_date, s.man_days, s.project_id, s.task_type_id, s.object_id
     FROM schedule_item s
     JOIN entity e ON e.id = s.object_id
     JOIN entity_type et ON et.id = e.entity_type_id
     WHERE s.project_id = ? AND et.name = 'Sequence' AND s.task_type_id = ?${episodeFilter}`,
  ).all(projectId, taskTypeId, ...scope.slice(1)) as ScheduleItemRow[];

  const names = new Map(sequences.map((sequence) => [sequence.id, sequence.name]));
  const covered = new Set(existing.map((item) => item.object_id));
  const missing = sequences.filter((sequence) => !covered.has(sequence.id));
  const created = missing.length === 0 ? [] : createItems(call, projectId, taskTypeId, missing);

  return [...existing, ...created]
    .filter((item) => item.object_id !== null && names.has(item.object_id))
    .map((item) => ({ ...item, name: names.get(item.object_id as string) as string }))
    .sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
}

function createItems(
  call: CrudCall,
  projectId: string,
  taskTypeId: string,
  sequences: readonly SequenceRow[],
): ScheduleItemRow[] {
  const startDate = localDay(0);
  const endDate = localDay(1);
  return call.write(() => {
    const insert = prepareCached(
      call.db,
      `INSERT INTO schedule_item (id, created_at, updated_at, start_date, end_date, project_id,
         task_type_id, object_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    return sequences.map((sequence) => {
      const id = newId();
      const now = nowDateTime();
      insert.run(id, now, now, startDate, endDate, projectId, taskTypeId, sequence.id);
      call.emit('schedule-item:new', { schedule_item_id: id }, projectId);
      return {
        id,
        start_date: startDate,
        end_date: endDate,
        man_days: null,
        project_id: projectId,
        task_type_id: taskTypeId,
        object_id: sequence.id,
      };
    });
  });
}
