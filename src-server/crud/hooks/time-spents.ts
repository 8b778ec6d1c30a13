import { badRequest } from '../../http/errors';
import { loadTaskFacts } from '../../permissions/access';
import type { CrudCall } from '../crud-call';
import { castFilterValue } from '../filters';
import { refreshTaskDuration } from '../task-derived';
import { serializeById } from '../present';
import { defineHooks } from './define';

/** Time spents: admin CRUD; the assignee (or a manager) may delete; task durations follow. */
export const timeSpentHooks = defineHooks({
  extraFilters(_call, options) {
    const { start_date: start, end_date: end } = options;
    if (!start && !end) return [];
    if (!start || !end) {
      throw badRequest(
        'If querying for a range of dates, both a `start_date` and an `end_date` must be given.',
      );
    }
    return [
      {
        sql: 't.date BETWEEN ? AND ?',
        params: [castFilterValue('date', start), castFilterValue('date', end)],
      },
    ];
  },
  afterCreate(call: CrudCall, id) {
    const created = serializeById(call.db, call.model, id, true);
    refreshTaskDuration(call, created.task_id);
    return created;
  },
  afterUpdate: (call, _current, _data, updated) => refreshTaskDuration(call, updated.task_id),
  checkDelete(call, timeSpent) {
    call.access.requireTimeSpentAccess(
      loadTaskFacts(call.db, String(timeSpent.task_id)),
      String(timeSpent.person_id),
    );
  },
  postDelete: (call, timeSpent) => refreshTaskDuration(call, timeSpent.task_id),
});
