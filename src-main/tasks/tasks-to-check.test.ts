import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TodoTask } from '../../src-shared/todo-task';
import {
  DEMO_ACCOUNTS,
  DEMO_ARTIST_EMAIL,
  DEMO_PASSWORD,
} from '../../src-server/seed/demo-accounts';
import { studioApi, type StudioApi } from '../test-support/studio-api';
import { logInAs, openDemoStudio, type LoggedInApp } from '../test-support/test-app';

const SUPERVISOR = DEMO_ACCOUNTS.find((account) => account.role === 'supervisor')!;
const MANAGER_EMAIL = DEMO_ACCOUNTS.find((account) => account.role === 'manager')!.email;

let studio: Awaited<ReturnType<typeof openDemoStudio>>;
let jordan: LoggedInApp;
let supervisor: LoggedInApp;
let manager: LoggedInApp;
/** What the server says of each task: its task type's department, whether its status asks for feedback. */
let facts: (task: TodoTask) => { department: string | null; feedback: boolean };
let feedbackStatusId: string;
let jordanApi: StudioApi;

beforeAll(async () => {
  studio = await openDemoStudio();
  const logIn = (email: string) => logInAs(studio.apiUrl, email, DEMO_PASSWORD);
  jordan = await logIn(DEMO_ARTIST_EMAIL);
  supervisor = await logIn(SUPERVISOR.email);
  manager = await logIn(MANAGER_EMAIL);

  const admin = await studioApi(studio.apiUrl, 'admin@example.com', DEMO_PASSWORD);
  const departments = new Map<string, string>(
    (await admin.get('/data/departments')).body.map((row: any) => [row.id, row.name]),
  );
  const taskTypes = new Map<string, string | null>(
    (await admin.get('/data/task-types')).body.map((row: any) => [
      row.id,
      departments.get(row.department_id) ?? null,
    ]),
  );
  const statusRows = (await admin.get('/data/task-status')).body as any[];
  const statuses = new Map<string, boolean>(
    statusRows.map((row) => [row.id, row.is_feedback_request === true]),
  );
  feedbackStatusId = statusRows.find((row) => row.is_feedback_request && row.is_artist_allowed).id;
  jordanApi = await studioApi(studio.apiUrl, DEMO_ARTIST_EMAIL, DEMO_PASSWORD);
  facts = (task) => ({
    department: taskTypes.get(task.taskTypeId) ?? null,
    feedback: statuses.get(task.taskStatusId) ?? false,
  });
}, 120_000);

afterAll(async () => {
  for (const app of [jordan, supervisor, manager]) await app?.close();
  await studio?.close();
});

describe('tasks to check, through the handlers', () => {
  it('shows a supervisor the tasks waiting for feedback in their departments only', async () => {
    // Jordan asks for feedback on a task of a department the supervisor (Tom) supervises.
    const todo = await jordan.value<TodoTask[]>('tasks:list-todo', {});
    const task = todo.find(
      (row) => !facts(row).feedback && SUPERVISOR.departments.includes(facts(row).department ?? ''),
    )!;
    const posted = await jordanApi.post(`/actions/tasks/${task.id}/comment`, {
      task_status_id: feedbackStatusId,
      comment: 'Ready for review.',
    });
    expect(posted.status).toBe(201);

    // The list answers from the supervisor's cache at once; the news reaches it live.
    let toCheck: TodoTask[] = [];
    await vi.waitFor(
      async () => {
        toCheck = await supervisor.value<TodoTask[]>('tasks:list-to-check', {});
        expect(toCheck.find((row) => row.id === task.id)).toMatchObject({
          entityName: task.entityName,
          taskStatusName: 'Waiting For Approval',
          projectName: task.projectName,
        });
      },
      { timeout: 20_000, interval: 100 },
    );
    for (const row of toCheck) {
      expect(facts(row).feedback).toBe(true);
      expect(SUPERVISOR.departments).toContain(facts(row).department);
    }

    // A manager sees the other departments' requests, which the supervisor does not.
    const managerList = await manager.value<TodoTask[]>('tasks:list-to-check', {});
    const elsewhere = managerList.filter(
      (row) => !SUPERVISOR.departments.includes(facts(row).department ?? ''),
    );
    expect(elsewhere.length).toBeGreaterThan(0);
    const supervised = new Set(toCheck.map((row) => row.id));
    for (const row of elsewhere) expect(supervised.has(row.id)).toBe(false);
  });

  it('gives an artist an empty list', async () => {
    expect(await jordan.value('tasks:list-to-check', {})).toEqual([]);
  });
});
