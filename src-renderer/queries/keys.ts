/** Query keys, one place, so that `cache:changed` can invalidate by table. */
export const queryKeys = {
  appInfo: ['app', 'info'] as const,
  session: ['session', 'state'] as const,
  recentServers: ['server', 'recent'] as const,
  settings: ['settings'] as const,
  live: ['live', 'state'] as const,
  /** Connectivity, writes waiting in the outbox, conflicts (`sync:state`, `sync:changed`). */
  syncState: ['sync', 'state'] as const,
  /** Everything below is the logged-in person's: a logout drops it all. */
  tasks: ['tasks'] as const,
  todo: ['tasks', 'todo'] as const,
  done: ['tasks', 'done'] as const,
  toCheck: ['tasks', 'to-check'] as const,
  comments: (taskId: string) => ['tasks', 'comments', taskId] as const,
  /** Under the task's comments: what refreshes the thread refreshes its previews. */
  previews: (taskId: string) => ['tasks', 'comments', taskId, 'previews'] as const,
  allComments: ['tasks', 'comments'] as const,
  statuses: (projectId: string) => ['tasks', 'statuses', projectId] as const,
  mentionable: (taskId: string) => ['tasks', 'mentionable', taskId] as const,
  timeDay: (date: string) => ['tasks', 'time', date] as const,
  allTime: ['tasks', 'time'] as const,
};
