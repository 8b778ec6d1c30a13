import type { Db } from '../db/database';
import { prepareCached } from '../crud/sql';

type MonthTotals = Record<string, number>;
type DepartmentTotals = Record<string, number | MonthTotals>;

/**
 * Zou formats the day (midnight UTC) in the caller's time zone before taking its month, so a
 * zone west of UTC moves the first of a month into the month before.
 */
function monthKeyIn(timeZone: string): (day: string) => string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' });
  } catch {
    return (day) => day.slice(0, 7);
  }
  const cache = new Map<string, string>();
  return (day) => {
    let key = cache.get(day);
    if (key === undefined) {
      const parts = format.formatToParts(new Date(`${day}T00:00:00Z`));
      const year = parts.find((part) => part.type === 'year')?.value ?? day.slice(0, 4);
      const month = parts.find((part) => part.type === 'month')?.value ?? day.slice(5, 7);
      key = `${year.padStart(4, '0')}-${month}`;
      cache.set(day, key);
    }
    return key;
  };
}

/**
 * `get_project_month_time_spents`: per department of the task types,
 * `{"total", "<person_id>": {"total", "YYYY-MM": minutes}}`. Time on task types without a
 * department is left out.
 */
export function projectMonthTimeSpents(
  db: Db,
  projectId: string,
  timeZone: string | null,
): Record<string, DepartmentTotals> {
  const rows = prepareCached(
    db,
    `SELECT tt.department_id, t.person_id, t.date, SUM(t.duration) AS duration
     FROM time_spent t
     JOIN task k ON k.id = t.task_id
     JOIN task_type tt ON tt.id = k.task_type_id
     JOIN department d ON d.id = tt.department_id
     WHERE k.project_id = ?
     GROUP BY tt.department_id, t.person_id, t.date
     ORDER BY t.date, tt.department_id, t.person_id`,
  ).all(projectId) as {
    department_id: string;
    person_id: string | null;
    date: string;
    duration: number;
  }[];
  const monthKey = monthKeyIn(timeZone ?? 'UTC');
  const result: Record<string, DepartmentTotals> = {};
  for (const row of rows) {
    const department = (result[row.department_id] ??= { total: 0 });
    const person = (department[String(row.person_id)] ??= { total: 0 }) as MonthTotals;
    const month = monthKey(row.date);
    person[month] = (person[month] ?? 0) + row.duration;
    person.total = (person.total ?? 0) + row.duration;
    department.total = (department.total as number) + row.duration;
  }
  return result;
}
