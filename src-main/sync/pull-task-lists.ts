import { jsonArrayElements } from '../cache/json-array-elements';
import type { TaskListName } from '../cache/task-list-store';
import { AppError, isAppError } from '../kitsu/app-error';
import type { KitsuClient } from '../kitsu/kitsu-client';
import { unreachable } from '../kitsu/http-failure';

export const TASK_LIST_PATHS: Record<TaskListName, string> = {
  todo: '/data/user/tasks',
  done: '/data/user/done-tasks',
  'to-check': '/data/user/tasks-to-check',
};

/**
 * Reads a list from the server as the JSON texts of its rows: the answer is taken as text and
 * cut into rows, so that a 5,000-task list is never parsed whole on main.
 */
export async function fetchTaskListRows(
  client: KitsuClient,
  list: TaskListName,
): Promise<string[]> {
  const text = await fetchText(client, TASK_LIST_PATHS[list]);
  try {
    return jsonArrayElements(text);
  } catch (error) {
    throw new AppError(
      'server-error',
      `GET ${TASK_LIST_PATHS[list]} answered something that is not a task list ` +
        `(${(error as Error).message}). Tell your studio’s Kitsu admin.`,
    );
  }
}

/** A GET's body as text, with the client's auth refresh, retries and failures. */
export async function fetchText(client: KitsuClient, path: string): Promise<string> {
  const response = await client.download(path);
  try {
    return await response.text();
  } catch (error) {
    if (isAppError(error)) throw error;
    // The connection broke while the body arrived.
    throw unreachable(client.apiUrl, error);
  }
}
