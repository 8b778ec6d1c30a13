import type { Json } from '../models/serialize';
import { requireJsonObject } from './body';
import type { CrudCall } from './crud-call';
import { emitModelEvent } from './events';
import type { CrudHooks } from './hooks/types';
import { serializeById } from './present';
import { insertModelRow } from './rows';

const CREATE_STRIPPED_KEYS = ['id', 'created_at', 'updated_at'];

/** POST /data/<slug> (`BaseModelsResource.post`): 201 with the row and its relations. */
export async function createInstance(call: CrudCall, hooks: CrudHooks): Promise<Json> {
  if (hooks.create) return hooks.create(call);
  const data = requireJsonObject(call.request);
  hooks.checkCreate(call, data);
  await hooks.prepareCreateAsync?.(call, data);
  return call.write(() => {
    hooks.checkCreationIntegrity?.(call, data);
    for (const key of CREATE_STRIPPED_KEYS) delete data[key];
    hooks.prepareCreate?.(call, data);
    const id = insertModelRow(call.db, call.model, data);
    const created = hooks.afterCreate
      ? hooks.afterCreate(call, id, data)
      : serializeById(call.db, call.model, id, true);
    if (hooks.emitCreated) hooks.emitCreated(call, created);
    else emitModelEvent(call, 'new', created);
    return created;
  });
}
