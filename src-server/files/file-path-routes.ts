import type { FastifyInstance } from 'fastify';
import { renderFilePath } from '../../src-shared/file-tree';
import type { ServerContext } from '../context';
import { CrudCall } from '../crud/crud-call';
import { requireEntity, requireEntityOfKind, requireTaskType } from '../production/lookup';
import { checkEntityRead, checkProjectAccess } from '../production/project-access';
import { OUTPUT_FILE_PATH, validateFileBody, WORKING_FILE_PATH } from './file-bodies';
import { gatherFileFacts, projectFileTree } from './file-facts';
import { requireAssetInstance, requireTaskWithEntityAccess } from './file-lookups';
import { nextOutputRevision } from './output-files';
import { renderingPath } from './path-errors';
import {
  getOrCreateSoftware,
  PATH_DEFAULT_SOFTWARE,
  requireOutputType,
  requireSoftware,
} from './reference-rows';
import { nextWorkingRevision, workingFileModel } from './working-files';

interface InstanceParams {
  asset_instance_id: string;
  temporal_entity_id: string;
}

/** Where a DCC should save a file: working paths per task, output paths per entity. */
export function registerFilePathRoutes(api: FastifyInstance, context: ServerContext): void {
  /** `{path, name}` of the next (or given) working revision of a task. */
  api.post<{ Params: { task_id: string } }>(
    '/data/tasks/:task_id/working-file-path',
    async (request) => {
      const call = new CrudCall(context, request, workingFileModel);
      const { db } = call;
      const body = validateFileBody(request, 'WorkingFilePathSchema', WORKING_FILE_PATH);
      const { task, entity } = requireTaskWithEntityAccess(call, request.params.task_id);
      const name = String(body.name);
      return call.write(() => {
        const software = body.software_id
          ? requireSoftware(db, body.software_id)
          : getOrCreateSoftware(call, PATH_DEFAULT_SOFTWARE);
        const revision = Number(body.revision) || nextWorkingRevision(db, String(task.id), name);
        const facts = gatherFileFacts(call, { entity, task, software, name, revision });
        const tree = projectFileTree(db, entity.projectId);
        const { folder, fileName } = renderingPath(request, () =>
          renderFilePath(tree, String(body.mode), facts, { sep: String(body.sep) }),
        );
        return { path: folder, name: fileName };
      });
    },
  );

  /**
   * `{folder_path, file_name}` of an entity's output. Our decision: the folder uses the same
   * computed revision as the file name (Zou's folder takes the raw 0).
   */
  api.post<{ Params: { entity_id: string } }>(
    '/data/entities/:entity_id/output-file-path',
    async (request) => {
      const call = new CrudCall(context, request, workingFileModel);
      const { db, access } = call;
      const body = validateFileBody(request, 'OutputFilePathSchema', OUTPUT_FILE_PATH);
      const entity = requireEntity(db, request.params.entity_id);
      checkEntityRead(access, db, entity);
      const outputType = requireOutputType(db, body.output_type_id);
      const taskType = requireTaskType(db, body.task_type_id);
      const name = String(body.name);
      const key = {
        entityId: entity.id,
        outputTypeId: String(outputType.id),
        taskTypeId: String(taskType.id),
        name,
      };
      return call.write(() => {
        const revision = Number(body.revision) || nextOutputRevision(db, key);
        const facts = gatherFileFacts(call, {
          entity,
          taskTypeId: key.taskTypeId,
          outputType,
          name,
          representation: String(body.representation),
          revision,
        });
        const tree = projectFileTree(db, entity.projectId);
        const { folder, fileName } = renderingPath(request, () =>
          renderFilePath(tree, String(body.mode), facts, { sep: String(body.separator) }),
        );
        return { folder_path: folder, file_name: fileName };
      });
    },
  );

  /**
   * `{folder_path, file_name}` of an asset instance's output inside a shot, scene or asset,
   * at the revision given (0 when none, as Zou). The tree and names are the temporal
   * entity's production's, so its team is required as well as the asset's (Zou checks the
   * asset's only).
   */
  api.post<{ Params: InstanceParams }>(
    '/data/asset-instances/:asset_instance_id/entities/:temporal_entity_id/output-file-path',
    async (request) => {
      const call = new CrudCall(context, request, workingFileModel);
      const { db, access } = call;
      const body = validateFileBody(request, 'OutputFilePathSchema', OUTPUT_FILE_PATH);
      const instance = requireAssetInstance(db, request.params.asset_instance_id);
      const entity = requireEntity(db, request.params.temporal_entity_id);
      const asset = requireEntityOfKind(db, instance.asset_id, 'Asset');
      const outputType = requireOutputType(db, body.output_type_id);
      const taskType = requireTaskType(db, body.task_type_id);
      checkEntityRead(access, db, asset);
      checkProjectAccess(access, db, entity.projectId);
      return call.write(() => {
        const facts = gatherFileFacts(call, {
          entity,
          assetInstance: { row: instance, asset },
          taskTypeId: String(taskType.id),
          outputType,
          name: String(body.name),
          representation: String(body.representation),
          revision: Number(body.revision),
        });
        const tree = projectFileTree(db, entity.projectId);
        const { folder, fileName } = renderingPath(request, () =>
          renderFilePath(tree, String(body.mode), facts, { sep: String(body.separator) }),
        );
        return { folder_path: folder, file_name: fileName };
      });
    },
  );
}
