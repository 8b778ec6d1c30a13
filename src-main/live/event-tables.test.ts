import { describe, expect, it } from 'vitest';
import { tableChangeOf } from './event-tables';

const TASK = '5a2b3c4d-0000-4000-8000-0000000000aa';

describe('tableChangeOf', () => {
  it('maps comment events to the comment table, with the task when the payload names it', () => {
    for (const action of ['new', 'update', 'reply', 'delete-reply']) {
      expect(tableChangeOf(`comment:${action}`, { comment_id: 'c', task_id: TASK })).toEqual({
        table: 'comment',
        taskId: TASK,
      });
    }
    for (const action of ['delete', 'acknowledge', 'unacknowledge']) {
      expect(tableChangeOf(`comment:${action}`, { comment_id: 'c', person_id: 'p' })).toEqual({
        table: 'comment',
        taskId: null,
      });
    }
  });

  it('maps task events to the task table with their task', () => {
    const actions = [
      'new',
      'update',
      'delete',
      'assign',
      'unassign',
      'status-changed',
      'to-review',
    ];
    for (const action of actions) {
      expect(tableChangeOf(`task:${action}`, { task_id: TASK, project_id: 'p' })).toEqual({
        table: 'task',
        taskId: TASK,
      });
    }
  });

  it('maps time spents, days off and preview files to their tables', () => {
    expect(tableChangeOf('time-spent:new', { time_spent_id: 't' })).toEqual({
      table: 'time-spent',
      taskId: null,
    });
    expect(tableChangeOf('day-off:delete', { day_off_id: 'd' })).toEqual({
      table: 'day-off',
      taskId: null,
    });
    expect(tableChangeOf('preview-file:add-file', { preview_file_id: 'f', task_id: TASK })).toEqual(
      { table: 'preview-file', taskId: TASK },
    );
  });

  it('ignores what the artist’s views do not show, and malformed events', () => {
    expect(tableChangeOf('asset:update', { asset_id: 'a' })).toBeNull();
    expect(tableChangeOf('task:update-casting-stats', { task_id: TASK })).toBeNull();
    expect(tableChangeOf('notification:new', { notification_id: 'n' })).toBeNull();
    expect(tableChangeOf('comment', { task_id: TASK })).toBeNull();
    expect(tableChangeOf('comment:new', null)).toEqual({ table: 'comment', taskId: null });
    expect(tableChangeOf('task:update', { task_id: 42 })).toEqual({ table: 'task', taskId: null });
  });
});
