import type { Json } from '../models/serialize';
import { requireJsonObject } from './body';
import type { CrudCall } from './crud-call';
import { emitModelEvent } from './events';
import { loadInstanceRow } from './get-one';
import type { CrudHooks } from './hooks/types';
import { serializeById, serializeOne } from './present';
import type { Data } from './rows';
import { updateModelRow } from './rows';
import { validateDateFields } from './values';

/** Keys a PUT never writes: audit columns, the project (if the model has one), the model's own. */
export function dropProtectedKeys(call: CrudCall, data: Data): void {
  const { model } = call;
  const keys = ['id', 'created_at', 'updated_at', ...(model.protectedKeys ?? [])];
  if ('project_id' in model.columns) keys.push('project_id');
  for (const key of keys) delete data[key];
}

/** PUT /data/<slug>/<id> (`BaseModelResource.put`): 200 with the row without relations. */
export function updateInstance(call: CrudCall, hooks: CrudHooks, id: string): Json {
  if (hooks.update) return hooks.update(call, id);
  const data = requireJsonObject(call.request);
  return call.write(() => {
    const row = loadInstanceRow(call, id);
    const rowId = String(row.id);
    const current = serializeOne(call.db, call.model, row, false);
    hooks.checkUpdate(call, current, data);
    hooks.preUpdate?.(call, current, data);
    dropProtectedKeys(call, data);
    validateDateFields(call.model.columns, data);
    hooks.prepareUpdate?.(call, data, current);
    updateModelRow(call.db, call.model, rowId, data);
    const updated = hooks.presentUpdated
      ? hooks.presentUpdated(call, rowId)
      : serializeById(call.db, call.model, rowId, false);
    hooks.afterUpdate?.(call, current, data, updated);
    if (hooks.emitUpdated) hooks.emitUpdated(call, updated);
    else emitModelEvent(call, 'update', updated);
    return updated;
  });
}
