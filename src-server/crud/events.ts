import type { Json } from '../models/serialize';
import type { CrudCall } from './crud-call';

export type CrudAction = 'new' | 'update' | 'delete';

/** `<table with hyphens>:<action>` with `{"<table>_id": id}` and the row's project. */
export function emitModelEvent(call: CrudCall, action: CrudAction, instance: Json): void {
  call.emit(
    `${call.model.eventName}:${action}`,
    { [`${call.model.table}_id`]: instance.id },
    projectIdOf(instance),
  );
}

export function projectIdOf(instance: Json): string | null {
  return typeof instance.project_id === 'string' ? instance.project_id : null;
}
