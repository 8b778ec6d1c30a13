import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { studioApi } from '../src-main/test-support/studio-api';
import { dropFiles } from './support/drop-files';
import { ShotdeskPages } from './support/pages';
import { withProxiedStudio } from './support/proxied-studio';
import { DEMO_PASSWORD, localStudioApi, withLocalStudio } from './support/session';

// Jordan drops a render and a movie on one of his tasks: one comment, one revision with two
// previews; the server converts the movie, and the thread shows both ready.

const JORDAN = 'jordan.reyes@example.com';

async function renders(): Promise<{ png: string; movie: string }> {
  const png = test.info().outputPath('sh020_layout.png');
  await sharp({ create: { width: 640, height: 360, channels: 3, background: '#c0503a' } })
    .png()
    .toFile(png);
  const movie = test.info().outputPath('sh020_layout.mp4');
  execFileSync('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-f', 'lavfi',
    '-i', 'testsrc2=size=640x360:rate=24:duration=2',
    '-pix_fmt', 'yuv420p', '-c:v', 'libx264', '-y', movie,
  ]); // prettier-ignore
  return { png, movie };
}

test('publish: a PNG and an MP4 dropped on a task become one comment with two previews', async ({
  page,
}) => {
  const { png, movie } = await renders();
  await withLocalStudio(page, async ({ app, host }) => {
    await expect(app.todoRows().first()).toBeVisible();
    const taskId = await app.firstTaskWithStatus('wip');

    await dropFiles(app.todoRow(taskId), [png, movie]);
    const dialog = page.getByRole('dialog', { name: /^Publish on / });
    await expect(dialog).toBeVisible();
    const rows = dialog.getByTestId('publish-file');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toHaveAttribute('data-accepted', 'true');
    await expect(rows.nth(1)).toHaveAttribute('data-accepted', 'true');
    // The movie is looked at before it goes: a frame of it, its size, rate and length, and
    // a word that the project (25 fps) plays at another rate.
    await expect(rows.nth(1).getByTestId('publish-file-facts')).toContainText(
      '640×360 · 24 fps · 2.0 s',
    );
    await expect(rows.nth(1).locator('img')).toHaveAttribute('src', /^data:image\/png;base64,/);
    await expect(rows.nth(1).getByTestId('publish-file-rate')).toContainText(
      'The project plays at 25 fps',
    );
    await expect(rows.nth(0).getByTestId('publish-file-rate')).toHaveCount(0);
    await expect(dialog.getByTestId('publish-status')).toHaveValue('Waiting For Approval');
    await dialog.getByTestId('publish-text').fill('Layout v2: camera moved closer.');
    await dialog.getByTestId('publish-set-main').check();
    await app.shot('publish-dialog');

    await dialog.getByTestId('publish-submit').click();
    await expect(dialog.getByTestId('publish-state')).toBeVisible();
    await expect(dialog.getByTestId('publish-ready')).toBeVisible({ timeout: 90_000 });
    await expect(dialog.getByTestId('publish-file-progress')).toHaveCount(2);
    await app.shot('publish-done');
    await dialog.getByTestId('publish-close').click();

    const jordan = await localStudioApi(host.url, JORDAN);
    const comments = (await jordan.expectOk('GET', `/data/tasks/${taskId}/comments`)) as {
      text: string;
      previews: { position: number; revision: number; extension: string; status: string }[];
    }[];
    const mine = comments.filter((comment) => comment.text === 'Layout v2: camera moved closer.');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.previews.map((p) => [p.position, p.extension, p.status])).toEqual([
      [1, 'png', 'ready'],
      [2, 'mp4', 'ready'],
    ]);

    await app.todoRow(taskId).dblclick();
    const published = page
      .getByTestId('task-panel')
      .getByTestId('comment')
      .filter({ hasText: 'Layout v2: camera moved closer.' });
    await expect(published.getByTestId('comment-preview')).toHaveCount(2);
    await expect(published.getByTestId('comment-preview').nth(1)).toHaveAttribute(
      'data-status',
      'ready',
    );
    await expect(app.todoRow(taskId).getByTestId('todo-status')).toHaveText('wfa');
    // The new main preview illustrates the task: in its row and the panel's header.
    await expect(app.todoRow(taskId).getByTestId('todo-thumbnail')).toBeVisible();
    await expect(page.getByTestId('task-panel-thumbnail')).toBeVisible();
    await app.shot('publish-thread');

    // The movie plays from the thread: the player opens on it and the frames move.
    await published.getByTestId('comment-preview').nth(1).click();
    const player = page.getByTestId('preview-player');
    await expect(player.getByTestId('preview-stage')).toHaveAttribute('data-kind', 'movie');
    await expect(player.getByTestId('player-frame')).toContainText(/ \/ 50 /);
    await player.getByTestId('player-play').click();
    await expect
      .poll(async () => Number(await player.getByTestId('player-frame').getAttribute('data-frame')))
      .toBeGreaterThan(5);
    await app.shot('publish-plays');
  });
});

test('publish offline: kept on this computer, then it lands once after reconnect', async ({
  page,
}) => {
  const { png } = await renders();
  // The app reaches the server through a proxy the test cuts; people reach it directly.
  await withProxiedStudio(async ({ server, proxy, host }) => {
    const app = new ShotdeskPages(page);
    await page.goto(host.url);
    await app.logIn(DEMO_PASSWORD, JORDAN);
    await expect(app.todoRows().first()).toBeVisible();
    const taskId = await app.firstTaskWithStatus('wip');
    await app.todoRow(taskId).dblclick();
    const panel = page.getByTestId('task-panel');
    await expect(panel.getByTestId('comment-composer')).toBeVisible();

    proxy.goOffline();
    await dropFiles(panel.getByTestId('publish-open'), [png]);
    const dialog = page.getByRole('dialog', { name: /^Publish on / });
    await expect(dialog.getByTestId('publish-file')).toHaveAttribute('data-accepted', 'true');
    await dialog.getByTestId('publish-text').fill('Written offline: new layout.');
    await dialog.getByTestId('publish-submit').click();
    await expect(dialog.getByTestId('publish-offline')).toBeVisible({ timeout: 30_000 });
    await app.shot('publish-offline');
    await dialog.getByTestId('publish-close').click();
    await expect(page.getByTestId('pending-writes')).toHaveText('1 waiting to send');
    const mine = panel.getByTestId('comment').filter({ hasText: 'Written offline: new layout.' });
    await expect(mine).toHaveAttribute('data-outbox-state', 'pending');
    await expect(mine.getByTestId('comment-preview')).toHaveAttribute('data-status', 'uploading');

    proxy.goOnline();
    await expect(page.getByTestId('pending-writes')).toBeHidden({ timeout: 60_000 });
    await expect(mine).not.toHaveAttribute('data-outbox-state', /.+/);
    await expect(mine.getByTestId('comment-preview')).toHaveAttribute('data-status', 'ready');
    const jordan = await studioApi(server.url, JORDAN, DEMO_PASSWORD);
    const comments = (await jordan.expectOk('GET', `/data/tasks/${taskId}/comments`)) as {
      text: string;
      previews: unknown[];
    }[];
    const landed = comments.filter((comment) => comment.text === 'Written offline: new layout.');
    expect(landed).toHaveLength(1);
    expect(landed[0]!.previews).toHaveLength(1);
  });
});
