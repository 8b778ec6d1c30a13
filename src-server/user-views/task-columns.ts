import { jsonColumn, jsonObject } from './json-sql';
import { requiredModel } from './models';

const columnTypes = requiredModel('task').columns;

/** Every task column, as `Task.serialize()` lists them. */
export const TASK_COLUMNS: readonly string[] = [
  'id',
  'created_at',
  'updated_at',
  ...Object.keys(columnTypes),
];

/** SQL writing `Task.serialize()` (no relations) of the task row aliased `alias`. */
export function taskJsonSql(alias: string): string {
  return jsonObject([
    ...TASK_COLUMNS.map(
      (column) =>
        [column, jsonColumn(`${alias}."${column}"`, columnTypes[column]?.type ?? 'text')] as const,
    ),
    ['type', `'Task'`],
  ]);
}
