import type { Json, Row } from '../../models/serialize';
import type { CrudCall } from '../crud-call';
import { serializeRows } from '../present';
import { defineHooks } from './define';

/** Notification's own `type` column is served as `notification_type`. */
function presentNotifications(call: CrudCall, rows: Row[], relations: boolean): Json[] {
  return serializeRows(call.db, call.model, rows, relations).map((notification, index) => ({
    ...notification,
    notification_type: rows[index]?.type ?? null,
    type: 'Notification',
  }));
}

export const notificationHooks = defineHooks({
  presentList: presentNotifications,
  presentOne: (call, row, relations) => presentNotifications(call, [row], relations)[0] as Json,
  presentUpdated(call, id) {
    const row = call.db.prepare('SELECT * FROM notification WHERE id = ?').get(id) as Row;
    return presentNotifications(call, [row], false)[0] as Json;
  },
  afterCreate(call, id) {
    const row = call.db.prepare('SELECT * FROM notification WHERE id = ?').get(id) as Row;
    return presentNotifications(call, [row], true)[0] as Json;
  },
});
