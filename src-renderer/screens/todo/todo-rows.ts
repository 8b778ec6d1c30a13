import type { TodoSortColumn, TodoView } from '../../../src-shared/settings';
import type { TodoTask } from '../../../src-shared/todo-task';

/** Sequence / shot, or asset type / asset; episode first when there is one. */
export function entityLabel(task: TodoTask): string {
  const parent = task.entityKind === 'Asset' ? task.entityTypeName : task.sequenceName;
  const parts = [task.episodeName && task.episodeName !== 'MP' ? task.episodeName : null, parent];
  return [...parts.filter(Boolean), task.entityName].join(' / ');
}

export type DueState = 'overdue' | 'this-week' | null;

/** `today` is the local `YYYY-MM-DD`; due this week means within the next 7 days. */
export function dueState(dueDate: string | null, today: string): DueState {
  if (!dueDate) return null;
  if (dueDate < today) return 'overdue';
  return dueDate <= addDays(today, 7) ? 'this-week' : null;
}

export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Kitsu counts estimation and time spent in minutes; people read hours (or days past 8 h). */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null || minutes <= 0) return '–';
  const hours = minutes / 60;
  if (hours >= 8) return `${round(hours / 8)} d`;
  return hours >= 1 ? `${round(hours)} h` : `${Math.round(minutes)} min`;
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

export interface TodoFilters {
  projectIds: readonly string[];
  taskTypeIds: readonly string[];
  statusIds: readonly string[];
  search: string;
}

export function filterTasks(tasks: readonly TodoTask[], filters: TodoFilters): TodoTask[] {
  const words = filters.search.toLowerCase().split(/\s+/).filter(Boolean);
  const inList = (list: readonly string[], id: string) => list.length === 0 || list.includes(id);
  return tasks.filter(
    (task) =>
      inList(filters.projectIds, task.projectId) &&
      inList(filters.taskTypeIds, task.taskTypeId) &&
      inList(filters.statusIds, task.taskStatusId) &&
      (words.length === 0 || words.every((word) => searchText(task).includes(word))),
  );
}

const searchTexts = new WeakMap<TodoTask, string>();

function searchText(task: TodoTask): string {
  let text = searchTexts.get(task);
  if (text === undefined) {
    text = [
      task.projectName,
      entityLabel(task),
      task.taskTypeName,
      task.taskStatusName,
      task.taskStatusShortName,
      task.lastComment?.text ?? '',
    ]
      .join(' ')
      .toLowerCase();
    searchTexts.set(task, text);
  }
  return text;
}

type SortKey = (task: TodoTask) => string | number | null;

const SORT_KEYS: Record<TodoSortColumn, SortKey> = {
  priority: (task) => task.priority,
  project: (task) => task.projectName.toLowerCase(),
  entity: (task) => entityLabel(task).toLowerCase(),
  taskType: (task) => task.taskTypeName.toLowerCase(),
  status: (task) => task.taskStatusShortName.toLowerCase(),
  dueDate: (task) => task.dueDate,
  estimation: (task) => task.estimation,
  lastComment: (task) => task.lastComment?.date ?? null,
};

/** Stable sort; empty values last whatever the direction, then by entity for ties. */
export function sortTasks(tasks: readonly TodoTask[], sort: TodoView['sort']): TodoTask[] {
  const key = SORT_KEYS[sort.column];
  const sign = sort.direction === 'asc' ? 1 : -1;
  const keyed = tasks.map((task) => ({ task, value: key(task), entity: entityLabel(task) }));
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value === b.value) return a.entity.localeCompare(b.entity);
      return a.value === null ? 1 : -1;
    }
    const order = a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
    return order !== 0 ? order * sign : a.entity.localeCompare(b.entity);
  });
  return keyed.map((entry) => entry.task);
}

export interface FilterOption {
  value: string;
  label: string;
}

/** The distinct projects, task types and statuses present in the rows, for the filters. */
export function filterOptions(tasks: readonly TodoTask[]) {
  const collect = (pick: (task: TodoTask) => FilterOption) => {
    const options = new Map<string, FilterOption>();
    for (const task of tasks) {
      const option = pick(task);
      if (option.value) options.set(option.value, option);
    }
    return [...options.values()].sort((a, b) => a.label.localeCompare(b.label));
  };
  return {
    projects: collect((task) => ({ value: task.projectId, label: task.projectName })),
    taskTypes: collect((task) => ({ value: task.taskTypeId, label: task.taskTypeName })),
    statuses: collect((task) => ({ value: task.taskStatusId, label: task.taskStatusName })),
  };
}

/** A comment's first line without Markdown's most common marks. */
export function commentExcerpt(text: string, max = 120): string {
  const plain = text
    .replace(/[*_`>#]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}
