import type { CrudCall } from './crud-call';
import { emitModelEvent } from './events';
import { loadInstanceRow } from './get-one';
import type { CrudHooks } from './hooks/types';
import { serializeOne } from './present';
import { deleteModelRow } from './rows';

/** DELETE /data/<slug>/<id> (`BaseModelResource.delete`): 204, nothing left behind on failure. */
export function removeInstance(call: CrudCall, hooks: CrudHooks, id: string): void {
  if (hooks.remove) {
    hooks.remove(call, id);
    return;
  }
  call.write(() => {
    const row = loadInstanceRow(call, id);
    const instance = serializeOne(call.db, call.model, row, false);
    hooks.checkDelete(call, instance);
    hooks.preDelete?.(call, instance);
    deleteModelRow(call.db, call.model, String(row.id));
    if (hooks.emitDeleted) hooks.emitDeleted(call, instance);
    else emitModelEvent(call, 'delete', instance);
    hooks.postDelete?.(call, instance);
  });
}
