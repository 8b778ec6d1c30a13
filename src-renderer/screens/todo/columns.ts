import type { TodoSortColumn } from '../../../src-shared/settings';

export interface TodoColumn {
  id: TodoSortColumn | 'thumbnail';
  label: string;
  sortable: boolean;
}

export const TODO_COLUMNS: readonly TodoColumn[] = [
  { id: 'thumbnail', label: '', sortable: false },
  { id: 'project', label: 'Project', sortable: true },
  { id: 'entity', label: 'Entity', sortable: true },
  { id: 'taskType', label: 'Task type', sortable: true },
  { id: 'status', label: 'Status', sortable: true },
  { id: 'dueDate', label: 'Due', sortable: true },
  { id: 'estimation', label: 'Est. / spent', sortable: true },
  { id: 'lastComment', label: 'Last comment', sortable: true },
];

/** One grid for the header and every row, so that they line up. */
export const TODO_GRID =
  '44px minmax(110px, 1fr) minmax(170px, 1.6fr) 120px 84px 96px 104px minmax(180px, 2.2fr)';

export const ROW_HEIGHT = 52;
