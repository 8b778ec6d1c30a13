import type { TodoTask } from '../../src-shared/todo-task';
import type { KitsuClient } from '../kitsu/kitsu-client';
import { toTodoTask } from './todo-task-row';

/** The artist's open tasks: `GET /data/user/tasks`. */
export async function listTodoTasks(client: KitsuClient): Promise<TodoTask[]> {
  return toTodoTasks(await client.get<unknown>('/data/user/tasks'));
}

/** The artist's done tasks: `GET /data/user/done-tasks`. */
export async function listDoneTasks(client: KitsuClient): Promise<TodoTask[]> {
  return toTodoTasks(await client.get<unknown>('/data/user/done-tasks'));
}

/**
 * Tasks waiting for feedback that this person may review: `GET /data/user/tasks-to-check`
 * (supervisors: their departments; managers and admins: their projects; others: none).
 */
export async function listTasksToCheck(client: KitsuClient): Promise<TodoTask[]> {
  return toTodoTasks(await client.get<unknown>('/data/user/tasks-to-check'));
}

function toTodoTasks(body: unknown): TodoTask[] {
  return Array.isArray(body) ? body.map(toTodoTask) : [];
}
