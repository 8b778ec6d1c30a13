import { expect, test } from '@playwright/test';
import { ShotdeskPages } from './support/pages';
import { startDevHost, startKitsuServer, tempDir, type Running } from './support/processes';
import { DEMO_PASSWORD } from './support/session';

// Jordan reads while the server is away: a real src-server in a child process, stopped and
// started again on the same data dir and port; the page is reloaded in between, so what shows
// comes from main's cache file, not from the page's memory.

test('offline cache: the todo list and an opened thread still show without the server', async ({
  page,
}) => {
  const serverData = tempDir('shotdesk-e2e-server-');
  const userData = tempDir('shotdesk-e2e-user-');
  let server: Running = await startKitsuServer(serverData.path);
  const port = Number(new URL(server.url).port);
  const host = await startDevHost(userData.path, { serverUrl: server.url });
  try {
    const app = new ShotdeskPages(page);
    await page.goto(host.url);
    await app.logIn(DEMO_PASSWORD, 'jordan.reyes@example.com');
    await expect(app.todoRows().first()).toBeVisible();
    const indicator = page.getByTestId('sync-indicator');
    // The sync after login ends: online, with a time.
    await expect(indicator).toHaveAttribute('data-status', 'online', { timeout: 60_000 });
    await expect(indicator).toHaveText('Online');
    const total = await app.taskCount();

    // A task of the list, opened: its thread loads.
    const taskId = await app.firstTaskWithStatus('wip');
    await app.todoRow(taskId).dblclick();
    const panel = page.getByTestId('task-panel');
    const comments = panel.getByTestId('comment');
    await expect(comments.first()).toBeVisible();
    const texts = await comments.getByTestId('comment-text-body').allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    await page.keyboard.press('Escape');

    await server.stop();
    await page.reload();
    await expect(page.getByTestId('current-user')).toHaveText('Jordan Reyes');
    await expect(app.todoRows().first()).toBeVisible();
    expect(await app.taskCount()).toBe(total);
    await app.todoRow(taskId).dblclick();
    await expect(comments).toHaveCount(texts.length);
    expect(await comments.getByTestId('comment-text-body').allTextContents()).toEqual(texts);
    // Reading found the server gone: the header says the data is the cached one.
    await expect(indicator).toHaveAttribute('data-status', 'offline', { timeout: 30_000 });
    await expect(indicator).toHaveText('Offline — showing cached data');
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await indicator.hover();
    const tooltip = page.getByRole('tooltip');
    await expect(tooltip).toContainText('The server cannot be reached');
    await expect(tooltip).toContainText(/Last synced .+\./);
    await expect(tooltip).toHaveCSS('opacity', '1');
    await app.shot('offline-cache', { keepPointer: true });

    // The server comes back where it was: the probe finds it.
    server = await startKitsuServer(serverData.path, { port });
    await expect(indicator).toHaveAttribute('data-status', 'online', { timeout: 60_000 });
    await expect(indicator).toHaveText('Online');
    await page.mouse.move(0, 0);
    await app.shot('offline-cache-back');
  } finally {
    await host.stop();
    await server.stop();
    userData.remove();
    serverData.remove();
  }
});
