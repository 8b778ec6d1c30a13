import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SettableTaskStatus } from '../../src-shared/task-comment';
import type { TodoTask } from '../../src-shared/todo-task';
import { DEMO_ARTIST_EMAIL, DEMO_PASSWORD } from '../../src-server/seed/demo-accounts';
import { startDemoTestServer } from '../../src-server/test-support/demo-test-server';
import type { TestServer } from '../../src-server/test-support/test-server';
import { logInAs, type LoggedInApp } from '../test-support/test-app';

// Jordan is an artist in the studio but supervises the demo production; Done is a status
// artists may not set. Zou decides by the role on the task's project: so does the composer.
let server: TestServer;
let jordan: LoggedInApp;

beforeAll(async () => {
  server = await startDemoTestServer();
  const { db } = server.context;
  db.prepare("UPDATE task_status SET is_artist_allowed = 0 WHERE short_name = 'done'").run();
  db.prepare(
    `UPDATE project_person_link SET role = 'supervisor'
     WHERE person_id = (SELECT id FROM person WHERE email = ?)`,
  ).run(DEMO_ARTIST_EMAIL);
  jordan = await logInAs(server.baseUrl, DEMO_ARTIST_EMAIL, DEMO_PASSWORD);
}, 60_000);

afterAll(async () => {
  await jordan?.close();
  await server?.close();
});

const shortNames = (statuses: SettableTaskStatus[]) => statuses.map((status) => status.shortName);

it('offers the statuses of the person’s role on the task’s project, which Zou then accepts', async () => {
  const [task] = await jordan.value<TodoTask[]>('tasks:list-todo', {});
  const onProject = await jordan.value<SettableTaskStatus[]>('tasks:list-statuses', {
    projectId: task!.projectId,
  });
  expect(shortNames(onProject)).toContain('done');
  // With no project named, the studio role (artist) decides.
  const studioWide = await jordan.value<SettableTaskStatus[]>('tasks:list-statuses', {});
  expect(shortNames(studioWide)).not.toContain('done');

  const done = onProject.find((status) => status.shortName === 'done')!;
  const posted = await jordan.value<{ taskStatus: { shortName: string } }>('tasks:post-comment', {
    taskId: task!.id,
    text: 'Approved on my side.',
    taskStatusId: done.id,
  });
  expect(posted.taskStatus.shortName).toBe('done');
});

it('offers only the statuses the project uses, when it names some', async () => {
  const [task] = await jordan.value<TodoTask[]>('tasks:list-todo', {});
  const { db } = server.context;
  db.prepare(
    `DELETE FROM project_task_status_link WHERE project_id = ? AND task_status_id NOT IN
       (SELECT id FROM task_status WHERE short_name IN ('wip', 'wfa', 'done'))`,
  ).run(task!.projectId);
  // A new session reads the context again.
  const again = await logInAs(server.baseUrl, DEMO_ARTIST_EMAIL, DEMO_PASSWORD);
  try {
    const onProject = await again.value<SettableTaskStatus[]>('tasks:list-statuses', {
      projectId: task!.projectId,
    });
    expect(shortNames(onProject).sort()).toEqual(['done', 'wfa', 'wip']);
  } finally {
    await again.close();
  }
});
