import type { FastifyRequest } from 'fastify';
import type { ServerContext } from '../context';
import { CrudCall } from '../crud/crud-call';
import { modelOf } from '../crud/model-of';
import { prepareCached } from '../crud/sql';
import { refreshTaskDuration } from '../crud/task-derived';
import { newId } from '../db/ids';
import { nowDateTime } from '../db/time';
import { badRequest, notFound } from '../http/errors';
import { serializeRow, type Json, type Row } from '../models/serialize';
import { accessOf } from '../permissions/request-access';
import { parseStrptimeDate } from './dates';
import { readDuration } from './duration-body';
import { refreshLastPresence } from './last-presence';
import { loadTask, requirePersonNotBot } from './lookups';

export interface TimeSpentPathParams {
  task_id: string;
  date: string;
  person_id: string;
}

const timeSpentModel = () => modelOf('time_spent');

function findTimeSpent(call: CrudCall, taskId: string, personId: string, day: string) {
  return prepareCached(
    call.db,
    'SELECT * FROM time_spent WHERE task_id = ? AND person_id = ? AND date = ?',
  ).get(taskId, personId, day) as Row | undefined;
}

function pathDate(text: string): string {
  const day = parseStrptimeDate(text);
  if (day === null) throw badRequest('Invalid date format.');
  return day;
}

/**
 * `SetTimeSpentResource` / `AddTimeSpentResource`: replaces (or adds to) the person's time
 * on the task that day, keeps the task's duration the sum of its time spents. Checks run in
 * Zou's order: task, target person (bots only on bot-friendly projects), body, access, date.
 */
export function writeTimeSpent(
  context: ServerContext,
  request: FastifyRequest<{ Params: TimeSpentPathParams }>,
  mode: 'set' | 'add',
): Json {
  const { db } = context;
  const task = loadTask(db, request.params.task_id);
  const personId = requirePersonNotBot(db, request.params.person_id, task.project_id);
  const duration = readDuration(request);
  accessOf(db, request).requireTimeSpentAccess(task, personId);
  const day = pathDate(request.params.date);

  const call = new CrudCall(context, request, timeSpentModel());
  return call.write(() => {
    const existing = findTimeSpent(call, task.id, personId, day);
    const now = nowDateTime();
    let id: string;
    if (existing) {
      id = String(existing.id);
      const total = mode === 'add' ? Number(existing.duration) + duration : duration;
      prepareCached(db, 'UPDATE time_spent SET duration = ?, updated_at = ? WHERE id = ?').run(
        total,
        now,
        id,
      );
      call.emit('time-spent:update', { time_spent_id: id }, task.project_id);
    } else {
      id = newId();
      prepareCached(
        db,
        `INSERT INTO time_spent (id, created_at, updated_at, duration, date, task_id, person_id)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, now, now, duration, day, task.id, personId);
      refreshLastPresence(db, personId);
      call.emit('person:update', { person_id: personId });
      call.emit('time-spent:new', { time_spent_id: id }, task.project_id);
    }
    refreshTaskDuration(call, task.id);
    const row = prepareCached(db, 'SELECT * FROM time_spent WHERE id = ?').get(id) as Row;
    return serializeRow(timeSpentModel(), row);
  });
}

/**
 * `SetTimeSpentResource.delete`: removes the person's time on the task that day and answers
 * the removed row with a zero duration. Bots are refused whatever the project.
 */
export function deleteTimeSpent(
  context: ServerContext,
  request: FastifyRequest<{ Params: TimeSpentPathParams }>,
): Json {
  const { db } = context;
  const personId = requirePersonNotBot(db, request.params.person_id);
  const task = loadTask(db, request.params.task_id);
  accessOf(db, request).requireTimeSpentAccess(task, personId);
  const day = pathDate(request.params.date);

  const call = new CrudCall(context, request, timeSpentModel());
  return call.write(() => {
    const existing = findTimeSpent(call, task.id, personId, day);
    if (!existing) throw notFound();
    prepareCached(db, 'DELETE FROM time_spent WHERE id = ?').run(existing.id);
    call.emit('time-spent:delete', { time_spent_id: existing.id }, task.project_id);
    refreshTaskDuration(call, task.id);
    return { ...serializeRow(timeSpentModel(), existing), duration: 0 };
  });
}
