import type { Db } from '../db/database';
import { prepareCached } from '../crud/sql';

/** `get_comment_hashtags`: `#word` tags, lowercased; `#all` alone stands for every tag. */
export function commentHashtags(text: string): string[] {
  const tags = [...text.matchAll(/#[a-zA-Z]*/g)].map((match) => match[0].slice(1).toLowerCase());
  if (tags.includes('all')) return ['all'];
  return [...new Set(tags)];
}

export interface SiblingTask {
  id: string;
  task_status_id: string;
}

/**
 * `filter_tasks_by_hashtags` over the entity's tasks: `#all` picks every task of another task
 * type; other tags pick the tasks whose task type is named by a tag, never the commented one's.
 */
export function hashtagTargets(
  db: Db,
  entityId: string,
  taskTypeName: string,
  hashtags: readonly string[],
): SiblingTask[] {
  if (hashtags.length === 0) return [];
  const own = taskTypeName.toLowerCase();
  const tasks = prepareCached(
    db,
    `SELECT t.id, t.task_status_id, tt.name AS task_type_name FROM task t
     JOIN task_type tt ON tt.id = t.task_type_id
     WHERE t.entity_id = ? ORDER BY t.created_at, t.rowid`,
  ).all(entityId) as (SiblingTask & { task_type_name: string })[];
  const wanted = new Set(hashtags.filter((tag) => tag !== own));
  return tasks
    .filter((task) => {
      const name = task.task_type_name.toLowerCase();
      return hashtags.includes('all') ? name !== own : wanted.has(name);
    })
    .map(({ id, task_status_id }) => ({ id, task_status_id }));
}
