import type { FastifyInstance, FastifyRequest } from 'fastify';
import { guessFromPath } from '../../src-shared/file-tree';
import type { ServerContext } from '../context';
import { CrudCall } from '../crud/crud-call';
import { requireProject } from '../production/lookup';
import { checkProjectAccess } from '../production/project-access';
import { GUESS_FILE_PATH, validateFileBody } from './file-bodies';
import { projectFileTree } from './file-facts';
import { guessLookup } from './guess-lookups';
import { renderingPath } from './path-errors';
import { workingFileModel } from './working-files';

/**
 * POST /data/entities/guess-from-path `{project_id, file_path, sep}`: the templates of the
 * project's tree a path fits, with the ids its folders stand for. Zou also keeps the old
 * snake_case path, which gazu still posts to. Our decision: a tree that cannot be read is the
 * path routes' 400 (Zou lets it through as a 500).
 */
export function registerGuessFromPathRoute(api: FastifyInstance, context: ServerContext): void {
  const guess = async (request: FastifyRequest) => {
    const call = new CrudCall(context, request, workingFileModel);
    const { db } = call;
    const body = validateFileBody(request, 'GuessFilePathSchema', GUESS_FILE_PATH);
    checkProjectAccess(call.access, db, body.project_id);
    const projectId = String(requireProject(db, body.project_id).id);
    const tree = projectFileTree(db, projectId);
    return renderingPath(request, () =>
      guessFromPath(tree, projectId, String(body.file_path), String(body.sep), guessLookup(db)),
    );
  };
  api.post('/data/entities/guess-from-path', guess);
  api.post('/data/entities/guess_from_path', guess);
}
