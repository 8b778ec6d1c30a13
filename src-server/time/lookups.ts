import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/database';
import { normalizeUuid } from '../crud/values';
import { prepareCached } from '../crud/sql';
import { forbidden, notFound, wrongIdFormat } from '../http/errors';
import type { Access } from '../permissions/access';

export interface TaskRow {
  id: string;
  project_id: string;
  entity_id: string;
  task_type_id: string;
}

/**
 * An id from the URL. Zou loads these through `get_instance`, which answers a value Postgres
 * cannot read as a UUID with the same 404 as a missing row.
 */
export function pathId(value: string): string {
  const id = normalizeUuid(value);
  if (id === null) throw notFound();
  return id;
}

/** `request.args.get(name)`: the first value of a query parameter. */
export function queryText(request: FastifyRequest, name: string): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : undefined;
}

/** An optional id from the query string; a malformed one is a 400, never a 500. */
export function queryId(request: FastifyRequest, name: string): string | null {
  const value = queryText(request, name);
  if (value === undefined) return null;
  const id = normalizeUuid(value);
  if (id === null) throw wrongIdFormat();
  return id;
}

/** `tasks_service.get_task`, or 404. */
export function loadTask(db: Db, taskIdText: string): TaskRow {
  const task = prepareCached(
    db,
    'SELECT id, project_id, entity_id, task_type_id FROM task WHERE id = ?',
  ).get(pathId(taskIdText)) as TaskRow | undefined;
  if (!task) throw notFound();
  return task;
}

/**
 * `check_person_is_not_bot`: the person must exist (404), and a bot is refused (403) unless
 * the given project lets bots collaborate.
 */
export function requirePersonNotBot(db: Db, personIdText: string, projectId?: string): string {
  const personId = pathId(personIdText);
  const person = prepareCached(db, 'SELECT is_bot FROM person WHERE id = ?').get(personId) as
    { is_bot: number } | undefined;
  if (!person) throw notFound();
  if (!person.is_bot) return personId;
  if (projectId !== undefined) {
    const project = prepareCached(
      db,
      'SELECT is_bot_collaboration_enabled FROM project WHERE id = ?',
    ).get(projectId) as { is_bot_collaboration_enabled: number | null } | undefined;
    if (project?.is_bot_collaboration_enabled) return personId;
  }
  throw forbidden();
}

/** Ids of every project whose team holds the caller, whatever its status (`get_projects`). */
export function teamProjectIds(access: Access): string[] {
  return (
    prepareCached(access.db, 'SELECT project_id FROM project_person_link WHERE person_id = ?').all(
      access.personId,
    ) as { project_id: string }[]
  ).map((row) => row.project_id);
}
