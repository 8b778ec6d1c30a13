import { forbidden } from '../../http/errors';
import { loadTaskFacts } from '../../permissions/access';
import type { Json } from '../../models/serialize';
import type { CrudCall } from '../crud-call';
import { serializeOne } from '../present';
import { inJsonList, prepareCached } from '../sql';
import { defineHooks } from './define';

function entityProject(call: CrudCall, entityId: unknown): string | null {
  const row = prepareCached(call.db, 'SELECT project_id FROM entity WHERE id = ?').get(entityId) as
    { project_id: string } | undefined;
  return row?.project_id ?? null;
}

/** Output files' events carry their entity's project. */
function emitOutputFileEvent(call: CrudCall, action: string, outputFile: Json): void {
  call.emit(
    `output-file:${action}`,
    { output_file_id: outputFile.id },
    entityProject(call, outputFile.entity_id),
  );
}

/** Output files: no vendors; read through the entity's project; managers or workers edit. */
export const outputFileHooks = defineHooks({
  // One output file is read through files_service: a bad id is a 404, never with relations.
  malformedIdNotFound: true,
  checkListRead: (call) => call.access.blockVendor(),
  listScope(call) {
    if (call.access.isAdmin) return [];
    const related = inJsonList('e.project_id', call.access.relatedProjectIds());
    return [
      {
        sql: `EXISTS (SELECT 1 FROM entity e WHERE e.id = t.entity_id AND ${related.sql})`,
        params: related.params,
      },
    ];
  },
  checkRead(call, outputFile) {
    const projectId = entityProject(call, outputFile.entity_id);
    if (!projectId) throw forbidden();
    call.access.requireProjectAccess(projectId);
    call.access.requireEntityAccess(String(outputFile.entity_id), projectId);
  },
  emitCreated: (call, created) => emitOutputFileEvent(call, 'new', created),
  checkUpdate(call, outputFile) {
    const projectId = entityProject(call, outputFile.entity_id);
    if (projectId && call.access.hasManagerProjectAccess(projectId)) return;
    call.access.requireWorkingOnEntity(
      String(outputFile.temporal_entity_id ?? outputFile.entity_id),
    );
  },
  emitUpdated: (call, updated) => emitOutputFileEvent(call, 'update', updated),
  emitDeleted: (call, deleted) => emitOutputFileEvent(call, 'delete', deleted),
});

/** Working files: no vendors; listed for the caller's teams; read and written through the task. */
export const workingFileHooks = defineHooks({
  // One working file is read through files_service: a bad id is a 404, never with relations.
  malformedIdNotFound: true,
  presentOne: (call, row) => serializeOne(call.db, call.model, row, false),
  checkListRead: (call) => call.access.blockVendor(),
  listScope(call) {
    if (call.access.isAdmin) return [];
    return [
      {
        sql: `EXISTS (SELECT 1 FROM entity e
          JOIN project_person_link l ON l.project_id = e.project_id
          WHERE e.id = t.entity_id AND l.person_id = ?)`,
        params: [call.access.personId],
      },
    ];
  },
  checkRead: (call, workingFile) =>
    call.access.requireTaskAccess(loadTaskFacts(call.db, String(workingFile.task_id))),
  checkUpdate: (call, workingFile) =>
    call.access.requireTaskActionAccess(loadTaskFacts(call.db, String(workingFile.task_id))),
});

/** Attachment files: read by whoever reads the comment's task or the chat's entity. */
export const attachmentFileHooks = defineHooks({
  checkRead(call, attachment) {
    if (attachment.comment_id) {
      const comment = prepareCached(call.db, 'SELECT object_id FROM comment WHERE id = ?').get(
        attachment.comment_id,
      ) as { object_id: string } | undefined;
      if (!comment) throw forbidden();
      call.access.requireTaskAccess(loadTaskFacts(call.db, comment.object_id));
      return;
    }
    if (attachment.chat_message_id) {
      const chat = prepareCached(
        call.db,
        `SELECT c.object_id FROM chat_message m JOIN chat c ON c.id = m.chat_id WHERE m.id = ?`,
      ).get(attachment.chat_message_id) as { object_id: string } | undefined;
      if (!chat) throw forbidden();
      call.access.requireEntityAccess(chat.object_id);
      return;
    }
    throw forbidden();
  },
});
