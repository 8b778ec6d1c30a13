import { badRequestPlain } from '../../http/errors';
import { loadTaskFacts } from '../../permissions/access';
import { removePreviewFiles } from '../../previews/preview-storage';
import { removePreviewFile } from '../cascades/preview-file';
import type { CrudCall } from '../crud-call';
import { emitModelEvent } from '../events';
import { loadInstanceRow } from '../get-one';
import { serializeOne } from '../present';
import { inJsonList, prepareCached } from '../sql';
import { defineHooks } from './define';

const OPEN_TASK = `SELECT 1 FROM task k JOIN project p ON p.id = k.project_id
  JOIN project_status s ON s.id = p.project_status_id
  WHERE k.id = t.task_id AND s.name = 'Open'`;

function taskOf(call: CrudCall, preview: Record<string, unknown>) {
  return loadTaskFacts(call.db, String(preview.task_id));
}

/** Preview files (REFERENCE §3): read through the task's project, managers delete. */
export const previewFileHooks = defineHooks({
  checkListRead: () => {},
  listScope(call) {
    const { access } = call;
    if (access.isAdmin) return [];
    if (access.isVendor()) {
      return [
        {
          sql: `EXISTS (${OPEN_TASK} AND EXISTS (SELECT 1 FROM task_person_link a
            WHERE a.task_id = k.id AND a.person_id = ?))`,
          params: [access.personId],
        },
      ];
    }
    const related = inJsonList('k.project_id', access.relatedProjectIds());
    return [{ sql: `EXISTS (${OPEN_TASK} AND ${related.sql})`, params: related.params }];
  },

  checkRead(call, preview) {
    const task = taskOf(call, preview);
    if (call.access.isVendor(task.project_id)) call.access.requireWorkingOnTask(task.id);
    else call.access.requireProjectAccess(task.project_id);
  },

  checkUpdate(call, preview) {
    const task = taskOf(call, preview);
    call.access.requireProjectAccess(task.project_id);
    // Zou checks "working on" against task.entity_id, which never matches; we check the task.
    if (!call.access.isManager(task.project_id)) call.access.requireWorkingOnTask(task.id);
  },
  preUpdate(call, preview, data) {
    if (!('revision' in data) || preview.position !== 1 || data.revision === preview.revision) {
      return;
    }
    const clash = prepareCached(
      call.db,
      `SELECT 1 FROM preview_file WHERE task_id = ? AND revision = ? AND position = 1
         AND id != ? LIMIT 1`,
    ).get(preview.task_id, data.revision, preview.id);
    if (clash) {
      throw badRequestPlain(
        `Revision ${String(data.revision)} already exists for this task. Choose a different ` +
          'revision number, or omit it to let the revision auto-increment.',
      );
    }
    prepareCached(
      call.db,
      'UPDATE preview_file SET revision = ? WHERE task_id = ? AND revision = ? AND id != ?',
    ).run(data.revision, preview.task_id, preview.revision, preview.id);
  },

  remove(call, id) {
    let preview: Record<string, unknown> = {};
    call.write(() => {
      preview = serializeOne(call.db, call.model, loadInstanceRow(call, id), false);
      call.access.requireManagerProjectAccess(taskOf(call, preview).project_id);
      removePreviewFile(call.db, String(preview.id));
      emitModelEvent(call, 'delete', preview);
    });
    // Once the row is gone for good: its files, whatever forms were made of it.
    const extension = typeof preview.extension === 'string' ? preview.extension : 'png';
    removePreviewFiles(call.context.dataDir, id, [extension]);
  },
});
