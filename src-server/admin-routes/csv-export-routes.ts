import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { readQuery } from '../crud/query-params';
import { normalizeUuid } from '../crud/values';
import { badRequest } from '../http/errors';
import { accessOf } from '../permissions/request-access';
import { checkProjectAccess } from '../production/project-access';
import { requireProject } from '../production/lookup';
import { projectsTable } from './projects-csv';
import { csvRow } from './python-csv';
import { shotsTable, type ShotsCsvFilter } from './shots-csv';
import { slugify } from '../../src-shared/slugify';

/** `build_csv_file_name`: "kitsu_" and the name slugified with underscores. */
function csvFileName(name: string): string {
  return `kitsu_${slugify(name, '_')}.csv`;
}

/** `check_criterion_id_format` on the keys the shots export reads. */
function criterionId(query: Record<string, string>, key: 'id' | 'episode_id'): string | undefined {
  const value = query[key];
  if (value === undefined) return undefined;
  if (key === 'episode_id' && (value === 'all' || value === 'main')) return value;
  const id = normalizeUuid(value);
  if (id === null) throw badRequest(`Invalid UUID format for ${key}: ${value}`);
  return id;
}

/** CSV exports (`blueprints/export/csv`), `;`-separated as Python's csv writer writes them. */
export function registerCsvExportRoutes(api: FastifyInstance, context: ServerContext): void {
  const { db } = context;

  // Managers and admins (global role). Zou streams this one, row by row.
  api.get('/export/csv/projects.csv', async (request, reply) => {
    accessOf(db, request).requireManager();
    const rows = projectsTable(db);
    return reply
      .header('Content-Disposition', `attachment; filename=${csvFileName('export')}`)
      .type('text/csv; charset=utf-8')
      .send(Readable.from(rows.map((row) => csvRow(row))));
  });

  // Team members but vendors; the project is looked up first (404 for anyone).
  api.get<{ Params: { project_id: string } }>(
    '/export/csv/projects/:project_id/shots.csv',
    async (request, reply) => {
      const project = requireProject(db, request.params.project_id);
      const projectId = String(project.id);
      const access = accessOf(db, request);
      checkProjectAccess(access, db, projectId);
      access.blockVendor(projectId);
      const query = readQuery(request);
      const filter: ShotsCsvFilter = {
        projectId,
        shotId: criterionId(query, 'id'),
        episodeId: criterionId(query, 'episode_id'),
      };
      const projectName = String(project.name);
      const csv = shotsTable(db, projectName, filter)
        .map((row) => csvRow(row))
        .join('');
      return reply
        .header(
          'Content-Disposition',
          `attachment; filename=${csvFileName(slugify(`${projectName} shots`))}`,
        )
        .header('Content-Type', 'text/csv')
        .send(csv);
    },
  );
}
