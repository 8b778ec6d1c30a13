/** Query keys, one place, so that `cache:changed` can invalidate by table. */
export const queryKeys = {
  appInfo: ['app', 'info'] as const,
  session: ['session', 'state'] as const,
  recentServers: ['server', 'recent'] as const,
  settings: ['settings'] as const,
  tasks: ['tasks'] as const,
  todo: ['tasks', 'todo'] as const,
  done: ['tasks', 'done'] as const,
  /** Under `tasks`, so that a logout drops them with the lists. */
  comments: (taskId: string) => ['tasks', 'comments', taskId] as const,
  allComments: ['tasks', 'comments'] as const,
  statuses: ['tasks', 'statuses'] as const,
};
