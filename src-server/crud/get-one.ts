import { isUuid } from '../db/ids';
import { malformedId, notFound } from '../http/errors';
import type { Json, Row } from '../models/serialize';
import type { CrudCall } from './crud-call';
import type { CrudHooks } from './hooks/types';
import { serializeOne } from './present';
import { boolParam } from './query-params';
import { fetchRow } from './rows';

/** `get_model_or_404`: 400 "Malformed ID." for a non-UUID, 404 for a missing row. */
export function loadInstanceRow(call: CrudCall, id: string, hooks?: CrudHooks): Row {
  if (!isUuid(id)) throw hooks?.malformedIdNotFound ? notFound() : malformedId();
  const row = fetchRow(call.db, call.model, id.toLowerCase());
  if (!row) throw notFound();
  return row;
}

/** GET /data/<slug>/<id> (`BaseModelResource.get`): relations default to true. */
export function getInstance(call: CrudCall, hooks: CrudHooks, id: string): Json {
  const relations = boolParam(call.query, 'relations', 'true');
  const row = loadInstanceRow(call, id, hooks);
  const instance = hooks.presentOne
    ? hooks.presentOne(call, row, relations)
    : serializeOne(call.db, call.model, row, relations);
  hooks.checkRead(call, instance);
  return hooks.cleanGetResult ? hooks.cleanGetResult(call, instance) : instance;
}
