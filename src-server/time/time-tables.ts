import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/database';
import { prepareCached } from '../crud/sql';
import { badRequest, forbidden } from '../http/errors';
import type { Access } from '../permissions/access';
import { isoWeekOf, type DayInterval } from './dates';
import { queryId, teamProjectIds } from './lookups';
import { optionalList } from './time-spent-queries';

/** Who and what a time table covers; null means "no filter". */
export interface TableScope {
  personId: string | null;
  projectIds: string[] | null;
  departmentIds: string[] | null;
  studioId: string | null;
}

export type TableUnit = 'year' | 'month' | 'week' | 'day';

/**
 * `TimeSpentDurationResource.get_person_project_department_arguments`, with global roles:
 * admins see everything; managers and supervisors their team projects (a `project_id` outside
 * them is refused), supervisors also only their departments (asking for another department is
 * a 400); anyone else only their own time.
 */
export function tableScope(access: Access, request: FastifyRequest): TableScope {
  const projectId = queryId(request, 'project_id');
  const departmentId = queryId(request, 'department_id');
  const studioId = queryId(request, 'studio_id');
  const scope: TableScope = {
    personId: null,
    projectIds: projectId === null ? null : [projectId],
    departmentIds: departmentId === null ? null : [departmentId],
    studioId,
  };
  if (access.isAdmin) return scope;
  const role = access.globalRole;
  if (role !== 'manager' && role !== 'supervisor') {
    return { ...scope, personId: access.personId };
  }
  const teamProjects = teamProjectIds(access);
  if (projectId === null) scope.projectIds = teamProjects;
  else if (!teamProjects.includes(projectId)) throw forbidden();
  if (role === 'supervisor') {
    const departments = access.departments();
    if (departmentId === null) scope.departmentIds = departments;
    else if (!departments.includes(departmentId)) {
      throw badRequest('Supervisor not allowed to access this department');
    }
  }
  return scope;
}

function unitOf(day: string, unit: TableUnit): string {
  switch (unit) {
    case 'year':
      return String(Number(day.slice(0, 4)));
    case 'month':
      return String(Number(day.slice(5, 7)));
    case 'day':
      return String(Number(day.slice(8, 10)));
    case 'week':
      return String(isoWeekOf(day));
  }
}

/**
 * `get_table_from_time_spents`: `{"<unit>": {"<person_id>": minutes}}` over the time spents
 * of the interval (all of them when none is given).
 */
export function timeTable(
  db: Db,
  scope: TableScope,
  unit: TableUnit,
  interval: DayInterval | null,
): Record<string, Record<string, number>> {
  const projects = optionalList(scope.projectIds);
  const departments =
    scope.departmentIds && scope.departmentIds.length > 0
      ? JSON.stringify(scope.departmentIds)
      : null;
  const rows = prepareCached(
    db,
    `SELECT t.date, t.person_id, SUM(t.duration) AS duration
     FROM time_spent t
     LEFT JOIN task k ON k.id = t.task_id
     LEFT JOIN task_type tt ON tt.id = k.task_type_id
     LEFT JOIN person p ON p.id = t.person_id
     WHERE (? IS NULL OR t.date >= ?) AND (? IS NULL OR t.date < ?)
       AND (? IS NULL OR t.person_id = ?)
       AND (? IS NULL OR k.project_id IN (SELECT value FROM json_each(?)))
       AND (? IS NULL OR tt.department_id IN (SELECT value FROM json_each(?)))
       AND (? IS NULL OR p.studio_id = ?)
     GROUP BY t.date, t.person_id
     ORDER BY t.date, t.person_id`,
  ).all(
    interval?.start ?? null,
    interval?.start ?? null,
    interval?.end ?? null,
    interval?.end ?? null,
    scope.personId,
    scope.personId,
    projects,
    projects,
    departments,
    departments,
    scope.studioId,
    scope.studioId,
  ) as { date: string; person_id: string | null; duration: number }[];
  const table: Record<string, Record<string, number>> = {};
  for (const row of rows) {
    const key = unitOf(row.date, unit);
    const byPerson = (table[key] ??= {});
    const person = String(row.person_id);
    byPerson[person] = (byPerson[person] ?? 0) + row.duration;
  }
  return table;
}
