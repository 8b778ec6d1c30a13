import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { discardStagedFiles, readMultipartForm } from '../comments/multipart-form';
import type { ServerContext } from '../context';
import { badRequestPlain, KitsuError } from '../http/errors';
import { accessOf } from '../permissions/request-access';
import { requireProject } from '../production/lookup';
import { checkManagerProjectAccess } from '../production/project-access';
import { adminCall } from './admin-call';
import { importCasting, ImportRowError } from './casting-import';
import { readDictRecords } from './csv-reader';
import { CsvError, sniff } from './csv-sniffer';

const BAD_REQUEST_DESCRIPTION =
  'The browser (or proxy) sent a request that this server could not understand.';

/** Zou's `csvfile.read(8192)`: the sniffer sees the first 8192 characters. */
const SNIFF_SAMPLE_CHARACTERS = 8192;

/**
 * `POST /import/csv/projects/{pid}/casting` (`blueprints/source/csv/casting.py`): a multipart
 * `file`, its dialect sniffed. Managers of the project only, checked before the upload is
 * read. A failing row rolls the whole import back (Zou keeps the rows before it), so the
 * error's `imported_rows` is 0.
 */
export function registerCastingImportRoutes(api: FastifyInstance, context: ServerContext): void {
  const { db } = context;

  api.post<{ Params: { project_id: string } }>(
    '/import/csv/projects/:project_id/casting',
    async (request, reply) => {
      const projectId = checkManagerProjectAccess(
        accessOf(db, request),
        db,
        request.params.project_id,
      );
      const text = await readUploadedCsv(request, context);
      const project = requireProject(db, projectId);
      let records;
      try {
        const dialect = sniff(text.slice(0, SNIFF_SAMPLE_CHARACTERS));
        records = readDictRecords(text, dialect);
      } catch (error) {
        if (error instanceof CsvError) throw badRequestPlain(error.message);
        throw error;
      }
      try {
        const result = importCasting(adminCall(context, request), String(project.id), records);
        return reply.code(201).send(result);
      } catch (error) {
        if (!(error instanceof ImportRowError)) throw error;
        request.log.error(`Import row ${error.lineNumber} failed: ${error.message}`);
        throw new KitsuError(400, {
          error: true,
          message: error.message,
          line_number: error.lineNumber,
          imported_rows: 0,
        });
      }
    },
  );
}

/** `request.files["file"]` decoded as UTF-8 (a missing file is werkzeug's plain 400). */
async function readUploadedCsv(
  request: Parameters<typeof readMultipartForm>[0],
  context: ServerContext,
): Promise<string> {
  if (!request.isMultipart()) throw badRequestPlain(BAD_REQUEST_DESCRIPTION);
  const { files } = await readMultipartForm(
    request,
    context.dataDir,
    context.settings.maxAttachmentBytes,
  );
  try {
    const file = files.find((candidate) => candidate.fieldName === 'file');
    if (!file) throw badRequestPlain(BAD_REQUEST_DESCRIPTION);
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file.path));
      return text.startsWith('\ufeff') ? text.slice(1) : text;
    } catch {
      throw badRequestPlain("'utf-8' codec can't decode the file.");
    }
  } finally {
    discardStagedFiles(files);
  }
}
