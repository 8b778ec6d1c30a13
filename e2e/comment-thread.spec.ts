import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { callDevHost } from './support/dev-host-call';
import { localStudioApi, withLocalStudio } from './support/session';

test('comment thread: Markdown without HTML, a mention, a reply, an ack, a checklist tick and a download', async ({
  page,
}) => {
  await withLocalStudio(page, async ({ app, host, userDataDir }) => {
    await expect(app.todoRows().first()).toBeVisible();

    // Tom, the supervisor, comments on a task in progress through the API, with a checklist
    // and a file, in Markdown sprinkled with HTML that must never run.
    const taskId = await app.firstTaskWithStatus('wip');
    const tom = await localStudioApi(host.url, 'tom.becker@example.com');
    const task = await tom.get(`/data/tasks/${taskId}`);
    const text = [
      '@Jordan Reyes the **jump** needs another pass:',
      '',
      '- tighten the arc',
      '- hold the landing',
      '',
      'Reference: [the arc study](https://example.com/arc) or [this](javascript:window.__pwned=3)',
      '<script>window.__pwned = 1</script>',
      '<img src=x onerror="window.__pwned = 2">',
    ].join('\n');
    const fileBytes = new TextEncoder().encode('frame 12: contact\nframe 14: squash\n');
    const form = new FormData();
    form.append('task_status_id', task.body.task_status_id);
    form.append('comment', text);
    form.append(
      'checklist',
      JSON.stringify([
        { text: 'Retime the contact', checked: false },
        { text: 'Fix the arm pop', checked: false },
      ]),
    );
    form.append('file', new Blob([fileBytes], { type: 'text/plain' }), 'arc-notes.txt');
    const posted = await tom.post(`/actions/tasks/${taskId}/comment`, form);
    expect(posted.status).toBe(201);
    const commentId = posted.body.id as string;

    await app.todoRow(taskId).dblclick();
    const panel = page.getByTestId('task-panel');
    const comment = panel.locator(`[data-testid="comment"][data-comment-id="${commentId}"]`);
    await expect(comment.getByTestId('comment-author')).toHaveText('Tom Becker');

    // Markdown renders; the HTML shows as text and never runs; links open only http(s).
    const body = comment.getByTestId('comment-text-body');
    await expect(body.locator('strong')).toHaveText('jump');
    await expect(body.locator('li')).toHaveText(['tighten the arc', 'hold the landing']);
    const link = body.getByRole('link', { name: 'the arc study' });
    await expect(link).toHaveAttribute('href', 'https://example.com/arc');
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(body.getByRole('link')).toHaveCount(1);
    await expect(body).toContainText('<script>window.__pwned = 1</script>');
    await expect(body).toContainText('<img src=x onerror="window.__pwned = 2">');
    await expect(body.locator('script, img')).toHaveCount(0);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();

    // The mention of the reader stands out.
    const mention = body.getByTestId('comment-mention');
    await expect(mention).toHaveText('@Jordan Reyes');
    await expect(mention).toHaveAttribute('data-self', 'true');
    await app.shot('comment-thread-markdown');

    // Reply from the keyboard: the box opens focused, Ctrl+Enter sends.
    await comment.getByTestId('comment-reply-open').click();
    await expect(comment.getByTestId('reply-text')).toBeFocused();
    await page.keyboard.type('On it, @Tom Becker will ping you');
    await app.shot('comment-thread-reply-box');
    await page.keyboard.press('Control+Enter');
    const reply = comment.getByTestId('comment-reply');
    await expect(reply).toHaveCount(1);
    await expect(reply.getByTestId('reply-author')).toHaveText('Jordan Reyes');
    await expect(reply.getByTestId('reply-text-body')).toHaveText(
      'On it, @Tom Becker will ping you',
    );
    await expect(reply.getByTestId('comment-mention')).toHaveText('@Tom Becker');
    await expect(comment.getByTestId('reply-box')).toHaveCount(0);
    await expect(comment.getByTestId('comment-reply-open')).toBeFocused();

    // Acknowledge, as the server then sees it.
    const ack = comment.getByTestId('comment-ack');
    await expect(ack).toHaveAttribute('aria-pressed', 'false');
    await ack.click();
    await expect(ack).toHaveAttribute('aria-pressed', 'true');
    await expect(comment.getByTestId('comment-ack-count')).toHaveText('1');

    // Tick the first item with the mouse and the second from the keyboard.
    const items = comment.getByTestId('checklist-item');
    await items.nth(0).click();
    await expect(items.nth(0)).toBeChecked();
    await items.nth(1).focus();
    await page.keyboard.press('Space');
    await expect(items.nth(1)).toBeChecked();

    // The file lands in the downloads folder; a second copy never overwrites the first.
    const chip = comment.getByTestId('attachment-chip');
    await expect(chip).toContainText('arc-notes.txt');
    await chip.click();
    const downloads = join(userDataDir, 'downloads');
    const first = join(downloads, 'arc-notes.txt');
    await expect(comment.getByTestId('attachment-saved')).toHaveText(`Saved to ${first}`);
    expect(new Uint8Array(readFileSync(first))).toEqual(fileBytes);
    await chip.click();
    await expect(comment.getByTestId('attachment-saved')).toHaveText(
      `Saved to ${join(downloads, 'arc-notes (1).txt')}`,
    );
    await app.shot('comment-thread-actions');

    // Tom takes the file back. Kitsu says nothing of it, but the thread follows the server:
    // with Tom's next word on the comment, the file is gone from it too. (A download of a file
    // gone meanwhile says so: src-main/tasks/comment-thread.test.ts.)
    const attachmentId = (await tom.get(`/data/comments/${commentId}`)).body.attachment_files[0]
      .id as string;
    const removed = await tom.send(
      'DELETE',
      `/data/tasks/${taskId}/comments/${commentId}/attachments/${attachmentId}`,
    );
    expect(removed.status).toBe(204);
    const answered = await tom.post(`/data/tasks/${taskId}/comments/${commentId}/reply`, {
      text: 'Took the notes back, the new ones follow.',
    });
    expect(answered.status).toBe(200);
    await expect(reply).toHaveCount(2);
    await expect(chip).toHaveCount(0);

    // The server agrees on the ack, the ticks and the reply.
    const stored = await tom.get(`/data/comments/${commentId}`);
    const session = await callDevHost(host.url, 'session:state', {});
    const jordanId = session.status === 'logged-in' ? session.user.id : '';
    expect(stored.body.acknowledgements).toEqual([jordanId]);
    expect(stored.body.checklist).toEqual([
      { text: 'Retime the contact', checked: true },
      { text: 'Fix the arm pop', checked: true },
    ]);
    // Jordan's reply once, then Tom's.
    expect(stored.body.replies).toHaveLength(2);
    expect(stored.body.replies[0]).toMatchObject({
      text: 'On it, @Tom Becker will ping you',
      person_id: jordanId,
    });
  });
});
