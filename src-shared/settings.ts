import { z } from 'zod';

/** What the app remembers between runs, besides the session (which main keeps secret). */
export const TODO_SORT_COLUMNS = [
  'priority',
  'project',
  'entity',
  'taskType',
  'status',
  'dueDate',
  'estimation',
  'lastComment',
] as const;

export type TodoSortColumn = (typeof TODO_SORT_COLUMNS)[number];

/** The todo screen's tabs; `to-check` only for supervisors and above. */
export const TODO_TABS = ['todo', 'done', 'to-check', 'time'] as const;

export type TodoTab = (typeof TODO_TABS)[number];

export const todoViewSchema = z.object({
  tab: z.enum(TODO_TABS),
  projectIds: z.array(z.string().max(100)).max(500),
  taskTypeIds: z.array(z.string().max(100)).max(500),
  statusIds: z.array(z.string().max(100)).max(500),
  sort: z.object({
    column: z.enum(TODO_SORT_COLUMNS),
    direction: z.enum(['asc', 'desc']),
  }),
});

export type TodoView = z.infer<typeof todoViewSchema>;

export const DEFAULT_TODO_VIEW: TodoView = {
  tab: 'todo',
  projectIds: [],
  taskTypeIds: [],
  statusIds: [],
  sort: { column: 'dueDate', direction: 'asc' },
};

/** The on-disk cache of previews (movies, pictures, thumbnails), in MB. */
export const MEDIA_CACHE_MB = { min: 256, max: 200_000, default: 4096 } as const;

/**
 * Where a file tree's mount point is on this computer: the tree says `/prod`, the studio's
 * share is `D:\\prod` here or `/mnt/prod` there. Folders are only ever created under a mapped root.
 */
export const mountPointSchema = z.object({
  /** The tree's mountpoint as Kitsu's file tree names it. */
  tree: z.string().trim().min(1).max(1024),
  /** An absolute folder on this computer. */
  local: z.string().trim().min(1).max(1024),
});

export type MountPoint = z.infer<typeof mountPointSchema>;

export const MOUNT_POINTS_MAX = 20;

export const settingsSchema = z.object({
  todoView: todoViewSchema,
  // Defaults keep settings files written before the field existed.
  mediaCacheMb: z
    .number()
    .int()
    .min(MEDIA_CACHE_MB.min)
    .max(MEDIA_CACHE_MB.max)
    .default(MEDIA_CACHE_MB.default),
  mountPoints: z.array(mountPointSchema).max(MOUNT_POINTS_MAX).default([]),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  todoView: DEFAULT_TODO_VIEW,
  mediaCacheMb: MEDIA_CACHE_MB.default,
  mountPoints: [],
};
