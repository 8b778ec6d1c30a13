import type { TodoTask } from '../../../src-shared/todo-task';
import type { TaskListName } from '../../cache/task-list-store';
import type { KitsuClient } from '../../kitsu/kitsu-client';
import { listDoneTasks, listTasksToCheck, listTodoTasks } from '../../tasks/task-lists';
import type { HandlerGroup, HandlerServices } from '../handler-group';

type TaskListChannel = 'tasks:list-todo' | 'tasks:list-done' | 'tasks:list-to-check';

const FROM_SERVER: Record<TaskListName, (client: KitsuClient) => Promise<TodoTask[]>> = {
  todo: listTodoTasks,
  done: listDoneTasks,
  'to-check': listTasksToCheck,
};

/**
 * The artist's task lists: from the offline cache at once (refreshed behind, with the rows of
 * writes still on their way laid over), straight from the server when no cache is open.
 */
export function taskListHandlers({
  session,
  offline,
  media,
}: HandlerServices): HandlerGroup<TaskListChannel> {
  const read = async (list: TaskListName) => {
    const client = await session.client();
    const cache = offline.sync.for(client);
    return cache ? cache.taskList(list) : FROM_SERVER[list](client);
  };
  return {
    'tasks:list-todo': async () => {
      const tasks = await read('todo');
      // The open tasks' thumbnails, so that the list shows them offline too.
      media?.prefetch(
        'thumbnail',
        tasks.flatMap((task) => (task.previewFileId ? [task.previewFileId] : [])),
      );
      return tasks;
    },
    'tasks:list-done': () => read('done'),
    'tasks:list-to-check': () => read('to-check'),
  };
}
