import type { Db } from '../db/database';
import { modelOf } from '../crud/model-of';
import { prepareCached } from '../crud/sql';
import { serializeRow, type Json, type Row } from '../models/serialize';

/** `get_day_off`: the person's day off covering the day, or `{}`. */
export function dayOffCovering(db: Db, personId: string, day: string): Json {
  const row = prepareCached(
    db,
    `SELECT * FROM day_off WHERE person_id = ? AND ? BETWEEN date AND end_date
     ORDER BY date LIMIT 1`,
  ).get(personId, day) as Row | undefined;
  return row ? serializeRow(modelOf('day_off'), row) : {};
}

/**
 * `get_day_offs_between`: day offs overlapping [start, end] (both inclusive, either open),
 * of one person or of everyone.
 */
export function dayOffsBetween(
  db: Db,
  options: { personId?: string; start?: string; end?: string },
): Json[] {
  const personId = options.personId ?? null;
  const start = options.start ?? null;
  const end = options.end ?? null;
  const rows = prepareCached(
    db,
    `SELECT * FROM day_off
     WHERE (? IS NULL OR person_id = ?) AND (? IS NULL OR ? <= end_date)
       AND (? IS NULL OR ? >= date)
     ORDER BY date, person_id`,
  ).all(personId, personId, start, start, end, end) as Row[];
  const model = modelOf('day_off');
  return rows.map((row) => serializeRow(model, row));
}
