import { useQuery } from '@tanstack/react-query';
import type { TodoTask } from '../../src-shared/todo-task';
import { call } from '../ipc/api';
import { queryKeys } from './keys';

/** A task's previews by revision, with the project's frame rate. */
export const useTaskPreviews = (task: Pick<TodoTask, 'id' | 'projectId'>) =>
  useQuery({
    queryKey: queryKeys.previews(task.id),
    queryFn: () => call('previews:list', { taskId: task.id, projectId: task.projectId }),
  });
