import { expect, test } from '@playwright/test';
import { ShotdeskPages } from './support/pages';
import { startKitsuServer, tempDir } from './support/processes';
import { DEMO_PASSWORD, localStudioApi, withDevHost, withLocalStudio } from './support/session';

test('live updates: another person’s comment, status and assignment appear by themselves', async ({
  page,
}) => {
  await withLocalStudio(page, async ({ app, host }) => {
    await expect(app.todoRows().first()).toBeVisible();
    const indicator = page.getByTestId('live-indicator');
    await expect(indicator).toHaveAttribute('data-status', 'connected');
    await expect(indicator).toHaveText('Live');

    // A task in progress, opened in the panel.
    const taskId = await app.firstTaskWithStatus('wip');
    const taskRow = app.todoRow(taskId);
    await taskRow.dblclick();
    const panel = page.getByTestId('task-panel');
    const comments = panel.getByTestId('comment');
    await expect(comments.first()).toBeVisible();
    const before = await comments.count();

    // Tom, the supervisor, asks for a retake through the API.
    const tom = await localStudioApi(host.url, 'tom.becker@example.com');
    const statuses = (await tom.expectOk('GET', '/data/task-status')) as {
      id: string;
      short_name: string;
      is_done: boolean;
    }[];
    const retake = statuses.find((status) => status.short_name === 'retake')!;
    const text = 'The jump lands a frame late, please retime the contact.';
    await tom.expectOk('POST', `/actions/tasks/${taskId}/comment`, {
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
    const priya = await localStudioApi(host.url, 'priya.raman@example.com');
    const [jordan] = (await priya.expectOk(
      'GET',
      '/data/persons?first_name=Jordan&last_name=Reyes',
    )) as {
      id: string;
    }[];
    const mine = (await priya.expectOk('GET', `/data/tasks/${taskId}`)) as { project_id: string };
    const tasks = (await priya.expectOk(
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
    await priya.expectOk('PUT', `/actions/tasks/${other.id}/assign`, { person_id: jordan!.id });

    await expect(page.getByTestId('todo-count')).toHaveText(`${total + 1} tasks`);
    expect(await app.taskCount()).toBe(total + 1);

    await indicator.hover();
    const tooltip = page.getByRole('tooltip');
    await expect(tooltip).toContainText('appear as they happen');
    await expect(tooltip).toHaveCSS('opacity', '1');
    await app.shot('live-indicator', { keepPointer: true });
  });
});

test('live updates: says when they are paused because the server went away', async ({ page }) => {
  const serverData = tempDir('shotdesk-e2e-server-');
  const server = await startKitsuServer(serverData.path);
  try {
    await withDevHost(server.url, async ({ host }) => {
      const app = new ShotdeskPages(page);
      await page.goto(host.url);
      await app.logIn(DEMO_PASSWORD, 'jordan.reyes@example.com');
      await expect(app.todoRows().first()).toBeVisible();
      const indicator = page.getByTestId('live-indicator');
      await expect(indicator).toHaveAttribute('data-status', 'connected');

      await server.stop();
      await expect(indicator).toHaveAttribute('data-status', 'disconnected');
      await expect(indicator).toHaveText('Offline — updates paused');
      await indicator.hover();
      const tooltip = page.getByRole('tooltip');
      await expect(tooltip).toContainText(
        /Cannot reach http:\/\/127\.0\.0\.1:\d+ for live updates/,
      );
      await expect(tooltip).toContainText('keeps trying to reconnect');
      await expect(tooltip).toHaveCSS('opacity', '1');
      await app.shot('live-offline', { keepPointer: true });
    });
  } finally {
    await server.stop();
    serverData.remove();
  }
});
