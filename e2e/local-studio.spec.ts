import { userInfo } from 'node:os';
import { expect, test } from '@playwright/test';
import { ShotdeskPages } from './support/pages';
import { startDevHost, tempDir, type Running } from './support/processes';
import { DEMO_PASSWORD, withLocalStudio } from './support/session';

test('local studio: desktop-ID login, todo, search, keyboard, and a restart that keeps the session', async ({
  page,
}) => {
  const userData = tempDir('shotdesk-e2e-user-');
  let host: Running | null = await startDevHost(userData.path);
  try {
    const app = new ShotdeskPages(page);
    await page.goto(host.url);
    await app.shot('welcome');
    await app.openLocalStudio();

    // The identifier is the OS user name: the demo artist's desktop ID.
    await expect(page.getByTestId('login-identifier')).toHaveValue(userInfo().username);
    await expect(page.getByTestId('storage-warning')).toBeVisible();
    await app.shot('login');
    await app.logIn(DEMO_PASSWORD);

    await expect(page.getByTestId('current-user')).toHaveText('Jordan Reyes');
    await expect(app.todoRows().first()).toBeVisible();
    await app.shot('todo');
    const total = await app.taskCount();
    expect(total).toBeGreaterThan(5);
    await expect(page.getByTestId('todo-count')).toHaveText(`${total} tasks`);

    const firstEntity = (
      await app.todoRows().first().getByTestId('todo-entity').innerText()
    ).trim();
    const sequence = firstEntity.split(' / ')[0]!;
    await page.getByTestId('todo-search').fill(sequence);
    await expect(page.getByTestId('todo-count')).toHaveText(new RegExp(`of ${total} tasks`));
    const shown = await app.taskCount();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(total);
    for (const entity of await page.getByTestId('todo-entity').allInnerTexts()) {
      expect(entity).toContain(sequence);
    }
    await page.getByTestId('todo-search').fill('no task has this name');
    await expect(page.getByTestId('todo-empty')).toContainText('No task matches');
    await page.getByTestId('todo-search').fill('');
    await expect(page.getByTestId('todo-count')).toHaveText(`${total} tasks`);

    await page.getByTestId('todo-list').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(app.todoRows().nth(1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog')).toContainText(
      await app.todoRows().nth(1).getByTestId('todo-entity').innerText(),
    );
    await page.keyboard.press('Escape');

    await page.getByTestId('filter-statusIds').click();
    await page.getByRole('option', { name: 'Todo', exact: true }).click();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('todo-count')).toHaveText(new RegExp(`of ${total} tasks`));
    const todoOnly = await app.taskCount();
    for (const status of await page.getByTestId('todo-status').allInnerTexts()) {
      expect(status.trim().toLowerCase()).toBe('todo');
    }

    await page.getByTestId('tab-done').click();
    await expect(page.getByTestId('tab-done')).toHaveAttribute('aria-selected', 'true');

    // A new launch of the app: new token, same user data. No login form, same tab.
    await host.stop();
    host = await startDevHost(userData.path);
    await page.goto(host.url);
    await expect(page.getByTestId('todo-screen')).toBeVisible({ timeout: 90_000 });
    await expect(page.getByTestId('current-user')).toHaveText('Jordan Reyes');
    await expect(page.getByTestId('tab-done')).toHaveAttribute('aria-selected', 'true');
    // The status filter persisted too.
    await page.getByTestId('tab-todo').click();
    await expect(page.getByTestId('todo-count')).toHaveText(`${todoOnly} of ${total} tasks`);
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect(page.getByTestId('todo-count')).toHaveText(`${total} tasks`);

    await page.getByTestId('logout').click();
    await expect(page.getByTestId('welcome')).toBeVisible();
  } finally {
    await host?.stop();
    userData.remove();
  }
});

test('task panel: the thread of a task, and a comment with a status change', async ({ page }) => {
  await withLocalStudio(page, async ({ app }) => {
    await expect(app.todoRows().first()).toBeVisible();

    // A task in progress has a seeded history.
    const taskRow = app.todoRow(await app.firstTaskWithStatus('wip'));
    const entity = (await taskRow.getByTestId('todo-entity').innerText()).trim();
    await taskRow.dblclick();

    const panel = page.getByTestId('task-panel');
    await expect(page.getByRole('dialog')).toContainText(entity);
    await expect(panel.getByTestId('task-panel-status')).toHaveText('Work In Progress');
    const comments = panel.getByTestId('comment');
    await expect(comments.first()).toBeVisible();
    const seeded = await comments.count();
    expect(seeded).toBeGreaterThan(0);
    await expect(comments.first().getByTestId('comment-status-chip')).toHaveText('wip');
    await expect(panel.getByTestId('comment-status')).toHaveValue('Work In Progress');
    // Nothing to post yet: same status, no text.
    await expect(panel.getByTestId('comment-post')).toBeDisabled();

    const text = 'First pass is up.\nPlease check the <b>timing</b> of the jump.';
    await panel.getByTestId('comment-text').fill(text);
    await panel.getByTestId('comment-status').click();
    await page.getByRole('option', { name: 'Waiting For Approval', exact: true }).click();
    await panel.getByTestId('comment-post').click();

    await expect(comments).toHaveCount(seeded + 1);
    const newest = comments.first();
    // Plain text with its line break, never HTML.
    await expect(newest.getByTestId('comment-text-body')).toHaveText(text);
    await expect(newest.locator('b')).toHaveCount(0);
    await expect(newest.getByTestId('comment-status-chip')).toHaveText('wfa');
    await expect(newest.getByTestId('comment-author')).toHaveText('Jordan Reyes');
    await expect(panel.getByTestId('comment-text')).toHaveValue('');
    await expect(panel.getByTestId('task-panel-status')).toHaveText('Waiting For Approval');
    await app.shot('task-panel');

    await page.keyboard.press('Escape');
    await expect(taskRow.getByTestId('todo-status')).toHaveText('wfa');
    // The server agrees: after a reload, the row still shows the new status.
    await page.reload();
    await expect(taskRow.getByTestId('todo-status')).toHaveText('wfa');
  });
});
