import { expect, test } from '@playwright/test';
import { call } from '../src-server/test-support/http-client';
import { callDevHost } from './support/dev-host-call';
import { ShotdeskPages } from './support/pages';
import { startDevHost, startKitsuServer, tempDir, type Running } from './support/processes';

const DEMO_PASSWORD = 'shotdesk-demo';

/** A demo person logged in through the studio's HTTP API, as any other Kitsu client. */
async function apiAs(apiUrl: string, email: string) {
  const login = await call('POST', `${apiUrl}/auth/login`, {
    body: { email, password: DEMO_PASSWORD },
  });
  expect(login.status).toBe(200);
  const token = login.body.access_token as string;
  return async (method: string, path: string, body?: unknown) => {
    const answer = await call(method, `${apiUrl}${path}`, { token, body });
    expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.body)}`).toBeLessThan(300);
    return answer.body;
  };
}

test('live updates: another person’s comment, status and assignment appear by themselves', async ({
  page,
}) => {
  const userData = tempDir('shotdesk-e2e-user-');
  const host = await startDevHost(userData.path);
  try {
    const app = new ShotdeskPages(page);
    await page.goto(host.url);
    await app.openLocalStudio();
    await app.logIn(DEMO_PASSWORD);
    await expect(app.todoRows().first()).toBeVisible();
    const indicator = page.getByTestId('live-indicator');
    await expect(indicator).toHaveAttribute('data-status', 'connected');
    await expect(indicator).toHaveText('Live');

    // A task in progress, opened in the panel.
    const row = app.todoRows().filter({ has: page.getByTestId('todo-status').getByText('wip') });
    const taskId = (await row.first().getAttribute('data-task-id'))!;
    const taskRow = page.locator(`[data-testid="todo-row"][data-task-id="${taskId}"]`);
    await taskRow.dblclick();
    const panel = page.getByTestId('task-panel');
    const comments = panel.getByTestId('comment');
    await expect(comments.first()).toBeVisible();
    const before = await comments.count();

    // Tom, the supervisor, asks for a retake through the API.
    const { apiUrl } = await callDevHost(host.url, 'studio:open-local', {});
    const asTom = await apiAs(apiUrl, 'tom.becker@example.com');
    const statuses = (await asTom('GET', '/data/task-status')) as {
      id: string;
      short_name: string;
      is_done: boolean;
    }[];
    const retake = statuses.find((status) => status.short_name === 'retake')!;
    const text = 'The jump lands a frame late, please retime the contact.';
    await asTom('POST', `/actions/tasks/${taskId}/comment`, {
      task_status_id: retake.id,
      comment: text,
    });

    await expect(comments).toHaveCount(before + 1);
    await expect(comments.first().getByTestId('comment-text-body')).toHaveText(text);
    await expect(comments.first().getByTestId('comment-author')).toHaveText('Tom Becker');
    await expect(panel.getByTestId('task-panel-status')).toHaveText('Retake');
    await expect(taskRow.getByTestId('todo-status')).toHaveText('retake');
    await app.shot('live-comment');
    await page.keyboard.press('Escape');

    // Priya, the manager, gives Jordan one more task of the same project.
    const total = await app.taskCount();
    await expect(page.getByTestId('todo-count')).toHaveText(`${total} tasks`);
    const asPriya = await apiAs(apiUrl, 'priya.raman@example.com');
    const [jordan] = (await asPriya('GET', '/data/persons?first_name=Jordan&last_name=Reyes')) as {
      id: string;
    }[];
    const mine = (await asPriya('GET', `/data/tasks/${taskId}`)) as { project_id: string };
    const tasks = (await asPriya(
      'GET',
      `/data/tasks?project_id=${mine.project_id}&relations=true`,
    )) as {
      id: string;
      assignees: string[];
      task_status_id: string;
    }[];
    const doneIds = new Set(statuses.filter((status) => status.is_done).map((status) => status.id));
    const other = tasks.find(
      (task) => !task.assignees.includes(jordan!.id) && !doneIds.has(task.task_status_id),
    )!;
    await asPriya('PUT', `/actions/tasks/${other.id}/assign`, { person_id: jordan!.id });

    await expect(page.getByTestId('todo-count')).toHaveText(`${total + 1} tasks`);
    expect(await app.taskCount()).toBe(total + 1);

    await indicator.hover();
    const tooltip = page.getByRole('tooltip');
    await expect(tooltip).toContainText('appear as they happen');
    await expect(tooltip).toHaveCSS('opacity', '1');
    const shots = process.env.SHOTDESK_SHOTS_DIR;
    if (shots) await page.screenshot({ path: `${shots}/live-indicator.png` });
  } finally {
    await host.stop();
    userData.remove();
  }
});

test('live updates: says when they are paused because the server went away', async ({ page }) => {
  const serverData = tempDir('shotdesk-e2e-server-');
  const userData = tempDir('shotdesk-e2e-user-');
  let server: Running | null = await startKitsuServer(serverData.path);
  const host = await startDevHost(userData.path, server.url);
  try {
    const app = new ShotdeskPages(page);
    await page.goto(host.url);
    await app.logIn(DEMO_PASSWORD, 'jordan.reyes@example.com');
    await expect(app.todoRows().first()).toBeVisible();
    const indicator = page.getByTestId('live-indicator');
    await expect(indicator).toHaveAttribute('data-status', 'connected');

    await server.stop();
    server = null;
    await expect(indicator).toHaveAttribute('data-status', 'disconnected');
    await expect(indicator).toHaveText('Offline — updates paused');
    await indicator.hover();
    const tooltip = page.getByRole('tooltip');
    await expect(tooltip).toContainText(/Cannot reach http:\/\/127\.0\.0\.1:\d+ for live updates/);
    await expect(tooltip).toContainText('keeps trying to reconnect');
    await expect(tooltip).toHaveCSS('opacity', '1');
    const shots = process.env.SHOTDESK_SHOTS_DIR;
    if (shots) await page.screenshot({ path: `${shots}/live-offline.png` });
  } finally {
    await host.stop();
    await server?.stop();
    userData.remove();
    serverData.remove();
  }
});
