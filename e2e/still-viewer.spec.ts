import { execFileSync } from 'node:child_process';
import { expect, test, type Locator } from '@playwright/test';
import { publishPreviewFile } from '../src-main/test-support/publish-preview';
import { localStudioApi, withLocalStudio } from './support/session';

// A picture preview zooms about the point under the pointer (that point stays put), pans by
// dragging, and fits or shows 1:1 from the keyboard; the panel around it never scrolls.

function testCard(): string {
  const path = test.info().outputPath('card.png');
  execFileSync('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=s=1600x900',
    '-frames:v', '1', '-y', path,
  ]); // prettier-ignore
  return path;
}

/** Where a page point falls on the image, as fractions of its width and height. */
async function pointOnImage(image: Locator, x: number, y: number) {
  const box = (await image.boundingBox())!;
  return { u: (x - box.x) / box.width, v: (y - box.y) / box.height };
}

test('still viewer: the wheel zooms about the pointer, dragging pans, keys fit and 1:1', async ({
  page,
}) => {
  const card = testCard();
  await withLocalStudio(page, async ({ app, host }) => {
    await expect(app.todoRows().first()).toBeVisible();
    const taskId = await app.firstTaskWithStatus('todo');
    const jordan = await localStudioApi(host.url, 'jordan.reyes@example.com');
    await publishPreviewFile(jordan, taskId, card);

    await app.todoRow(taskId).dblclick();
    const viewer = page.getByTestId('still-viewer');
    const image = viewer.locator('img');
    await expect(image).toBeVisible({ timeout: 30_000 });
    await expect(viewer).toHaveAttribute('data-zoom', 'fit');
    // The player's arrival above them leaves the panel's sections whole and single.
    const panel = page.getByTestId('task-panel');
    await expect(panel.getByTestId('files-section')).toHaveCount(1);
    await expect(panel.getByTestId('comment-composer')).toHaveCount(1);
    const frame = (await viewer.boundingBox())!;
    const fitted = (await image.boundingBox())!;
    // Fitted: the whole 16:9 picture, as wide as the 16:9 stage.
    expect(Math.abs(fitted.width - frame.width)).toBeLessThan(2);

    const scroller = await viewer.evaluate((element) => {
      let node = element.parentElement;
      while (node && node.scrollHeight <= node.clientHeight) node = node.parentElement;
      return node ? node.scrollTop : -1;
    });
    const pointer = { x: frame.x + frame.width * 0.3, y: frame.y + frame.height * 0.4 };
    const before = await pointOnImage(image, pointer.x, pointer.y);
    await page.mouse.move(pointer.x, pointer.y);
    await page.mouse.wheel(0, -120);
    await expect(viewer).not.toHaveAttribute('data-zoom', 'fit');
    await page.mouse.wheel(0, -120);
    await expect
      .poll(async () => (await image.boundingBox())!.width)
      .toBeGreaterThan(fitted.width * 1.5);
    const after = await pointOnImage(image, pointer.x, pointer.y);
    expect(after.u).toBeCloseTo(before.u, 2);
    expect(after.v).toBeCloseTo(before.v, 2);
    expect(
      await viewer.evaluate((element) => {
        let node = element.parentElement;
        while (node && node.scrollHeight <= node.clientHeight) node = node.parentElement;
        return node ? node.scrollTop : -1;
      }),
    ).toBe(scroller);
    await app.shot('still-viewer-zoomed');

    // A drag moves the picture with the pointer.
    const zoomed = (await image.boundingBox())!;
    await page.mouse.move(pointer.x, pointer.y);
    await page.mouse.down();
    await page.mouse.move(pointer.x + 60, pointer.y + 25, { steps: 4 });
    await page.mouse.up();
    await expect
      .poll(async () => {
        const dragged = (await image.boundingBox())!;
        return [Math.round(dragged.x - zoomed.x), Math.round(dragged.y - zoomed.y)];
      })
      .toEqual([60, 25]);

    // Zoomed this far, the reduced picture Kitsu keeps was enough.
    await expect(image).toHaveAttribute('data-source', 'picture');

    // From the keyboard: 1 shows one pixel of the full-size original per screen pixel.
    await viewer.focus();
    await page.keyboard.press('1');
    await expect(image).toHaveAttribute('data-source', 'original');
    await expect(viewer).toHaveAttribute('data-zoom', '1.0000');
    await expect(page.getByTestId('still-zoom')).toHaveText('100%');
    await expect(page.getByTestId('still-actual-size')).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(async () => Math.round((await image.boundingBox())!.width)).toBe(1600);
    await app.shot('still-viewer-original');
    await page.keyboard.press('0');
    await expect(viewer).toHaveAttribute('data-zoom', 'fit');
    // Fitted, the readout says how large that is.
    await expect(page.getByTestId('still-fit')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('still-zoom')).toHaveText(/^\d+%$/);
  });
});
