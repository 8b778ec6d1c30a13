import type { FastifyInstance } from 'fastify';
import { renderFilePath } from '../../src-shared/file-tree';
import type { ServerContext } from '../context';
import { CrudCall } from '../crud/crud-call';
import { KitsuError } from '../http/errors';
import { requireEntity, requireTaskType } from '../production/lookup';
import { checkProjectAccess } from '../production/project-access';
import { NEW_OUTPUT_FILE, validateFileBody } from './file-bodies';
import { gatherFileFacts, projectFileTree } from './file-facts';
import { findPerson, findWorkingFile } from './file-lookups';
import { createOutputFile, outputFileModel, withPath } from './output-files';
import { renderingOutputFile } from './path-errors';
import { findOutputType } from './reference-rows';

/**
 * POST /data/entities/{entity_id}/output-files/new: a published revision of an entity, its
 * path rendered by the project's "output" mode (whatever `mode` says, as Zou) and stored.
 * Our decision: a tree that cannot render it
 * leaves no output file behind (Zou keeps the row it created first).
 */
export function registerOutputFileRoutes(api: FastifyInstance, context: ServerContext): void {
  api.post<{ Params: { entity_id: string } }>(
    '/data/entities/:entity_id/output-files/new',
    async (request, reply) => {
      const call = new CrudCall(context, request, outputFileModel);
      const { db, access } = call;
      const body = validateFileBody(request, 'NewOutputFileSchema', NEW_OUTPUT_FILE);
      const workingFile = findWorkingFile(db, body.working_file_id);
      const entity = requireEntity(db, request.params.entity_id);
      checkProjectAccess(access, db, entity.projectId);
      const outputType = findOutputType(db, body.output_type_id);
      if (!outputType) throw new KitsuError(400, { error: 'Cannot find given output type.' });
      const taskType = requireTaskType(db, body.task_type_id);
      const person = body.person_id ? findPerson(db, body.person_id) : { id: access.personId };
      if (!person) throw new KitsuError(400, { error: 'Cannot find given person.' });
      const name = String(body.name);
      const representation = String(body.representation);
      const extension = String(body.extension);
      const nbElements = Number(body.nb_elements);
      const sep = String(body.sep);
      const created = call.write(() => {
        const outputFile = createOutputFile(call, {
          entityId: entity.id,
          projectId: entity.projectId,
          outputTypeId: String(outputType.id),
          taskTypeId: String(taskType.id),
          name,
          revision: Number(body.revision),
          workingFileId: workingFile ? String(workingFile.id) : null,
          personId: String(person.id),
          comment: String(body.comment),
          representation,
          extension,
          nbElements,
          fileStatusId: body.file_status_id ? String(body.file_status_id) : null,
        });
        const facts = gatherFileFacts(call, {
          entity,
          taskTypeId: String(taskType.id),
          outputType,
          name,
          representation,
          revision: Number(outputFile.revision),
        });
        const tree = projectFileTree(db, entity.projectId);
        const { folder, fileName } = renderingOutputFile(() =>
          renderFilePath(tree, 'output', facts, { sep, nbElements }),
        );
        return withPath(call, outputFile, { folder, fileName, sep, extension });
      });
      return reply.code(201).send(created);
    },
  );
}
