import { isUuid, newId } from '../../db/ids';
import { nowDateTime } from '../../db/time';
import {
  badRequestPlain,
  crudErrorFromSqlite,
  KitsuError,
  malformedId,
  notFound,
} from '../../http/errors';
import type { Json } from '../../models/serialize';
import { UnparsedBody } from '../../http/body-parsers';
import type { CrudCall } from '../crud-call';
import { fetchRow, updateModelRow, type Data } from '../rows';
import { prepareCached } from '../sql';
import { serializeOne } from '../present';
import { dropProtectedKeys } from '../update';
import { validateDateFields } from '../values';
import { checkEntityStatus, emitEntityEvent, presentEntities } from './entity-presenters';

/**
 * PUT /data/entities/<id> (`EntityResource.put`): `data` is merged into the stored one, the
 * answer carries the relations and the entity's kind. Zou wraps every failure into
 * `{"error": true, "message": str(exception)}`; a permission denial keeps the standard 403
 * (our decision) and a missing entity the standard 404.
 */
export function updateEntity(call: CrudCall, id: string): Json {
  try {
    return call.write(() => writeEntityUpdate(call, id));
  } catch (error) {
    throw asEntityUpdateError(error);
  }
}

function writeEntityUpdate(call: CrudCall, id: string): Json {
  if (!isUuid(id)) throw malformedId();
  const row = fetchRow(call.db, call.model, id.toLowerCase());
  if (!row) throw notFound();
  const body = jsonObjectBody(call.request.body);
  const data: Data = body ? { ...body } : {};
  const current = serializeOne(call.db, call.model, row, false);
  call.access.requireMetadataDepartmentAccess(
    {
      id: String(current.id),
      project_id: String(current.project_id),
      entity_type_id: String(current.entity_type_id),
      created_by: (current.created_by as string | null) ?? null,
    },
    data,
  );
  if (!body) throw badRequestPlain("'NoneType' object has no attribute 'get'");
  checkUniqueName(call, current, data);
  const incoming = data.data ?? {};
  if (typeof incoming !== 'object' || Array.isArray(incoming)) {
    throw badRequestPlain('dictionary update sequence element #0 has length 1; 2 is required');
  }
  data.data = { ...((current.data as Data | null) ?? {}), ...(incoming as Data) };
  dropProtectedKeys(call, data);
  validateDateFields(call.model.columns, data);
  checkEntityStatus(data);
  if (data.source_id === 'null') data.source_id = null;
  updateModelRow(call.db, call.model, String(current.id), data);
  const updatedRow = fetchRow(call.db, call.model, String(current.id));
  const updated = presentEntities(call, updatedRow ? [updatedRow] : [], true)[0] as Json;
  if (updated.type === 'Shot') saveShotVersionIfNeeded(call, current, updated);
  emitEntityEvent(call, 'update', updated);
  return updated;
}

/** `pre_update`: name, project, type and parent must stay unique together. */
function checkUniqueName(call: CrudCall, current: Json, data: Data): void {
  const normalizeParent = (value: unknown): unknown =>
    value === '' || value === 'null' ? null : (value ?? null);
  const name = 'name' in data ? data.name : current.name;
  const projectId = 'project_id' in data ? data.project_id : current.project_id;
  const typeId = 'entity_type_id' in data ? data.entity_type_id : current.entity_type_id;
  const parentId = normalizeParent('parent_id' in data ? data.parent_id : current.parent_id);
  const unchanged =
    name === current.name &&
    projectId === current.project_id &&
    typeId === current.entity_type_id &&
    parentId === normalizeParent(current.parent_id);
  if (unchanged) return;
  const clash = prepareCached(
    call.db,
    `SELECT 1 FROM entity WHERE name = ? AND project_id = ? AND entity_type_id = ?
       AND id != ? AND parent_id IS ? LIMIT 1`,
  ).get(name, projectId, typeId, current.id, parentId);
  if (clash) {
    const parent = parentId === null ? 'None' : String(parentId);
    throw badRequestPlain(
      `An entity with name '${String(name)}', project_id '${String(projectId)}', ` +
        `entity_type_id '${String(typeId)}', and parent_id '${parent}' ` +
        'already exists. The combination of these fields must be unique.',
    );
  }
}

/**
 * `save_version_if_needed`: a shot edited more than a minute after its previous change keeps
 * its previous name and current frame data as an EntityVersion.
 */
function saveShotVersionIfNeeded(call: CrudCall, previous: Json, shot: Json): void {
  const previousData = (previous.data as Data | null) ?? {};
  const data = (shot.data as Data | null) ?? {};
  const changed =
    (data.frame_in ?? 0) !== (previousData.frame_in ?? 0) || (data.name ?? '') !== previous.name;
  if (!changed) return;
  const elapsed =
    Math.abs(
      Date.parse(`${String(shot.updated_at)}Z`) - Date.parse(`${String(previous.updated_at)}Z`),
    ) / 1000;
  if (!(elapsed > 60)) return;
  const now = nowDateTime();
  prepareCached(
    call.db,
    `INSERT INTO entity_version (id, created_at, updated_at, name, data, entity_id, person_id)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    newId(),
    now,
    now,
    previous.name,
    JSON.stringify(shot.data ?? null),
    shot.id,
    call.personId,
  );
}

function asEntityUpdateError(error: unknown): unknown {
  if (error instanceof KitsuError) {
    if (error.status === 403 || error.status === 404) return error;
    return new KitsuError(error.status, { error: true, message: error.body.message });
  }
  const sqlite = crudErrorFromSqlite(error);
  if (sqlite) return new KitsuError(400, { error: true, message: sqlite.body.message });
  if (error instanceof Error) return new KitsuError(400, { error: true, message: error.message });
  return error;
}

function jsonObjectBody(body: unknown): Data | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  return body instanceof UnparsedBody ? null : (body as Data);
}
