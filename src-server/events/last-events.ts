import type { Db } from '../db/database';
import { isUuid } from '../db/ids';
import { badRequest } from '../http/errors';

export interface LastEventsQuery {
  after: string | null;
  before: string | null;
  cursorEventId: string | null;
  limit: number;
  onlyFiles: boolean;
  projectId: string | null;
  /** Restricts to the projects whose team holds this person (non-admin callers). */
  teamOf: string | null;
  name: string | null;
  namePrefixes: string[];
  nameSuffixes: string[];
  personIds: string[];
}

export interface LastEvent {
  id: string;
  created_at: string;
  name: string;
  user_id: string | null;
  project_id: string | null;
  data: unknown;
}

const FILE_EVENT_NAMES = [
  'preview-file:add-file',
  'organisation:set-thumbnail',
  'person:set-thumbnail',
  'project:set-thumbnail',
];

/** Event names are lowercase words, digits and dashes: nothing that could act as a wildcard. */
const NAME_PART = /^[a-z0-9-]+$/;

/**
 * `events_service.get_last_events`, newest first. Zou stores microseconds and we store whole
 * seconds, so ties within a second are ordered by insertion (rowid) and `after` includes its
 * own second: a client replaying from the last event it saw must not miss the rest of it.
 */
export function findLastEvents(db: Db, query: LastEventsQuery): LastEvent[] {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]): void => {
    where.push(clause);
    params.push(...values);
  };

  if (query.after !== null) add('created_at >= ?', query.after);
  if (query.before !== null) add('created_at < ?', query.before);
  if (query.onlyFiles) add(`name IN (${marks(FILE_EVENT_NAMES)})`, ...FILE_EVENT_NAMES);
  if (query.projectId !== null) add('project_id = ?', query.projectId);
  if (query.teamOf !== null) {
    add(
      'project_id IN (SELECT project_id FROM project_person_link WHERE person_id = ?)',
      query.teamOf,
    );
  }
  if (query.personIds.length > 0) {
    if (!query.personIds.every(isUuid)) {
      throw badRequest('The person_ids parameter contains an invalid id');
    }
    const ids = query.personIds.map((id) => id.toLowerCase());
    add(`user_id IN (${marks(ids)})`, ...ids);
  }
  if (query.name !== null) add('name = ?', query.name);
  if (query.namePrefixes.length > 0) {
    checkNameParts(query.namePrefixes, 'name_prefixes');
    anyOf(add, query.namePrefixes, (prefix) => `${prefix}:*`);
  }
  if (query.nameSuffixes.length > 0) {
    checkNameParts(query.nameSuffixes, 'name_suffixes');
    anyOf(add, query.nameSuffixes, (suffix) => `*:${suffix}`);
  }
  if (query.cursorEventId !== null) {
    const cursor = db
      .prepare('SELECT rowid, created_at FROM api_event WHERE id = ?')
      .get(query.cursorEventId) as { rowid: number; created_at: string } | undefined;
    if (!cursor) throw badRequest(`No event found with id: ${query.cursorEventId}`);
    add(
      '(created_at < ? OR (created_at = ? AND rowid < ?))',
      cursor.created_at,
      cursor.created_at,
      cursor.rowid,
    );
  }

  const rows = db
    .prepare(
      `SELECT id, created_at, name, user_id, project_id, data FROM api_event
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY created_at DESC, rowid DESC LIMIT ?`,
    )
    .all(...params, query.limit) as (Omit<LastEvent, 'data'> & { data: string | null })[];
  return rows.map((row) => ({ ...row, data: row.data === null ? null : JSON.parse(row.data) }));
}

/** `get_event_names`: every distinct name, sorted by code point (SQLite's BINARY collation). */
export function findEventNames(db: Db): string[] {
  return (
    db.prepare('SELECT DISTINCT name FROM api_event ORDER BY name').all() as { name: string }[]
  ).map((row) => row.name);
}

function checkNameParts(values: string[], parameter: string): void {
  if (!values.every((value) => NAME_PART.test(value))) {
    throw badRequest(`The ${parameter} parameter contains an invalid value`);
  }
}

/** GLOB, unlike SQLite's LIKE, is case-sensitive as Postgres' LIKE is. */
function anyOf(
  add: (clause: string, ...values: unknown[]) => void,
  parts: string[],
  pattern: (part: string) => string,
): void {
  add(`(${parts.map(() => 'name GLOB ?').join(' OR ')})`, ...parts.map(pattern));
}

function marks(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}
