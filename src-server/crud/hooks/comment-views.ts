import { commentPreviewMap } from '../comment-previews';
import type { Json, Row } from '../../models/serialize';
import type { CrudCall } from '../crud-call';
import { inJsonList, prepareCached } from '../sql';
import { personFullName } from '../../auth/person-views';

/** `persons_service.build_short_person`: the author as a comment embeds it. */
function shortPersons(call: CrudCall, ids: string[]): Map<string, Json> {
  const condition = inJsonList('id', ids);
  const rows = prepareCached(
    call.db,
    `SELECT id, first_name, last_name, has_avatar, role FROM person WHERE ${condition.sql}`,
  ).all(...condition.params) as Row[];
  return new Map(
    rows.map((row) => [
      String(row.id),
      {
        id: row.id,
        first_name: row.first_name,
        last_name: row.last_name,
        full_name: personFullName(row),
        has_avatar: !!row.has_avatar,
        role: row.role,
      },
    ]),
  );
}

/**
 * `CommentResource.clean_get_result`: the author embedded as a short person, reply authors
 * too, attachments presented, previews expanded with `?with_previews=true`. A client sees
 * only client identities.
 */
export function decorateComment(call: CrudCall, comment: Json, projectId: string | null): Json {
  const isClient = !call.access.isAdmin && call.access.isClient(projectId);
  const replies = Array.isArray(comment.replies) ? (comment.replies as Json[]) : [];
  const personIds = [comment.person_id, comment.editor_id, ...replies.map((r) => r.person_id)];
  const persons = shortPersons(
    call,
    personIds.filter((id): id is string => typeof id === 'string'),
  );
  const visible = (id: unknown): Json | null => {
    const person = typeof id === 'string' ? (persons.get(id) ?? null) : null;
    return isClient && person && person.role !== 'client' ? null : person;
  };
  if (comment.person_id) comment.person = visible(comment.person_id);
  const editorId = comment.editor_id;
  if (isClient && editorId && editorId !== comment.person_id && !visible(editorId)) {
    comment.editor_id = null;
  }
  for (const reply of replies) {
    if (reply && typeof reply === 'object' && reply.person_id)
      reply.person = visible(reply.person_id);
  }
  if (Array.isArray(comment.attachment_files) && comment.attachment_files.length > 0) {
    const condition = inJsonList('id', comment.attachment_files as string[]);
    comment.attachment_files = prepareCached(
      call.db,
      `SELECT id, name, extension, size FROM attachment_file WHERE ${condition.sql}`,
    ).all(...condition.params);
  }
  if (call.query.with_previews?.toLowerCase() === 'true' && Array.isArray(comment.previews)) {
    comment.previews =
      commentPreviewMap(call.db, [String(comment.id)], isClient).get(String(comment.id)) ?? [];
  }
  return comment;
}
