import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { dateArg, QueryArgs } from '../events/query-args';
import { badRequest } from '../http/errors';
import { productionCall } from './call';
import { sqlId } from './ids';
import { requireProject } from './lookup';
import { projectNews } from './news';
import { checkProjectAccess } from './project-access';

interface ProjectParams {
  project_id: string;
}

/** GET /data/projects/{pid}/news (news blueprint): team members. */
export function registerNewsRoutes(api: FastifyInstance, context: ServerContext): void {
  api.get<{ Params: ProjectParams }>('/data/projects/:project_id/news', async (request) => {
    const { access, db } = productionCall(context, request);
    const projectId = String(requireProject(db, request.params.project_id).id);
    checkProjectAccess(access, db, projectId);

    const args = new QueryArgs(request);
    const page = args.int('page', 1);
    const limit = args.int('limit', 50);
    // Zou divides by the limit and hands Postgres a negative offset: 500s, answered as 400s.
    if (limit < 1) throw badRequest('Wrong value for parameter limit.');
    if (page < 1) throw badRequest('Wrong value for parameter page.');
    const optionalId = (name: string): string | null => {
      const value = args.text(name);
      return value === null ? null : sqlId(value);
    };
    return projectNews(db, {
      projectIds: [projectId],
      onlyPreview: booleanArg(args.text('only_preview')),
      taskTypeId: optionalId('task_type_id'),
      taskStatusId: optionalId('task_status_id'),
      episodeId: optionalId('episode_id'),
      authorId: optionalId('person_id'),
      page,
      limit,
      after: dateArg(args.text('after')),
      before: dateArg(args.text('before')),
    });
  });
}

/** `fields.boolean` through `get_args`. */
function booleanArg(value: string | null): boolean {
  if (value === null) return false;
  const word = value.toLowerCase();
  if (['true', '1', 'on'].includes(word)) return true;
  if (['false', '0'].includes(word)) return false;
  throw badRequest('Wrong value for parameter only_preview.');
}
