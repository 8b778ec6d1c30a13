import type { FastifyInstance } from 'fastify';
import { renderFilePath } from '../../src-shared/file-tree';
import type { ServerContext } from '../context';
import { CrudCall } from '../crud/crud-call';
import { prepareCached } from '../crud/sql';
import { loadTaskFacts } from '../permissions/access';
import { pathId } from '../production/ids';
import { NEW_WORKING_FILE, validateFileBody } from './file-bodies';
import { gatherFileFacts, projectFileTree } from './file-facts';
import { requireTaskWithEntityAccess } from './file-lookups';
import { renderingPath } from './path-errors';
import { getOrCreateSoftware, NEW_WORKING_FILE_SOFTWARE, requireSoftware } from './reference-rows';
import {
  createWorkingFile,
  lastWorkingFilesOfTask,
  nextWorkingRevision,
  workingFileModel,
  workingFilesOfTask,
} from './working-files';

type TaskParams = { Params: { task_id: string } };

/** A task's working files: the list, the last revision of each name, and a new revision. */
export function registerWorkingFileRoutes(api: FastifyInstance, context: ServerContext): void {
  api.get<TaskParams>('/data/tasks/:task_id/working-files', async (request) => {
    const call = new CrudCall(context, request, workingFileModel);
    const task = loadTaskFacts(call.db, pathId(request.params.task_id));
    call.access.requireTaskAccess(task);
    return workingFilesOfTask(call.db, task.id);
  });

  api.get<TaskParams>('/data/tasks/:task_id/working-files/last-revisions', async (request) => {
    const call = new CrudCall(context, request, workingFileModel);
    const task = loadTaskFacts(call.db, pathId(request.params.task_id));
    call.access.requireTaskAccess(task);
    return lastWorkingFilesOfTask(call.db, task.id);
  });

  /**
   * A new working revision at the path the tree gives, by the caller (who is assigned to the
   * task) or the person named. Our decisions: a malformed tree is the path route's 400, not
   * Zou's 500, and a refused file leaves no assignation behind.
   */
  api.post<TaskParams>('/data/tasks/:task_id/working-files/new', async (request, reply) => {
    const call = new CrudCall(context, request, workingFileModel);
    const { db, access } = call;
    const body = validateFileBody(request, 'NewWorkingFileSchema', NEW_WORKING_FILE);
    const { task, entity } = requireTaskWithEntityAccess(call, request.params.task_id);
    const name = String(body.name);
    const created = call.write(() => {
      const software = body.software_id
        ? requireSoftware(db, body.software_id)
        : getOrCreateSoftware(call, NEW_WORKING_FILE_SOFTWARE);
      assignCaller(call, String(task.id), entity.projectId);
      const revision = Number(body.revision) || nextWorkingRevision(db, String(task.id), name);
      const facts = gatherFileFacts(call, { entity, task, software, name, revision });
      const tree = projectFileTree(db, entity.projectId);
      // The folder is rendered with the server's own separator; `sep` only joins the name.
      const { folder, fileName } = renderingPath(request, () =>
        renderFilePath(tree, String(body.mode), facts),
      );
      return createWorkingFile(call, {
        task,
        personId: body.person_id ? String(body.person_id) : access.personId,
        softwareId: String(software.id),
        name,
        path: `${folder}${String(body.sep)}${fileName}`,
        comment: String(body.comment),
        revision,
      });
    });
    return reply.code(201).send(created);
  });
}

/** `tasks_service.assign_task(task, caller)`: no assigner, no notification; both events. */
function assignCaller(call: CrudCall, taskId: string, projectId: string): void {
  prepareCached(
    call.db,
    'INSERT OR IGNORE INTO task_person_link (task_id, person_id) VALUES (?, ?)',
  ).run(taskId, call.personId);
  call.emit('task:assign', { task_id: taskId, person_id: call.personId }, projectId);
  call.emit('task:update', { task_id: taskId }, projectId);
}
