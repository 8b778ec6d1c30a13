import type { TodoTask } from '../../../src-shared/todo-task';
import { listDoneTasks, listTasksToCheck, listTodoTasks } from '../../tasks/task-lists';
import type { HandlerGroup, HandlerServices } from '../handler-group';

type TaskListChannel = 'tasks:list-todo' | 'tasks:list-done' | 'tasks:list-to-check';

/** The artist's task lists. */
export function taskListHandlers({
  session,
  outbox,
}: HandlerServices): HandlerGroup<TaskListChannel> {
  // A row shows the status and last comment of the person's writes still on their way.
  const overlay = (tasks: TodoTask[]) => outbox?.()?.overlayTasks(tasks) ?? tasks;
  return {
    'tasks:list-todo': async () => overlay(await listTodoTasks(await session.client())),
    'tasks:list-done': async () => overlay(await listDoneTasks(await session.client())),
    'tasks:list-to-check': async () => listTasksToCheck(await session.client()),
  };
}
