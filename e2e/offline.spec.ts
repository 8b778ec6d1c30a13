import { expect, test, type Page } from '@playwright/test';
import { studioApi, type StudioApi } from '../src-main/test-support/studio-api';
import { ShotdeskPages } from './support/pages';
import { withProxiedStudio } from './support/proxied-studio';
import { startDevHost, startKitsuServer, tempDir, type Running } from './support/processes';
import { DEMO_PASSWORD } from './support/session';

// Jordan writes while the server is away. The server is a real src-server in a child process
// (stopped and started again on the same data dir and port), or reached through a proxy that
// the test cuts; what landed is checked through the API.

const JORDAN = 'jordan.reyes@example.com';

interface StatusRow {
  id: string;
  short_name: string;
}

async function statusIds(api: StudioApi): Promise<Record<string, string>> {
  const rows = (await api.expectOk('GET', '/data/task-status')) as StatusRow[];
  return Object.fromEntries(rows.map((row) => [row.short_name, row.id]));
}

async function commentsWith(api: StudioApi, taskId: string, text: string) {
  const rows = (await api.expectOk('GET', `/data/tasks/${taskId}/comments`)) as {
    text: string;
    task_status_id: string;
  }[];
  return rows.filter((row) => row.text === text);
}

/** Logs Jordan in and opens his first task in progress; answers its id. */
async function openTaskInProgress(page: Page, app: ShotdeskPages, hostUrl: string) {
  await page.goto(hostUrl);
  await app.logIn(DEMO_PASSWORD, JORDAN);
  await expect(app.todoRows().first()).toBeVisible();
  const taskId = await app.firstTaskWithStatus('wip');
  await app.todoRow(taskId).dblclick();
  const composer = page.getByTestId('comment-composer');
  // The statuses the composer offers are loaded while the server is there.
  await expect(composer.getByTestId('comment-status')).toHaveValue('Work In Progress');
  return taskId;
}

async function writeComment(page: Page, text: string, status: string): Promise<void> {
  const composer = page.getByTestId('comment-composer');
  await composer.getByTestId('comment-text').fill(text);
  await composer.getByTestId('comment-status').click();
  await page.getByRole('option', { name: status, exact: true }).click();
  await composer.getByTestId('comment-post').click();
  await expect(composer.getByTestId('comment-text')).toHaveValue('');
}

test('offline: a comment with a status change waits, survives a restart, and lands once', async ({
  page,
}) => {
  const serverData = tempDir('shotdesk-e2e-server-');
  const userData = tempDir('shotdesk-e2e-user-');
  let server: Running = await startKitsuServer(serverData.path);
  const port = Number(new URL(server.url).port);
  let host: Running = await startDevHost(userData.path, { serverUrl: server.url });
  try {
    const app = new ShotdeskPages(page);
    const taskId = await openTaskInProgress(page, app, host.url);
    const panel = page.getByTestId('task-panel');
    const text = 'Blocking done for the whole shot, written on the train.';

    await server.stop();
    await writeComment(page, text, 'Waiting For Approval');
    const mine = panel.getByTestId('comment').filter({ hasText: text });
    await expect(mine).toHaveAttribute('data-outbox-state', 'pending');
    await expect(mine.getByTestId('comment-outbox-state')).toHaveText('Waiting to send');
    await expect(page.getByTestId('pending-writes')).toHaveText('1 waiting to send');
    await app.shot('offline-pending');

    // Logging out now would leave it behind: the app says what happens to it.
    await page.keyboard.press('Escape');
    await page.getByTestId('logout').click();
    const warning = page.getByRole('dialog', { name: 'Log out with changes not sent yet?' });
    await expect(warning).toContainText(
      'It stays on this computer and is sent the next time you log in here as Jordan Reyes',
    );
    await expect(warning).toHaveCSS('opacity', '1');
    await app.shot('offline-logout-warning');
    await warning.getByRole('button', { name: 'Stay logged in' }).click();
    await expect(warning).toBeHidden();
    await expect(page.getByTestId('current-user')).toHaveText('Jordan Reyes');

    // The app restarts while the server is still away: the session, the todo list and the
    // thread come from the cache file, and the comment is still there, waiting.
    await host.stop();
    host = await startDevHost(userData.path, { serverUrl: server.url });
    await page.goto(host.url);
    await expect(page.getByTestId('current-user')).toHaveText('Jordan Reyes');
    await expect(page.getByTestId('pending-writes')).toHaveText('1 waiting to send');
    await expect(app.todoRow(taskId).getByTestId('todo-status')).toHaveText('wfa');
    await app.todoRow(taskId).dblclick();
    await expect(mine).toHaveAttribute('data-outbox-state', 'pending');
    await expect(panel.getByTestId('comment').nth(1)).toBeVisible();
    await app.shot('offline-thread-after-restart');
    await page.keyboard.press('Escape');
    await page.getByTestId('pending-writes').click();
    const list = page.getByTestId('pending-writes-list');
    await expect(list).toContainText('One change waits on this computer');
    await expect(list).toHaveCSS('opacity', '1');
    await app.shot('offline-pending-after-restart', { keepPointer: true });
    await page.keyboard.press('Escape');

    // The server comes back where it was: the comment lands, once, with its status.
    server = await startKitsuServer(serverData.path, { port });
    await expect(page.getByTestId('pending-writes')).toBeHidden({ timeout: 60_000 });
    await expect(app.todoRow(taskId).getByTestId('todo-status')).toHaveText('wfa');
    await app.todoRow(taskId).dblclick();
    await expect(mine).toBeVisible();
    await expect(mine).not.toHaveAttribute('data-outbox-state', /.+/);
    await expect(mine.getByTestId('comment-status-chip')).toHaveText('wfa');
    const jordan = await studioApi(server.url, JORDAN, DEMO_PASSWORD);
    const statuses = await statusIds(jordan);
    const landed = await commentsWith(jordan, taskId, text);
    expect(landed).toHaveLength(1);
    expect(landed[0]!.task_status_id).toBe(statuses.wfa);
    const task = (await jordan.expectOk('GET', `/data/tasks/${taskId}`)) as {
      task_status_id: string;
    };
    expect(task.task_status_id).toBe(statuses.wfa);
    await app.shot('offline-landed');
  } finally {
    await host.stop();
    await server.stop();
    userData.remove();
    serverData.remove();
  }
});

test('offline: a status change that met someone else’s is shown as a conflict and resolved', async ({
  page,
}) => {
  // The app reaches the server through a proxy the test cuts; people reach it directly.
  await withProxiedStudio(async ({ server, proxy, host }) => {
    const app = new ShotdeskPages(page);
    const taskId = await openTaskInProgress(page, app, host.url);
    const panel = page.getByTestId('task-panel');
    const text = 'Animation polished, ready for review.';

    proxy.goOffline();
    await writeComment(page, text, 'Waiting For Approval');
    const mine = panel.getByTestId('comment').filter({ hasText: text });
    await expect(mine).toHaveAttribute('data-outbox-state', 'pending');

    // Meanwhile Tom, the supervisor, asks for a retake.
    const tom = await studioApi(server.url, 'tom.becker@example.com', DEMO_PASSWORD);
    const statuses = await statusIds(tom);
    await tom.expectOk('POST', `/actions/tasks/${taskId}/comment`, {
      task_status_id: statuses.retake,
      comment: 'The arm pops at frame 12, retake please.',
    });

    proxy.goOnline();
    const conflict = panel.getByTestId('outbox-conflict');
    await expect(conflict).toBeVisible({ timeout: 60_000 });
    await expect(conflict.getByTestId('conflict-reason')).toHaveText(
      'Tom Becker set the status to Retake meanwhile.',
    );
    await expect(conflict.getByTestId('conflict-text')).toHaveText(text);
    await expect(mine.getByTestId('comment-outbox-state')).toHaveText('Conflict');
    await expect(page.getByTestId('pending-writes')).toHaveText('1 not sent');
    await app.shot('offline-conflict');
    // Nothing of it reached the server.
    expect(await commentsWith(tom, taskId, text)).toEqual([]);

    // From the header too: the pending count lists it and opens its task.
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await page.getByTestId('pending-writes').click();
    const list = page.getByTestId('pending-writes-list');
    await expect(list).toContainText('Tom Becker set the status to Retake meanwhile.');
    await expect(list).toContainText('SQ');
    await expect(list).toHaveCSS('opacity', '1');
    await app.shot('offline-conflict-list', { keepPointer: true });
    await page.getByTestId('pending-conflict-open').click();
    await expect(conflict).toBeVisible();

    await conflict.getByTestId('conflict-post-without-status').click();
    await expect(conflict).toBeHidden({ timeout: 30_000 });
    await expect(page.getByTestId('pending-writes')).toBeHidden({ timeout: 30_000 });
    await expect(mine).not.toHaveAttribute('data-outbox-state', /.+/);
    const landed = await commentsWith(tom, taskId, text);
    expect(landed).toHaveLength(1);
    expect(landed[0]!.task_status_id).toBe(statuses.retake);
    const task = (await tom.expectOk('GET', `/data/tasks/${taskId}`)) as {
      task_status_id: string;
    };
    expect(task.task_status_id).toBe(statuses.retake);
    await expect(app.todoRow(taskId).getByTestId('todo-status')).toHaveText('retake');
    await app.shot('offline-conflict-resolved');
  });
});

test('offline: a reply, an acknowledgement and logged time wait, then land once', async ({
  page,
}) => {
  // The app reaches the server through a proxy the test cuts; people reach it directly.
  await withProxiedStudio(async ({ server, proxy, host }) => {
    const app = new ShotdeskPages(page);
    const taskId = await openTaskInProgress(page, app, host.url);
    const panel = page.getByTestId('task-panel');
    const tom = await studioApi(server.url, 'tom.becker@example.com', DEMO_PASSWORD);
    const jordan = await studioApi(server.url, JORDAN, DEMO_PASSWORD);
    const notes = (await tom.expectOk('POST', `/actions/tasks/${taskId}/comment`, {
      task_status_id: (await statusIds(tom)).wip,
      comment: 'Smooth the arc of the jump.',
    })) as { id: string };
    const toms = panel.getByTestId('comment').filter({ hasText: 'Smooth the arc of the jump.' });
    await expect(toms).toBeVisible();

    proxy.goOffline();
    await toms.getByTestId('comment-reply-open').click();
    await toms.getByTestId('reply-text').fill('Will do, tonight.');
    await toms.getByTestId('reply-send').click();
    const reply = toms.getByTestId('comment-reply');
    await expect(reply).toHaveAttribute('data-outbox-state', 'pending');
    await expect(reply.getByTestId('comment-outbox-state')).toHaveText('Waiting to send');

    await toms.getByTestId('comment-ack').click();
    await expect(toms.getByTestId('comment-ack')).toHaveAttribute('data-acknowledged', 'true');
    await expect(toms.getByTestId('comment-ack-pending')).toHaveText('Waiting to send');

    const time = panel.getByTestId('task-time-log');
    await time.getByTestId('duration-input').fill('1h30');
    await time.getByTestId('duration-input').press('Enter');
    await expect(time.getByTestId('duration-status')).toHaveText('Waiting to send');
    await expect(page.getByTestId('pending-writes')).toHaveText('3 waiting to send');
    await app.shot('offline-reply-ack-time');

    proxy.goOnline();
    await expect(page.getByTestId('pending-writes')).toBeHidden({ timeout: 60_000 });
    await expect(reply).not.toHaveAttribute('data-outbox-state', /.+/);
    await expect(toms.getByTestId('comment-ack-pending')).toHaveCount(0);
    await expect(time.getByTestId('duration-status')).not.toHaveText('Waiting to send');
    const stored = (await jordan.expectOk('GET', `/data/comments/${notes.id}`)) as {
      replies: { text: string }[];
      acknowledgements: string[];
    };
    expect(stored.replies.map((row) => row.text)).toEqual(['Will do, tonight.']);
    expect(stored.acknowledgements).toEqual([jordan.personId]);
    const today = await page.getByTestId('task-time-log').getAttribute('data-date');
    const spent = (await jordan.expectOk(
      'GET',
      `/data/user/tasks/${taskId}/time-spents/${today}`,
    )) as {
      duration: number;
    };
    expect(spent.duration).toBe(90);
  });
});
