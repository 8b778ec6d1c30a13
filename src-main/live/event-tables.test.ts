import { describe, expect, it } from 'vitest';
import { scopedChangeOf, tableChangeOf, type LiveScope } from './event-tables';

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

describe('scopedChangeOf', () => {
  const mine = 'project-mine';
  const scope: LiveScope = {
    followsProject: (projectId) => projectId === mine,
    taskOfComment: (commentId) => (commentId === 'comment-read' ? 'task-read' : null),
  };

  it('drops the events of projects the person does not follow, save assignments', () => {
    const update = { task_id: 'task-1', project_id: 'project-other' };
    expect(scopedChangeOf('task:update', update, scope)).toBeNull();
    expect(scopedChangeOf('task:assign', { ...update, person_id: 'p' }, scope)).toEqual({
      table: 'task',
      taskId: 'task-1',
    });
    expect(scopedChangeOf('task:update', { ...update, project_id: mine }, scope)).toEqual({
      table: 'task',
      taskId: 'task-1',
    });
  });

  it('finds the task of a comment named alone in the threads read, and drops the others', () => {
    const ack = { comment_id: 'comment-read', person_id: 'p', project_id: mine };
    expect(scopedChangeOf('comment:acknowledge', ack, scope)).toEqual({
      table: 'comment',
      taskId: 'task-read',
    });
    const elsewhere = { comment_id: 'comment-never-read', project_id: mine };
    expect(scopedChangeOf('comment:update', elsewhere, scope)).toBeNull();
  });

  it('keeps every event as it is without a scope (no cache open)', () => {
    const ack = { comment_id: 'comment-read', project_id: 'project-other' };
    expect(scopedChangeOf('comment:acknowledge', ack, null)).toEqual({
      table: 'comment',
      taskId: null,
    });
  });
});
