import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { localStudioApi, withLocalStudio } from './support/session';

test('comment composer: a mention picked by keyboard, a checklist, a file and a status change', async ({
  page,
}) => {
  await withLocalStudio(page, async ({ app, host }) => {
    await expect(app.todoRows().first()).toBeVisible();

    const taskId = await app.firstTaskWithStatus('todo');
    const taskRow = app.todoRow(taskId);
    await taskRow.dblclick();
    const panel = page.getByTestId('task-panel');
    const composer = panel.getByTestId('comment-composer');
    const text = composer.getByTestId('comment-text');
    const suggestions = page.getByTestId('mention-suggestions');

    // `@` offers the team; Escape closes the list, not the panel.
    await text.click();
    await text.pressSequentially('@');
    await expect(suggestions).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(suggestions).toBeHidden();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Backspace');

    // Type a few letters, move with the arrows, insert with Enter.
    await text.pressSequentially('The elbow pops at frame 1042, @be');
    const options = suggestions.getByTestId('mention-option');
    await expect(options.first()).toContainText('Tom Becker');
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await app.shot('composer-mention');
    const count = await options.count();
    await page.keyboard.press('ArrowDown');
    await expect(options.nth(count > 1 ? 1 : 0)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowUp');
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(suggestions).toBeHidden();
    await expect(text).toHaveValue('The elbow pops at frame 1042, @Tom Becker ');
    await text.pressSequentially('can you look?');

    // Two checklist items; Enter in one adds the next.
    await composer.getByTestId('checklist-add').click();
    await page.keyboard.type('Fix the elbow');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Re-render frames 1040-1050');
    const items = composer.getByTestId('checklist-item-text');
    await expect(items).toHaveCount(2);
    await expect(items.nth(1)).toHaveValue('Re-render frames 1040-1050');
    await composer.getByTestId('checklist-item-checked').first().check();

    // A file through the picker.
    const notes = test.info().outputPath('elbow-notes.txt');
    writeFileSync(notes, 'frame 1042: the elbow pops\n');
    await composer.getByTestId('comment-file-input').setInputFiles(notes);
    await expect(composer.getByTestId('attachment-chip')).toHaveText(['elbow-notes.txt · 27 B']);
    // Dropped files too; one over the cap is refused, with the reason.
    await composer.evaluate((element) => {
      // Runs in the page; e2e code is typed without the DOM library.
      const dom = globalThis as any;
      const transfer = new dom.DataTransfer();
      transfer.items.add(new File(['shot'], 'reference.txt', { type: 'text/plain' }));
      transfer.items.add(new File([new Uint8Array(50 * 1024 * 1024 + 1)], 'whole-shot.mov'));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        element.dispatchEvent(
          new dom.DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
      }
    });
    await expect(composer.getByTestId('attachment-chip')).toHaveText([
      'elbow-notes.txt · 27 B',
      'reference.txt · 4 B',
    ]);
    await expect(composer.getByTestId('attachment-refused')).toContainText(
      '“whole-shot.mov” (50 MB) is larger than 50 MB',
    );
    await composer.getByRole('button', { name: 'Remove reference.txt' }).click();
    await expect(composer.getByTestId('attachment-chip')).toHaveText(['elbow-notes.txt · 27 B']);

    await composer.getByTestId('comment-status').click();
    await page.getByRole('option', { name: 'Work In Progress', exact: true }).click();
    await expect(composer.getByTestId('comment-status')).toHaveValue('Work In Progress');
    await app.shot('composer-filled');

    await composer.getByTestId('comment-post').click();
    // The thread shows the comment with its checklist and its file; the todo row its status.
    const newest = panel.getByTestId('comment').first();
    await expect(newest).toContainText('can you look?');
    await expect(newest).toContainText('Fix the elbow');
    await expect(newest).toContainText('Re-render frames 1040-1050');
    await expect(newest).toContainText('elbow-notes.txt');
    await expect(taskRow.getByTestId('todo-status')).toHaveText('wip');
    await expect(panel.getByTestId('task-panel-status')).toHaveText('Work In Progress');
    // The composer is ready for the next comment.
    await expect(text).toHaveValue('');
    await expect(composer.getByTestId('attachment-chip')).toHaveCount(0);
    await expect(composer.getByTestId('checklist-item')).toHaveCount(0);
    await app.shot('composer-posted');

    // What the server recorded: the mention, the checklist, the file's bytes.
    const tom = await localStudioApi(host.url, 'tom.becker@example.com');
    const comments = await tom.get(`/data/tasks/${taskId}/comments`);
    const stored = comments.body[0];
    expect(stored.text).toBe('The elbow pops at frame 1042, @Tom Becker can you look?');
    expect(stored.mentions).toEqual([tom.personId]);
    expect(stored.checklist).toEqual([
      { text: 'Fix the elbow', checked: true },
      { text: 'Re-render frames 1040-1050', checked: false },
    ]);
    expect(stored.attachment_files).toHaveLength(1);
    const file = stored.attachment_files[0];
    const download = await tom.get(
      `/data/attachment-files/${file.id}/file/${encodeURIComponent(file.name)}`,
    );
    expect(download.body).toBe('frame 1042: the elbow pops\n');
  });
});
