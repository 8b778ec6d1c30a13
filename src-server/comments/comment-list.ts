import { personFullName } from '../auth/person-views';
import type { Db } from '../db/database';
import { modelOf } from '../crud/model-of';
import { inJsonList, prepareCached } from '../crud/sql';
import { fromStored, serializeRow, type Json, type Row } from '../models/serialize';
import type { Access } from '../permissions/access';
import type { TaskRow } from './lookups';
import { commentPreviewMap } from '../crud/comment-previews';

// `tasks_service.get_comments`: one statement per collection, whatever the comment count.

interface ListedRow extends Row {
  x_status: string;
  x_person: string;
  x_editor: string | null;
}

interface Viewer {
  isClient: boolean;
  /** Managers and supervisors read client-authored comments; artists and vendors do not. */
  readsClientComments: boolean;
}

function commentRows(db: Db, task: TaskRow, viewer: Viewer): ListedRow[] {
  const hideClients = !viewer.readsClientComments && !viewer.isClient;
  return prepareCached(
    db,
    `SELECT c.*,
       json_object('name', s.name, 'short_name', s.short_name, 'color', s.color) AS x_status,
       json_object('first_name', p.first_name, 'last_name', p.last_name,
         'has_avatar', p.has_avatar, 'role', p.role) AS x_person,
       CASE WHEN c.editor_id IS NULL THEN NULL ELSE json_object('first_name', e.first_name,
         'last_name', e.last_name, 'has_avatar', e.has_avatar, 'role', e.role) END AS x_editor
     FROM comment c
     JOIN person p ON p.id = c.person_id
     JOIN task_status s ON s.id = c.task_status_id
     LEFT JOIN person e ON e.id = c.editor_id
     LEFT JOIN project_person_link l ON l.person_id = p.id AND l.project_id = ?
     WHERE c.object_id = ? AND (? = 0 OR COALESCE(l.role, p.role) != 'client')
     ORDER BY c.created_at DESC, c.rowid DESC`,
  ).all(task.project_id, task.id, hideClients ? 1 : 0) as ListedRow[];
}

function linkMap(db: Db, table: string, column: string, ids: string[]): Map<string, string[]> {
  const condition = inJsonList('comment', ids);
  const rows = prepareCached(
    db,
    `SELECT comment, ${column} AS value FROM ${table} WHERE ${condition.sql}`,
  ).all(...condition.params) as { comment: string; value: string }[];
  const map = new Map<string, string[]>();
  for (const row of rows) map.set(row.comment, [...(map.get(row.comment) ?? []), row.value]);
  return map;
}

/** `_build_attachment_map_for_comments`. */
function attachmentMap(db: Db, ids: string[]): Map<string, Json[]> {
  const condition = inJsonList('comment_id', ids);
  const rows = prepareCached(
    db,
    `SELECT id, name, extension, reply_id, size, comment_id FROM attachment_file
     WHERE ${condition.sql} ORDER BY created_at, rowid`,
  ).all(...condition.params) as (Json & { comment_id: string })[];
  const map = new Map<string, Json[]>();
  for (const { comment_id: commentId, ...attachment } of rows) {
    map.set(commentId, [...(map.get(commentId) ?? []), attachment]);
  }
  return map;
}

/** `build_short_person` for many ids at once. */
export function shortPersons(db: Db, ids: readonly string[]): Map<string, Json> {
  const condition = inJsonList('id', ids);
  const rows = prepareCached(
    db,
    `SELECT id, first_name, last_name, has_avatar, role FROM person WHERE ${condition.sql}`,
  ).all(...condition.params) as Row[];
  return new Map(rows.map((row) => [String(row.id), shortPerson(row)]));
}

export function shortPerson(row: Row): Json {
  return {
    id: row.id,
    first_name: row.first_name,
    last_name: row.last_name,
    full_name: personFullName(row),
    has_avatar: fromStored('bool', row.has_avatar),
    role: row.role,
  };
}

/** `embed_reply_authors`: each reply gets its author (hidden from clients unless a client). */
function embedReplyAuthors(db: Db, comments: Json[], isClient: boolean): void {
  const replies = comments.flatMap((comment) =>
    Array.isArray(comment.replies) ? (comment.replies as unknown[]) : [],
  );
  const objects = replies.filter((reply): reply is Json => !!reply && typeof reply === 'object');
  const ids = [...new Set(objects.map((reply) => reply.person_id))].filter(
    (id): id is string => typeof id === 'string' && id !== '',
  );
  if (ids.length === 0) return;
  const persons = shortPersons(db, ids);
  for (const reply of objects) {
    const author = persons.get(String(reply.person_id)) ?? null;
    reply.person = isClient && author && author.role !== 'client' ? null : author;
  }
}

function shapeComment(row: ListedRow): Json {
  const { x_status: status, x_person: person, x_editor: editor, ...columns } = row;
  const comment = serializeRow(modelOf('comment'), columns);
  const author = JSON.parse(person) as Row;
  comment.person = {
    first_name: author.first_name,
    last_name: author.last_name,
    full_name: personFullName(author),
    has_avatar: fromStored('bool', author.has_avatar),
    role: author.role,
    id: row.person_id,
  };
  if (editor !== null) {
    const parsed = JSON.parse(editor) as Row;
    comment.editor = {
      first_name: parsed.first_name,
      last_name: parsed.last_name,
      has_avatar: fromStored('bool', parsed.has_avatar),
      role: parsed.role,
      id: row.editor_id,
    };
  }
  comment.task_status = { ...(JSON.parse(status) as Json), id: row.task_status_id };
  return comment;
}

/**
 * The client's view (REFERENCE §4): studio identities hidden, only `for_client` comments plus
 * client-authored ones (their own only on a project isolating clients); a studio comment
 * carrying previews stays, emptied of its text, checklist, attachments and replies.
 */
function clientView(db: Db, task: TaskRow, access: Access, comments: Json[]): Json[] {
  const project = prepareCached(db, 'SELECT is_clients_isolated FROM project WHERE id = ?').get(
    task.project_id,
  ) as { is_clients_isolated: number | null } | undefined;
  const isolated = !!project?.is_clients_isolated;
  const visible: Json[] = [];
  for (const comment of comments) {
    const isAuthor = comment.person_id === access.personId;
    const authorIsClient = (comment.person as Json).role === 'client';
    if (!authorIsClient) comment.person = null;
    const editor = comment.editor as Json | null | undefined;
    if (editor && editor.role !== 'client') {
      comment.editor = null;
      comment.editor_id = null;
    }
    const forClient = !!comment.for_client;
    const allowed = forClient || (isolated ? isAuthor : authorIsClient);
    if ((comment.previews as Json[]).length > 0 && !authorIsClient && !forClient) {
      Object.assign(comment, { text: '', attachment_files: [], checklist: [], replies: [] });
      visible.push(comment);
    } else if (allowed) {
      visible.push(comment);
    }
  }
  return visible;
}

/** GET /data/tasks/{task_id}/comments, newest first, for a caller with task access. */
export function listTaskComments(access: Access, task: TaskRow): Json[] {
  const { db } = access;
  const viewer: Viewer = {
    isClient: access.isClient(task.project_id),
    readsClientComments: access.isAtLeastSupervisor(task.project_id),
  };
  let comments = commentRows(db, task, viewer).map(shapeComment);
  if (comments.length > 0) {
    const ids = comments.map((comment) => String(comment.id));
    const acks = linkMap(db, 'comment_acknoledgments', 'person', ids);
    const mentions = linkMap(db, 'comment_mentions', 'person', ids);
    const departmentMentions = linkMap(db, 'comment_department_mentions', 'department', ids);
    const previews = commentPreviewMap(db, ids, viewer.isClient);
    const attachments = attachmentMap(db, ids);
    for (const comment of comments) {
      const id = String(comment.id);
      comment.acknowledgements = acks.get(id) ?? [];
      comment.previews = previews.get(id) ?? [];
      comment.mentions = mentions.get(id) ?? [];
      comment.department_mentions = departmentMentions.get(id) ?? [];
      comment.attachment_files = attachments.get(id) ?? [];
    }
    embedReplyAuthors(db, comments, viewer.isClient);
  }
  if (viewer.isClient) comments = clientView(db, task, access, comments);
  return comments;
}
