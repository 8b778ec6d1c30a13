import type { TodoTask } from '../../../src-shared/todo-task';
import type { TaskListName } from '../../cache/task-list-store';
import type { KitsuClient } from '../../kitsu/kitsu-client';
import { latestCachedPreviews } from '../../media/latest-preview';
import { listDoneTasks, listTasksToCheck, listTodoTasks } from '../../tasks/task-lists';
import type { HandlerGroup, HandlerServices } from '../handler-group';

/** How many open tasks get their latest preview fetched ahead, and how often. */
const PREFETCH_TASKS = 30;
const PREFETCH_EVERY_MS = 10 * 60_000;

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
    return { tasks: await (cache ? cache.taskList(list) : FROM_SERVER[list](client)), cache };
  };
  let moviesPrefetchedAt = 0;
  return {
    'tasks:list-todo': async () => {
      const { tasks, cache } = await read('todo');
      // The open tasks' thumbnails, so that the list shows them offline too.
      media?.prefetch(
        'thumbnail',
        tasks.flatMap((task) => (task.previewFileId ? [task.previewFileId] : [])),
      );
      // And the latest preview of the first open tasks whose thread is kept, now and then, so
      // that offline review plays (the media cache's cap keeps it bounded).
      if (media && cache && Date.now() - moviesPrefetchedAt > PREFETCH_EVERY_MS) {
        moviesPrefetchedAt = Date.now();
        const ids = tasks.slice(0, PREFETCH_TASKS).map((task) => task.id);
        for (const latest of latestCachedPreviews(cache.db, ids)) {
          media.prefetch(latest.kind, [latest.id]);
        }
      }
      return tasks;
    },
    'tasks:list-done': async () => (await read('done')).tasks,
    'tasks:list-to-check': async () => (await read('to-check')).tasks,
  };
}
