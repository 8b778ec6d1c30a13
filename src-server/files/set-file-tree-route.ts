import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { CrudCall } from '../crud/crud-call';
import { modelOf } from '../crud/model-of';
import { serializeById } from '../crud/present';
import { updateModelRow } from '../crud/rows';
import { badRequest } from '../http/errors';
import { requireProject } from '../production/lookup';
import { checkManagerProjectAccess } from '../production/project-access';
import { SET_TREE, validateFileBody } from './file-bodies';
import { shippedFileTree } from './shipped-file-trees';

const projectModel = modelOf('project');

/**
 * POST /actions/projects/{project_id}/set-file-tree `{"tree_name": "default" | "simple"}`:
 * a manager of the project copies a shipped tree into `project.file_tree`.
 */
export function registerSetFileTreeRoute(api: FastifyInstance, context: ServerContext): void {
  api.post<{ Params: { project_id: string } }>(
    '/actions/projects/:project_id/set-file-tree',
    async (request) => {
      const call = new CrudCall(context, request, projectModel);
      const { db } = call;
      const body = validateFileBody(request, 'SetTreeSchema', SET_TREE);
      checkManagerProjectAccess(call.access, db, request.params.project_id);
      // Only the shipped names are trees: a name is never read as a path.
      const tree = shippedFileTree(String(body.tree_name));
      if (!tree) throw badRequest('Selected tree is not available');
      const projectId = String(requireProject(db, request.params.project_id).id);
      return call.write(() => {
        updateModelRow(db, projectModel, projectId, { file_tree: tree });
        call.emit('project:update', {}, projectId);
        return serializeById(db, projectModel, projectId, false);
      });
    },
  );
}
