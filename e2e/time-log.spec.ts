import { expect, test, type Locator, type Page } from '@playwright/test';
import { formatDuration } from '../src-renderer/screens/time-log/duration-text';
import type { ShotdeskPages } from './support/pages';
import { DEMO_PASSWORD, withLocalStudio } from './support/session';

const SUPERVISOR_EMAIL = 'tom.becker@example.com';

/** The first row of the sheet with no time on the day. */
async function rowWithoutTime(page: Page): Promise<Locator> {
  const rows = page.getByTestId('time-row');
  await expect(rows.first()).toBeVisible();
  for (let index = 0; index < (await rows.count()); index += 1) {
    const row = rows.nth(index);
    if ((await row.getByTestId('duration-input').inputValue()) === '') return row;
  }
  throw new Error('every task already has time today');
}

/** Screenshots wait until drawers and dialogs have finished moving in or out. */
async function shotWhenSettled(app: ShotdeskPages, name: string): Promise<void> {
  await app.page.waitForFunction(() => {
    // Runs in the page, which has the DOM this file is not compiled with.
    const page = globalThis as unknown as { document: { getAnimations(): Animation[] } };
    return page.document.getAnimations().every((animation) => animation.playState !== 'running');
  });
  await app.shot(name);
}

interface Animation {
  playState: string;
}

const minutesOf = async (total: Locator) => Number(await total.getAttribute('data-minutes'));

test('time sheet: log time on a task, change the day, the task panel, a day off', async ({
  page,
}) => {
  await withLocalStudio(page, async ({ app }) => {
    await expect(app.todoRows().first()).toBeVisible();

    await page.getByTestId('tab-time').click();
    const sheet = page.getByTestId('time-sheet');
    const total = page.getByTestId('time-total');
    await expect(total).toHaveAttribute('data-minutes', /\d+/);
    const today = (await sheet.getAttribute('data-date'))!;
    await expect(page.getByTestId('time-date')).toHaveValue(today);
    await expect(page.getByTestId('time-today')).toBeDisabled();
    // The demo may have logged some time today already.
    const before = await minutesOf(total);

    const row = await rowWithoutTime(page);
    const taskId = (await row.getAttribute('data-task-id'))!;
    const input = row.getByTestId('duration-input');
    await input.fill('1h30');
    await input.press('Enter');
    await expect(row.getByTestId('duration')).toHaveAttribute('data-state', 'saved');
    await expect(row.getByTestId('duration-status')).toHaveText('✓ Saved');
    await expect(input).toHaveValue('1h 30m');
    await expect(total).toHaveText(`Total ${formatDuration(before + 90)}`);
    // The task's whole time reads like the day's: hours and minutes, at least the 1h 30m.
    await expect(row.getByTestId('time-task-spent')).toHaveText(/^\d+h( \d+m)?$/);
    await shotWhenSettled(app, 'time-sheet');

    // A wrong entry says so and saves nothing; Escape gives the saved value back.
    await input.fill('an hour');
    await input.press('Enter');
    await expect(row.getByTestId('duration')).toHaveAttribute('data-state', 'invalid');
    await expect(row.getByTestId('duration-status')).toContainText('Not a duration');
    await input.press('Escape');
    await expect(input).toHaveValue('1h 30m');

    // Another day has no time on the task; back to today, the time is still there.
    await page.getByTestId('time-next-day').click();
    await expect(sheet).not.toHaveAttribute('data-date', today);
    const sameRow = page.locator(`[data-testid="time-row"][data-task-id="${taskId}"]`);
    await expect(sameRow.getByTestId('duration-input')).toHaveValue('');
    await expect(page.getByTestId('time-today')).toBeEnabled();
    await page.getByTestId('time-today').click();
    await expect(sheet).toHaveAttribute('data-date', today);
    await expect(sameRow.getByTestId('duration-input')).toHaveValue('1h 30m');

    // The task panel shows the same time, and a change there reaches the sheet.
    await sameRow.getByTestId('time-row-entity').click();
    const panelTime = page.getByTestId('task-panel').getByTestId('task-time-log');
    await expect(panelTime).toContainText('Time spent today');
    await expect(panelTime.getByTestId('duration-input')).toHaveValue('1h 30m');
    await expect(panelTime.getByTestId('task-time-day-total')).toHaveText(
      `Day total ${formatDuration(before + 90)}`,
    );
    await shotWhenSettled(app, 'task-panel-time');
    await panelTime.getByTestId('duration-input').fill('2h');
    await panelTime.getByTestId('duration-input').press('Enter');
    await expect(panelTime.getByTestId('duration')).toHaveAttribute('data-state', 'saved');
    await expect(panelTime.getByTestId('task-time-day-total')).toHaveText(
      `Day total ${formatDuration(before + 120)}`,
    );
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('task-panel')).toBeHidden();
    await expect(sameRow.getByTestId('duration-input')).toHaveValue('2h');

    // A day off, after a warning: the day's time goes, the inputs are disabled.
    await page.getByTestId('day-off-toggle').click();
    const confirm = page.getByRole('dialog', { name: /as a day off\?/ });
    await expect(confirm).toContainText(`The ${formatDuration(before + 120)} logged on this day`);
    await shotWhenSettled(app, 'time-day-off-confirm');
    await page.getByTestId('day-off-description').fill('Dentist');
    await page.getByTestId('day-off-confirm-button').click();
    await expect(page.getByTestId('day-off-banner')).toContainText('Dentist');
    await expect(page.getByTestId('day-off-toggle')).toBeChecked();
    await expect(total).toHaveText('Total 0m');
    await expect(sameRow.getByTestId('duration-input')).toBeDisabled();
    await expect(sameRow.getByTestId('duration-input')).toHaveValue('');
    await shotWhenSettled(app, 'time-day-off');

    await page.getByTestId('day-off-toggle').click();
    await expect(page.getByTestId('day-off-banner')).toBeHidden();
    await expect(page.getByTestId('day-off-toggle')).not.toBeChecked();
    await expect(sameRow.getByTestId('duration-input')).toBeEnabled();

    // The tab is remembered.
    await page.reload();
    await expect(page.getByTestId('tab-time')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('time-sheet')).toBeVisible();
  });
});

test('to check: a supervisor sees the tasks waiting for review; an artist has no such tab', async ({
  page,
}) => {
  await withLocalStudio(
    page,
    async ({ app }) => {
      await expect(page.getByTestId('current-user')).toHaveText('Tom Becker');

      await page.getByTestId('tab-to-check').click();
      await expect(page.getByTestId('tab-to-check')).toHaveAttribute('aria-selected', 'true');
      await expect(app.todoRows().first()).toBeVisible();
      const waiting = await app.taskCount();
      expect(waiting).toBeGreaterThan(0);
      for (const status of await page.getByTestId('todo-status').allInnerTexts()) {
        expect(status.trim().toLowerCase()).toBe('wfa');
      }
      await shotWhenSettled(app, 'to-check');

      // Keyboard and search work as on the todo list.
      await page.getByTestId('todo-list').focus();
      await page.keyboard.press('ArrowDown');
      await expect(app.todoRows().first()).toHaveAttribute('aria-selected', 'true');
      await page.keyboard.press('Enter');
      const panel = page.getByTestId('task-panel');
      await expect(panel).toContainText('Waiting For Approval');
      // Kitsu takes time only from a task's assignees: the panel says so before anyone tries.
      const panelTime = panel.getByTestId('task-time-log');
      await expect(panelTime.getByTestId('task-time-day-total')).toHaveText(
        'Only the task’s assignees log time on it.',
      );
      await expect(panelTime.getByTestId('duration-input')).toBeDisabled();
      await shotWhenSettled(app, 'to-check-panel');
      await page.keyboard.press('Escape');
      await page.getByTestId('todo-search').fill('no task has this name');
      await expect(page.getByTestId('todo-empty')).toContainText('No task matches');
      await page.getByTestId('todo-search').fill('');

      await page.reload();
      await expect(page.getByTestId('tab-to-check')).toHaveAttribute('aria-selected', 'true');
      await expect(app.todoRows()).toHaveCount(waiting);

      // Jordan, an artist, on the same app: no To-check tab, and the todo list instead.
      await page.getByTestId('logout').click();
      await app.openLocalStudio();
      await app.logIn(DEMO_PASSWORD, 'jordan.reyes@example.com');
      await expect(page.getByTestId('current-user')).toHaveText('Jordan Reyes');
      await expect(page.getByTestId('tab-todo')).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByTestId('tab-to-check')).toHaveCount(0);
      await expect(app.todoRows().first()).toBeVisible();
    },
    { identifier: SUPERVISOR_EMAIL },
  );
});
