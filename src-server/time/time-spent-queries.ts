import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/database';
import { requestValues } from '../auth/body';
import { modelOf } from '../crud/model-of';
import { prepareCached } from '../crud/sql';
import { badRequest } from '../http/errors';
import { serializeRow, type Json, type Row } from '../models/serialize';
import { parseSqlDate, type DayInterval } from './dates';
import type { TimeScope } from './person-scope';

/** A JSON list parameter for `(? IS NULL OR x IN (SELECT value FROM json_each(?)))`. */
export function optionalList(values: readonly string[] | null): string | null {
  return values === null ? null : JSON.stringify(values);
}

/** Zou filters departments only when the list is non-empty (`if department_ids:`). */
function departmentList(scope: TimeScope): string | null {
  return scope.departmentIds && scope.departmentIds.length > 0
    ? JSON.stringify(scope.departmentIds)
    : null;
}

export function serializeTimeSpents(rows: Row[]): Json[] {
  const model = modelOf('time_spent');
  return rows.map((row) => serializeRow(model, row));
}

/** `time_spents_service.get_time_spents` for one day, within the caller's scope. */
export function personDayTimeSpents(
  db: Db,
  personId: string,
  day: string,
  scope: TimeScope = { projectIds: null, departmentIds: null },
): Json[] {
  const projects = optionalList(scope.projectIds);
  const departments = departmentList(scope);
  const rows = prepareCached(
    db,
    `SELECT t.* FROM time_spent t
     LEFT JOIN task k ON k.id = t.task_id
     LEFT JOIN task_type tt ON tt.id = k.task_type_id
     WHERE t.person_id = ? AND t.date = ?
       AND (? IS NULL OR k.project_id IN (SELECT value FROM json_each(?)))
       AND (? IS NULL OR tt.department_id IN (SELECT value FROM json_each(?)))
     ORDER BY t.created_at`,
  ).all(personId, day, projects, projects, departments, departments) as Row[];
  return serializeTimeSpents(rows);
}

/** The person's time spents of [start, end) (both ends given as days; end excluded). */
export function personTimeSpentsBetween(db: Db, personId: string, interval: DayInterval): Json[] {
  const rows = prepareCached(
    db,
    `SELECT * FROM time_spent WHERE person_id = ? AND date >= ? AND date < ?
     ORDER BY date, created_at`,
  ).all(personId, interval.start, interval.end) as Row[];
  return serializeTimeSpents(rows);
}

/**
 * `get_args(["start_date", "end_date"])` then `get_time_spents_range`. Without either date
 * Zou filters on `date = NULL` and so answers `[]`, which is kept.
 */
export function timeSpentsInRequestRange(
  db: Db,
  request: FastifyRequest,
  personId: string,
): Json[] {
  const args = { ...jsonObject(request.body), ...requestValues(request) };
  const start = argText(args.start_date);
  const end = argText(args.end_date);
  if (!start && !end) return [];
  if (start === undefined || end === undefined) {
    throw badRequest(
      'If querying for a range of dates, both a `start_date` and an `end_date` must be given.',
    );
  }
  const first = parseSqlDate(start);
  const last = parseSqlDate(end);
  if (first === null || last === null) {
    throw badRequest(`Wrong date format for ${start} and/or ${end}`);
  }
  const rows = prepareCached(
    db,
    `SELECT * FROM time_spent WHERE person_id = ? AND date BETWEEN ? AND ?
     ORDER BY date, created_at`,
  ).all(personId, first, last) as Row[];
  return serializeTimeSpents(rows);
}

function jsonObject(body: unknown): Record<string, unknown> {
  return body !== null && typeof body === 'object' && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}

/** ArgsMixin converts every value with `str()`. */
function argText(value: unknown): string | undefined {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return undefined;
  if (first === null) return 'None';
  return typeof first === 'string' ? first : JSON.stringify(first);
}

/**
 * `get_person_time_spent_entries` + `build_results`: the person's time of [start, end) summed
 * per task, with the names a timesheet shows.
 */
export function personTimeSpentEntries(
  db: Db,
  personId: string,
  interval: DayInterval,
  scope: TimeScope,
): Json[] {
  const projects = optionalList(scope.projectIds);
  const departments = departmentList(scope);
  return prepareCached(
    db,
    `SELECT k.id AS task_id, k.task_type_id, p.id AS project_id, p.name AS project_name,
       e.name AS entity_name, et.name AS entity_type_name, s.name AS sequence_name,
       ep.name AS episode_name, SUM(t.duration) AS duration
     FROM task k
     JOIN entity e ON e.id = k.entity_id
     JOIN project p ON p.id = k.project_id
     JOIN time_spent t ON t.task_id = k.id
     JOIN entity_type et ON et.id = e.entity_type_id
     LEFT JOIN entity s ON s.id = e.parent_id
     LEFT JOIN entity ep ON ep.id = s.parent_id
     LEFT JOIN task_type tt ON tt.id = k.task_type_id
     WHERE t.person_id = ? AND t.date >= ? AND t.date < ?
       AND (? IS NULL OR k.project_id IN (SELECT value FROM json_each(?)))
       AND (? IS NULL OR tt.department_id IN (SELECT value FROM json_each(?)))
     GROUP BY k.id
     ORDER BY p.name, e.name, k.id`,
  ).all(
    personId,
    interval.start,
    interval.end,
    projects,
    projects,
    departments,
    departments,
  ) as Json[];
}
