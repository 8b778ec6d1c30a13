import type { TodoTask } from '../../../src-shared/todo-task';
import { listDoneTasks, listTasksToCheck, listTodoTasks } from '../../tasks/task-lists';
import { readThrough } from '../../cache/cached-reads';
import type { HandlerGroup, HandlerServices } from '../handler-group';

type TaskListChannel = 'tasks:list-todo' | 'tasks:list-done' | 'tasks:list-to-check';

/** The artist's task lists. */
export function taskListHandlers({
  session,
  outbox,
  cachedReads,
}: HandlerServices): HandlerGroup<TaskListChannel> {
  // A row shows the status and last comment of the person's writes still on their way.
  const overlay = (tasks: TodoTask[]) => outbox?.()?.overlayTasks(tasks) ?? tasks;
  const read = (key: string, list: typeof listTodoTasks) =>
    readThrough(cachedReads?.(), key, async () => list(await session.client()));
  return {
    'tasks:list-todo': async () => overlay(await read('tasks:todo', listTodoTasks)),
    'tasks:list-done': async () => overlay(await read('tasks:done', listDoneTasks)),
    'tasks:list-to-check': () => read('tasks:to-check', listTasksToCheck),
  };
}
