import { describe, expect, it } from 'vitest';
import type { TodoTask } from '../../../src-shared/todo-task';
import {
  commentExcerpt,
  dueState,
  entityLabel,
  filterTasks,
  formatMinutes,
  sortTasks,
} from './todo-rows';

function task(fields: Partial<TodoTask>): TodoTask {
  return {
    id: 't',
    projectId: 'p1',
    projectName: 'Harbor Lights',
    entityId: 'e',
    entityName: 'SH010',
    entityTypeName: 'Shot',
    entityKind: 'Shot',
    sequenceName: 'SQ010',
    episodeName: null,
    taskTypeId: 'anim',
    taskTypeName: 'Animation',
    taskTypeColor: '#00ff00',
    taskStatusId: 'todo',
    taskStatusName: 'Todo',
    taskStatusShortName: 'todo',
    taskStatusColor: '#f5f5f5',
    dueDate: null,
    estimation: null,
    duration: null,
    priority: 0,
    previewFileId: null,
    updatedAt: null,
    endDate: null,
    lastComment: null,
    ...fields,
  };
}

describe('todo rows', () => {
  it('labels shots by sequence and assets by type', () => {
    expect(entityLabel(task({}))).toBe('SQ010 / SH010');
    expect(
      entityLabel(
        task({
          entityKind: 'Asset',
          entityTypeName: 'Prop',
          entityName: 'Lamp',
          sequenceName: null,
        }),
      ),
    ).toBe('Prop / Lamp');
    expect(entityLabel(task({ episodeName: 'E01' }))).toBe('E01 / SQ010 / SH010');
  });

  it('highlights overdue and this week', () => {
    expect(dueState('2026-01-09', '2026-01-10')).toBe('overdue');
    expect(dueState('2026-01-10', '2026-01-10')).toBe('this-week');
    expect(dueState('2026-01-17', '2026-01-10')).toBe('this-week');
    expect(dueState('2026-01-18', '2026-01-10')).toBeNull();
    expect(dueState(null, '2026-01-10')).toBeNull();
  });

  it('formats minutes as people read them', () => {
    expect(formatMinutes(null)).toBe('–');
    expect(formatMinutes(30)).toBe('30 min');
    expect(formatMinutes(90)).toBe('1.5 h');
    expect(formatMinutes(960)).toBe('2 d');
  });

  it('filters by ids and by every word of the search', () => {
    const tasks = [
      task({
        id: 'a',
        entityName: 'SH010',
        lastComment: { text: 'Fix the hands', date: 'd', personId: 'x' },
      }),
      task({ id: 'b', entityName: 'SH020', taskTypeId: 'layout', taskTypeName: 'Layout' }),
    ];
    const none = { projectIds: [], taskTypeIds: [], statusIds: [], search: '' };
    expect(filterTasks(tasks, none).map((t) => t.id)).toEqual(['a', 'b']);
    expect(filterTasks(tasks, { ...none, taskTypeIds: ['layout'] }).map((t) => t.id)).toEqual([
      'b',
    ]);
    expect(filterTasks(tasks, { ...none, search: 'sh010 HANDS' }).map((t) => t.id)).toEqual(['a']);
    expect(filterTasks(tasks, { ...none, search: 'sh010 layout' })).toEqual([]);
  });

  it('sorts both ways with empty values last', () => {
    const tasks = [
      task({ id: 'a', dueDate: '2026-02-01' }),
      task({ id: 'b', dueDate: null }),
      task({ id: 'c', dueDate: '2026-01-01' }),
    ];
    const ids = (direction: 'asc' | 'desc') =>
      sortTasks(tasks, { column: 'dueDate', direction }).map((t) => t.id);
    expect(ids('asc')).toEqual(['c', 'a', 'b']);
    expect(ids('desc')).toEqual(['a', 'c', 'b']);
  });

  it('excerpts comments on one line', () => {
    expect(commentExcerpt('**Great**\n\nwork', 50)).toBe('Great work');
    expect(commentExcerpt('x'.repeat(200), 10)).toHaveLength(10);
  });
});
