import '@mantine/core/styles.css';
import '../../src-renderer/app.css';
import { DEFAULT_TODO_VIEW } from '../../src-shared/settings';
import type { TodoTask } from '../../src-shared/todo-task';
import { call } from '../../src-renderer/ipc/api';
import { filterTasks, sortTasks } from '../../src-renderer/screens/todo/todo-rows';
import { openFloorSocket, type FloorSocket } from './floor-socket';
import { TODO_PAINT_GLOBAL, type PaintTiming, type TodoPaintHarness } from './harness-api';
import { createListStage } from './list-stage';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
const stage = createListStage(container);
let floorSocket: FloorSocket | null = null;

/** The todo screen's rows with no filter and the default sort, as TodoScreen derives them. */
function screenRows(tasks: readonly TodoTask[]): TodoTask[] {
  const noFilter = { projectIds: [], taskTypeIds: [], statusIds: [], search: '' };
  return sortTasks(filterTasks(tasks, noFilter), DEFAULT_TODO_VIEW.sort);
}

async function timePaint(
  fetchTasks: () => Promise<TodoTask[]>,
  toRows: (tasks: TodoTask[]) => readonly TodoTask[],
): Promise<PaintTiming> {
  const started = performance.now();
  const tasks = await fetchTasks();
  const fetched = performance.now();
  const rows = toRows(tasks);
  const derived = performance.now();
  const rowsInDom = await stage.show(rows);
  const painted = performance.now();
  return {
    totalMs: painted - started,
    transportMs: fetched - started,
    rowsMs: derived - fetched,
    paintMs: painted - derived,
    rows: rows.length,
    rowsInDom,
  };
}

const harness: TodoPaintHarness = {
  async logIn(apiUrl, identifier, password) {
    const result = await call('session:login', {
      server: { kind: 'remote', url: apiUrl },
      identifier,
      password,
    });
    if (result.status !== 'logged-in') throw new Error(`Login ${result.status}: ${result.message}`);
    return result.session.user.fullName;
  },
  async openFloor(url) {
    floorSocket = await openFloorSocket(url);
  },
  measured: () => timePaint(() => call('tasks:list-todo', {}), screenRows),
  floor: () => {
    const socket = floorSocket;
    if (!socket) throw new Error('openFloor first');
    return timePaint(
      () => socket.fetchTasks(),
      (tasks) => tasks,
    );
  },
  clear: () => stage.clear(),
};

Object.assign(window, { [TODO_PAINT_GLOBAL]: harness });
