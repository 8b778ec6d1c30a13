import type { Db } from '../db/database';
import { prepareCached } from '../crud/sql';
import { addDays, dayString, daysInMonth } from './dates';

interface PresenceRow {
  id: string;
  first_name: string | null;
  last_name: string | null;
}

/** Person.full_name: "First Last", or the two parts glued when one is empty. */
function fullName(person: PresenceRow): string {
  const first = person.first_name ?? '';
  const last = person.last_name ?? '';
  return first && last ? `${first} ${last}` : `${first}${last}`;
}

/**
 * `persons_service.get_presence_logs`: a header `[year, "1", …, last day]`, then one row per
 * active non-guest person with "X" on the days they logged in from the desktop.
 */
export function presenceTable(db: Db, year: number, month: number): string[][] {
  const days = daysInMonth(year, month);
  const start = dayString(year, month, 1);
  const end = addDays(start, days);
  const persons = prepareCached(
    db,
    `SELECT id, first_name, last_name FROM person
     WHERE active = 1 AND is_guest IS NOT 1 ORDER BY first_name, last_name`,
  ).all() as PresenceRow[];
  const logs = prepareCached(
    db,
    `SELECT DISTINCT l.person_id, CAST(substr(l.date, 9, 2) AS INTEGER) AS day
     FROM desktop_login_log l JOIN person p ON p.id = l.person_id
     WHERE p.active = 1 AND p.is_guest IS NOT 1 AND l.date >= ? AND l.date < ?`,
  ).all(`${start}T00:00:00`, `${end}T00:00:00`) as { person_id: string; day: number }[];
  const daysByPerson = new Map<string, Set<number>>();
  for (const log of logs) {
    let set = daysByPerson.get(log.person_id);
    if (!set) daysByPerson.set(log.person_id, (set = new Set()));
    set.add(log.day);
  }
  const header = [String(year), ...Array.from({ length: days }, (_, index) => String(index + 1))];
  const rows = persons.map((person) => {
    const present = daysByPerson.get(person.id);
    const marks = Array.from({ length: days }, (_, index) => (present?.has(index + 1) ? 'X' : ''));
    return [fullName(person), ...marks];
  });
  return [header, ...rows];
}

/** Python's `csv.writer(delimiter=";")`: minimal quoting, `\r\n` line ends. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows
    .map((row) => {
      if (row.length === 1 && row[0] === '') return '""\r\n';
      return `${row.map(csvField).join(';')}\r\n`;
    })
    .join('');
}

function csvField(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
