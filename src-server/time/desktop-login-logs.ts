import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ServerContext } from '../context';
import type { Db } from '../db/database';
import { readBody, requestValues } from '../auth/body';
import { prepareCached } from '../crud/sql';
import { parseIsoDateTime } from '../crud/values';
import { newId } from '../db/ids';
import { nowDateTime } from '../db/time';
import { validationError } from '../http/errors';
import type { Json, Row } from '../models/serialize';
import { dayString } from './dates';
import { refreshLastPresence } from './last-presence';

const WRONG_DATE = 'Value error, Wrong date format. Expected: 2020-01-05T13:23:10 or 2020-01-05';

// `strptime` with "%Y-%m-%dT%H:%M:%S", then with "%Y-%m-%d".
const STRPTIME_DATETIME =
  /^(\d{4})-(1[0-2]|0[1-9]|[1-9])-(3[01]|[12]\d|0[1-9]|[1-9]| [1-9])(?:T(2[0-3]|[01]\d|\d):([0-5]\d|\d):([0-5]\d|\d))?$/;

function strptimeDateTime(value: string): string | null {
  const match = STRPTIME_DATETIME.exec(value);
  if (!match) return null;
  const [, year, month, day, hour = '0', minute = '0', second = '0'] = match;
  const date = dayString(Number(year), Number(month), Number(day));
  if (parseIsoDateTime(date) === null) return null;
  const time = [hour, minute, second].map((part) => part.padStart(2, '0')).join(':');
  return `${date}T${time}`;
}

/** `DesktopLoginCreateSchema`: `{date?}`, a `YYYY-MM-DD[THH:MM:SS]` string or null. */
const desktopLoginSchema = z.object({
  date: z
    .unknown()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value === null) return null;
      const parsed = typeof value === 'string' ? strptimeDateTime(value) : null;
      if (parsed !== null) return parsed;
      context.addIssue({ code: 'custom', message: WRONG_DATE });
      return z.NEVER;
    }),
});

/** The `date` of `POST /data/persons/{id}/desktop-login-logs`, validated as Zou's schema. */
export function readDesktopLoginBody(request: FastifyRequest): string | null {
  return readBody(request, desktopLoginSchema, 'DesktopLoginCreateSchema').date;
}

/**
 * The `date` argument of `POST /data/user/desktop-login-logs` (query, form or JSON), which Zou
 * hands to Postgres as is: any ISO date or datetime is taken, its zone ignored.
 */
export function readDesktopLoginArgument(request: FastifyRequest): string | null {
  const body = request.body;
  const json =
    body !== null && typeof body === 'object' && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : {};
  const values: Record<string, unknown> = { ...json, ...requestValues(request) };
  if (!('date' in values)) return null;
  const raw: unknown = Array.isArray(values.date) ? values.date[0] : values.date;
  const parsed = typeof raw === 'string' ? parseIsoDateTime(raw) : null;
  if (parsed === null) throw validationError([{ field: 'date', message: WRONG_DATE }]);
  return `${parsed.date}T${parsed.time}`;
}

export function serializeDesktopLoginLog(row: Row): Json {
  return { ...row, type: 'DesktopLoginLog' };
}

/** `get_desktop_login_logs`: the person's logs, latest first. */
export function desktopLoginLogs(db: Db, personId: string): Json[] {
  const rows = prepareCached(
    db,
    'SELECT * FROM desktop_login_log WHERE person_id = ? ORDER BY date DESC, created_at DESC',
  ).all(personId) as Row[];
  return rows.map(serializeDesktopLoginLog);
}

/** `create_desktop_login_logs`: logs the login (now by default) and refreshes last_presence. */
export function createDesktopLoginLog(
  context: ServerContext,
  request: FastifyRequest,
  personId: string,
  date: string | null,
): Json {
  const { db } = context;
  const id = newId();
  const now = nowDateTime();
  db.transaction(() => {
    prepareCached(
      db,
      `INSERT INTO desktop_login_log (id, created_at, updated_at, person_id, date)
       VALUES (?, ?, ?, ?, ?)`,
    ).run(id, now, now, personId, date ?? now);
    refreshLastPresence(db, personId);
  })();
  context.events.emit({
    name: 'person:update',
    data: { person_id: personId },
    projectId: null,
    userId: request.auth?.person.id ?? null,
  });
  const row = prepareCached(db, 'SELECT * FROM desktop_login_log WHERE id = ?').get(id) as Row;
  return serializeDesktopLoginLog(row);
}
