import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { publishPreviewFile } from '../src-main/test-support/publish-preview';
import { localStudioApi, withLocalStudio } from './support/session';

// A generated movie whose every frame has its own grey level proves that stepping lands on
// the exact frame: after each step the frame on screen (read from the video into a canvas)
// must be the one the counter shows, forward and back, at 24 and at 23.976 fps.

const FRAMES = 48;

function greyRampMovie(name: string, rate: string): string {
  const path = test.info().outputPath(name);
  execFileSync('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-f', 'lavfi',
    '-i', `color=c=black:s=320x180:r=${rate}`,
    '-frames:v', String(FRAMES),
    '-vf', 'geq=lum=20+N*4:cb=128:cr=128,format=yuv420p',
    '-c:v', 'libx264', '-g', '1', '-qp', '0', '-y', path,
  ]); // prettier-ignore
  return path;
}

/** The grey level of the frame on screen, drawn from the `<video>` into a canvas. */
function shownLevel(page: Page, side = 0): Promise<number> {
  return page
    .getByTestId('preview-player')
    .locator('video')
    .nth(side)
    .evaluate((video) => {
      const dom = globalThis as any;
      const canvas = dom.document.createElement('canvas');
      canvas.width = 16;
      canvas.height = 16;
      const context = canvas.getContext('2d');
      context.drawImage(video, 0, 0, 16, 16);
      return context.getImageData(8, 8, 1, 1).data[0] as number;
    });
}

/**
 * The grey level once the video has a frame to draw and no seek in flight: before its first
 * frame a video draws as black, which would throw the calibration off by a frame.
 */
async function settledLevel(page: Page): Promise<number> {
  const video = page.getByTestId('preview-player').locator('video').first();
  await expect
    .poll(() =>
      video.evaluate((element) => {
        const media = element as unknown as { readyState: number; seeking: boolean };
        return media.readyState >= 2 && !media.seeking;
      }),
    )
    .toBe(true);
  let level = await shownLevel(page);
  // Two equal readings in a row: the frame on screen is the one the seek asked for.
  await expect
    .poll(async () => {
      const previous = level;
      level = await shownLevel(page);
      return level === previous;
    })
    .toBe(true);
  return level;
}

async function shownFrame(page: Page): Promise<number> {
  const readout = page.getByTestId('player-frame');
  return Number(await readout.getAttribute('data-frame'));
}

for (const rate of ['24', '23.976']) {
  test(`player: stepping lands on the exact frame at ${rate} fps`, async ({ page }) => {
    const movie = greyRampMovie(`ramp-${rate}.mp4`, rate === '24' ? '24' : '24000/1001');
    await withLocalStudio(page, async ({ app, host }) => {
      await expect(app.todoRows().first()).toBeVisible();
      const taskId = await app.firstTaskWithStatus('todo');
      const jordan = await localStudioApi(host.url, 'jordan.reyes@example.com');
      const admin = await localStudioApi(host.url, 'admin@example.com');
      const task = (await jordan.expectOk('GET', `/data/tasks/${taskId}`)) as {
        project_id: string;
      };
      await admin.expectOk('PUT', `/data/projects/${task.project_id}`, { fps: rate });
      await publishPreviewFile(jordan, taskId, movie);

      await app.todoRow(taskId).dblclick();
      const player = page.getByTestId('preview-player');
      const readout = player.getByTestId('player-frame');
      await expect(readout).toContainText(`/ ${FRAMES}`, { timeout: 30_000 });
      await player.focus();

      // Calibrate on the first and the last frame, then every step must read as its frame.
      await page.keyboard.press('Home');
      await expect(readout).toHaveAttribute('data-frame', '0');
      const first = await settledLevel(page);
      await page.keyboard.press('End');
      await expect(readout).toHaveAttribute('data-frame', String(FRAMES - 1));
      const last = await settledLevel(page);
      const perFrame = (last - first) / (FRAMES - 1);
      expect(perFrame).toBeGreaterThan(3);
      const frameOfLevel = (level: number) => Math.round((level - first) / perFrame);

      await page.keyboard.press('Home');
      await expect(readout).toHaveAttribute('data-frame', '0');
      for (let expected = 1; expected <= 30; expected++) {
        await page.keyboard.press('ArrowRight');
        await expect(readout).toHaveAttribute('data-frame', String(expected));
        await expect.poll(async () => frameOfLevel(await shownLevel(page))).toBe(expected);
      }
      for (let expected = 29; expected >= 20; expected--) {
        await player.getByTestId('player-back').click();
        await expect(readout).toHaveAttribute('data-frame', String(expected));
        await expect.poll(async () => frameOfLevel(await shownLevel(page))).toBe(expected);
      }
      expect(await shownFrame(page)).toBe(20);
      await app.shot(`player-${rate}`);
    });
  });
}

test('player: two revisions side by side stay on the same frame', async ({ page }) => {
  const movie = greyRampMovie('ramp-compare.mp4', '24');
  await withLocalStudio(page, async ({ app, host }) => {
    await expect(app.todoRows().first()).toBeVisible();
    const taskId = await app.firstTaskWithStatus('todo');
    const jordan = await localStudioApi(host.url, 'jordan.reyes@example.com');
    const admin = await localStudioApi(host.url, 'admin@example.com');
    const task = (await jordan.expectOk('GET', `/data/tasks/${taskId}`)) as { project_id: string };
    await admin.expectOk('PUT', `/data/projects/${task.project_id}`, { fps: '24' });
    await publishPreviewFile(jordan, taskId, movie);
    await publishPreviewFile(jordan, taskId, movie);

    await app.todoRow(taskId).dblclick();
    const player = page.getByTestId('preview-player');
    await expect(player.getByTestId('player-frame')).toContainText(`/ ${FRAMES}`, {
      timeout: 30_000,
    });
    await player.getByTestId('player-compare').click();
    await page.getByRole('option', { name: 'Compare with v1' }).click();
    await expect(player.getByTestId('preview-stage')).toHaveCount(2);
    await expect(player.locator('video')).toHaveCount(2);
    await player.focus();
    for (let step = 0; step < 12; step++) await page.keyboard.press('ArrowRight');
    await expect(player.getByTestId('player-frame')).toHaveAttribute('data-frame', '12');
    await expect
      .poll(async () => Math.abs((await shownLevel(page, 0)) - (await shownLevel(page, 1))))
      .toBeLessThanOrEqual(2);
    await page.keyboard.press('End');
    await expect
      .poll(async () => Math.abs((await shownLevel(page, 0)) - (await shownLevel(page, 1))))
      .toBeLessThanOrEqual(2);
    await app.shot('player-compare');
  });
});
