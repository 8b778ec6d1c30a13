import type { Db } from '../db/database';
import { personFullName } from '../auth/person-views';
import { and, inJsonList, prepareCached, type SqlCondition } from '../crud/sql';
import { fromStored, type Json, type Row } from '../models/serialize';

export interface NewsQuery {
  projectIds: string[];
  onlyPreview: boolean;
  taskTypeId: string | null;
  taskStatusId: string | null;
  episodeId: string | null;
  authorId: string | null;
  page: number;
  limit: number;
  after: string | null;
  before: string | null;
}

const FROM = `FROM news n
  JOIN task t ON t.id = n.task_id
  JOIN project p ON p.id = t.project_id
  JOIN entity e ON e.id = t.entity_id`;

/** `_apply_news_filters` over the joins above (plus the comment `c` and preview `pf`). */
function newsFilters(query: NewsQuery): SqlCondition {
  const conditions: SqlCondition[] = [inJsonList('p.id', query.projectIds)];
  if (query.episodeId !== null) {
    conditions.push({
      sql: 'EXISTS (SELECT 1 FROM entity sq WHERE sq.id = e.parent_id AND sq.parent_id = ?)',
      params: [query.episodeId],
    });
  }
  if (query.taskStatusId !== null) {
    conditions.push({ sql: 'c.task_status_id = ?', params: [query.taskStatusId] });
  }
  if (query.taskTypeId !== null) {
    conditions.push({ sql: 't.task_type_id = ?', params: [query.taskTypeId] });
  }
  if (query.authorId !== null)
    conditions.push({ sql: 'n.author_id = ?', params: [query.authorId] });
  if (query.onlyPreview) conditions.push({ sql: 'n.preview_file_id IS NOT NULL', params: [] });
  if (query.after !== null) conditions.push({ sql: 'n.created_at > ?', params: [query.after] });
  if (query.before !== null) conditions.push({ sql: 'n.created_at < ?', params: [query.before] });
  return and(conditions);
}

/**
 * `news_service.get_last_news_for_project` + `get_news_stats_for_project`: one page of news,
 * newest first, with entity names, authors and (only_preview) the revision's files; `stats`
 * counts status changes by status. A fixed number of queries whatever the page holds.
 */
export function projectNews(db: Db, query: NewsQuery): Json {
  const where = newsFilters(query);
  const joins = `${FROM}
    LEFT JOIN comment c ON c.id = n.comment_id
    LEFT JOIN preview_file pf ON pf.id = n.preview_file_id`;
  const { total } = prepareCached(
    db,
    `SELECT COUNT(n.id) AS total ${joins} WHERE ${where.sql}`,
  ).get(...where.params) as { total: number };
  const offset = (query.page - 1) * query.limit;
  const rows = prepareCached(
    db,
    `SELECT n.*, p.id AS project_id, p.name AS project_name, t.task_type_id,
       c.task_status_id, t.entity_id AS task_entity_id, pf.extension AS preview_file_extension,
       pf.revision AS preview_file_revision, e.preview_file_id AS entity_preview_file_id
     ${joins} WHERE ${where.sql}
     ORDER BY n.created_at DESC, n.rowid DESC LIMIT ? OFFSET ?`,
  ).all(...where.params, query.limit, offset) as Row[];

  const names = fullEntityNames(
    db,
    rows.map((row) => String(row.task_entity_id)),
  );
  const authors = shortPersons(
    db,
    rows.map((row) => String(row.author_id)),
  );
  const data: Json[] = rows.map((row) => {
    const name = names.get(String(row.task_entity_id));
    return {
      id: row.id,
      type: 'News',
      author_id: row.author_id,
      comment_id: row.comment_id,
      task_id: row.task_id,
      task_type_id: row.task_type_id,
      task_status_id: row.task_status_id ?? null,
      task_entity_id: row.task_entity_id,
      preview_file_id: row.preview_file_id,
      preview_file_extension: row.preview_file_extension ?? null,
      preview_file_revision: row.preview_file_revision ?? null,
      project_id: row.project_id,
      project_name: row.project_name,
      created_at: row.created_at,
      change: fromStored('bool', row.change),
      full_entity_name: name?.name ?? '',
      episode_id: name?.episodeId ?? null,
      entity_preview_file_id: row.entity_preview_file_id ?? null,
      person: authors.get(String(row.author_id)) ?? null,
    };
  });
  if (query.onlyPreview) attachRevisionFiles(db, data);
  return {
    data,
    total,
    nb_pages: Math.ceil(total / query.limit),
    limit: query.limit,
    offset,
    page: query.page,
    stats: newsStats(db, query),
  };
}

function newsStats(db: Db, query: NewsQuery): Record<string, number> {
  const where = newsFilters(query);
  const rows = prepareCached(
    db,
    `SELECT c.task_status_id, COUNT(e.id) AS count ${FROM}
     JOIN comment c ON c.id = n.comment_id
     LEFT JOIN preview_file pf ON pf.id = n.preview_file_id
     WHERE n.change = 1 AND ${where.sql} GROUP BY c.task_status_id`,
  ).all(...where.params) as { task_status_id: string | null; count: number }[];
  const stats: Record<string, number> = {};
  for (const row of rows) if (row.task_status_id !== null) stats[row.task_status_id] = row.count;
  return stats;
}

interface EntityName {
  name: string;
  episodeId: string | null;
}

/** `names_service.get_full_entity_names`: "Episode / Sequence / Shot", "AssetType / Asset"… */
export function fullEntityNames(db: Db, entityIds: string[]): Map<string, EntityName> {
  const ids = inJsonList('e.id', [...new Set(entityIds)]);
  const rows = prepareCached(
    db,
    `SELECT e.id, e.name, e.source_id, et.name AS type_name,
       par.id AS parent_id, par.name AS parent_name,
       gp.id AS grandparent_id, gp.name AS grandparent_name
     FROM entity e JOIN entity_type et ON et.id = e.entity_type_id
     LEFT JOIN entity par ON par.id = e.parent_id
     LEFT JOIN entity gp ON gp.id = par.parent_id
     WHERE ${ids.sql}`,
  ).all(...ids.params) as Row[];
  const result = new Map<string, EntityName>();
  for (const row of rows) result.set(String(row.id), entityName(row));
  return result;
}

function entityName(row: Row): EntityName {
  const name = String(row.name);
  switch (row.type_name) {
    case 'Shot':
      if (row.parent_id === null) return { name, episodeId: null };
      if (row.grandparent_id === null)
        return { name: `${row.parent_name} / ${name}`, episodeId: null };
      return {
        name: `${row.grandparent_name} / ${row.parent_name} / ${name}`,
        episodeId: String(row.grandparent_id),
      };
    case 'Episode':
      return { name, episodeId: null };
    case 'Sequence':
      if (row.parent_id === null) return { name, episodeId: null };
      return { name: `${row.parent_name} / ${name}`, episodeId: String(row.parent_id) };
    default:
      // Everything else reads as an asset: "<its type> / <name>", episode from its source.
      return {
        name: `${row.type_name} / ${name}`,
        episodeId: (row.source_id as string | null) ?? null,
      };
  }
}

/** `get_short_persons_map`. */
function shortPersons(db: Db, personIds: string[]): Map<string, Json> {
  const ids = inJsonList('id', [...new Set(personIds)]);
  const rows = prepareCached(
    db,
    `SELECT id, first_name, last_name, has_avatar, role FROM person WHERE ${ids.sql}`,
  ).all(...ids.params) as Row[];
  return new Map(
    rows.map((row) => [
      String(row.id),
      {
        id: row.id,
        first_name: row.first_name,
        last_name: row.last_name,
        full_name: personFullName(row),
        has_avatar: fromStored('bool', row.has_avatar),
        role: row.role,
      },
    ]),
  );
}

/** The files of each news item's revision (`PreviewFile.present_minimal`), by position. */
function attachRevisionFiles(db: Db, news: Json[]): void {
  const taskIds = inJsonList(
    'task_id',
    news.map((entry) => entry.task_id),
  );
  const revisions = inJsonList(
    'revision',
    news.map((entry) => entry.preview_file_revision),
  );
  const rows = prepareCached(
    db,
    `SELECT id, name, extension, revision, position, status, task_id FROM preview_file
     WHERE ${taskIds.sql} AND ${revisions.sql} ORDER BY task_id, revision, position`,
  ).all(...taskIds.params, ...revisions.params) as Row[];
  const byKey = new Map<string, Json[]>();
  for (const row of rows) {
    const key = `${row.task_id}-${row.revision}`;
    let files = byKey.get(key);
    if (!files) byKey.set(key, (files = []));
    files.push({
      id: row.id,
      name: row.name,
      extension: row.extension,
      revision: row.revision,
      position: row.position,
      status: row.status,
    });
  }
  for (const entry of news) {
    entry.preview_files = byKey.get(`${entry.task_id}-${entry.preview_file_revision}`) ?? [];
  }
}
