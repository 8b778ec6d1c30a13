import { badRequest, crudError, forbidden } from '../../http/errors';
import type { CrudCall } from '../crud-call';
import { pythonRepr } from '../python-repr';
import { serializeById } from '../present';
import { prepareCached } from '../sql';
import { parseIsoDateTime } from '../values';
import { defineHooks } from './define';

function asDate(value: unknown): string | null {
  return typeof value === 'string' ? (parseIsoDateTime(value)?.date ?? null) : null;
}

/** `get_day_offs_between`: does another day off of the person overlap [start, end]? */
function overlaps(
  call: CrudCall,
  start: unknown,
  end: unknown,
  personId: unknown,
  exceptId: string | null,
): boolean {
  const row = prepareCached(
    call.db,
    `SELECT 1 FROM day_off WHERE person_id IS ? AND (? IS NULL OR ? <= end_date)
       AND (? IS NULL OR ? >= date) AND id IS NOT ? LIMIT 1`,
  ).get(personId ?? null, asDate(start), asDate(start), asDate(end), asDate(end), exceptId);
  return row !== undefined;
}

/** A day off replaces the time logged during it. */
function removeCoveredTimeSpents(call: CrudCall, dayOffId: string): void {
  prepareCached(
    call.db,
    `DELETE FROM time_spent WHERE id IN (
       SELECT t.id FROM time_spent t JOIN day_off d ON d.person_id = t.person_id
       WHERE d.id = ? AND t.date >= d.date AND t.date <= d.end_date)`,
  ).run(dayOffId);
}

function requireKey(data: Record<string, unknown>, key: string): unknown {
  // Zou indexes data[key]: a missing key is a KeyError answered as its repr.
  if (!(key in data)) throw crudError(pythonRepr(key));
  return data[key];
}

/** Day offs (REFERENCE §5): the person concerned or an admin; no overlaps. */
export const dayOffHooks = defineHooks({
  checkRead: (call, dayOff) => call.access.requireSelfOrAdmin(String(dayOff.person_id)),
  checkCreate(call, data) {
    call.access.requireSelfOrAdmin(String(requireKey(data, 'person_id')));
  },
  checkCreationIntegrity(call, data) {
    const date = requireKey(data, 'date');
    const endDate = requireKey(data, 'end_date');
    if (overlaps(call, date, endDate, data.person_id, null)) {
      throw badRequest('Day off already exists for this period');
    }
  },
  afterCreate(call, id) {
    removeCoveredTimeSpents(call, id);
    return serializeById(call.db, call.model, id, true);
  },
  checkUpdate(call, dayOff, data) {
    if ('person_id' in data && data.person_id !== dayOff.person_id && !call.access.isAdmin) {
      throw forbidden();
    }
    call.access.requireSelfOrAdmin(String(dayOff.person_id));
  },
  preUpdate(call, dayOff, data) {
    const start = 'date' in data ? data.date : dayOff.date;
    const end = 'end_date' in data ? data.end_date : dayOff.end_date;
    const personId = 'person_id' in data ? data.person_id : dayOff.person_id;
    if (overlaps(call, start, end, personId, String(dayOff.id))) {
      throw badRequest('Day off already exists for this period');
    }
  },
  afterUpdate: (call, _current, _data, updated) =>
    removeCoveredTimeSpents(call, String(updated.id)),
  checkDelete: (call, dayOff) => call.access.requireSelfOrAdmin(String(dayOff.person_id)),
});
