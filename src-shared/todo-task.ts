/**
 * One row of the artist's todo or done list, as main hands it to the renderer: the fields of
 * Kitsu's `/data/user/tasks` rows (REFERENCE §5) that the list shows, in camelCase.
 */
export interface TodoTask {
  id: string;
  projectId: string;
  projectName: string;
  entityId: string;
  entityName: string;
  /** `Shot`, `Sequence`, `Edit`, `Episode`, or an asset type name (`Character`, `Prop`…). */
  entityTypeName: string;
  /** The task type's `for_entity` (`Shot`, `Asset`, `Sequence`…). */
  entityKind: string;
  /** The shot's sequence; null for assets. */
  sequenceName: string | null;
  episodeName: string | null;
  taskTypeId: string;
  taskTypeName: string;
  taskTypeColor: string;
  taskStatusId: string;
  taskStatusName: string;
  taskStatusShortName: string;
  taskStatusColor: string;
  /** `YYYY-MM-DD`, or null when not planned. */
  dueDate: string | null;
  /** Minutes, as Kitsu stores them. */
  estimation: number | null;
  /** Minutes of time spent. */
  duration: number | null;
  priority: number;
  previewFileId: string | null;
  /** Kitsu datetime of the task's last update. */
  updatedAt: string | null;
  /** Kitsu datetime when the task was done (done list only). */
  endDate: string | null;
  lastComment: TodoLastComment | null;
}

export interface TodoLastComment {
  text: string;
  /** Kitsu datetime (naive UTC). */
  date: string;
  personId: string;
}
