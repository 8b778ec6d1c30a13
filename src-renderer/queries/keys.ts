/** Query keys, one place, so that `cache:changed` can invalidate by table. */
export const queryKeys = {
  appInfo: ['app', 'info'] as const,
  session: ['session', 'state'] as const,
  recentServers: ['server', 'recent'] as const,
  settings: ['settings'] as const,
  tasks: ['tasks'] as const,
  todo: ['tasks', 'todo'] as const,
  done: ['tasks', 'done'] as const,
};
