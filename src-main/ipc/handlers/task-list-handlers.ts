import { listDoneTasks, listTasksToCheck, listTodoTasks } from '../../tasks/task-lists';
import type { HandlerGroup, HandlerServices } from '../handler-group';

type TaskListChannel = 'tasks:list-todo' | 'tasks:list-done' | 'tasks:list-to-check';

/** The artist's task lists. */
export function taskListHandlers({ session }: HandlerServices): HandlerGroup<TaskListChannel> {
  return {
    'tasks:list-todo': async () => listTodoTasks(await session.client()),
    'tasks:list-done': async () => listDoneTasks(await session.client()),
    'tasks:list-to-check': async () => listTasksToCheck(await session.client()),
  };
}
