import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { callDevHost } from './support/dev-host-call';
import { withLocalStudio } from './support/session';

// Jordan maps the demo tree's /mnt/studio to a folder of this computer, opens a task: the
// working file's path shows there, its folder is created under the mapped root, and a render
// written into the task's preview folder is offered for publishing.

test('working files: the path on this computer, its folder, and a render offered to publish', async ({
  page,
}) => {
  const prod = mkdtempSync(join(tmpdir(), 'shotdesk-e2e-prod-'));
  try {
    await withLocalStudio(page, async ({ app, host }) => {
      await expect(app.todoRows().first()).toBeVisible();
      await page.getByTestId('settings-open').click();
      const settings = page.getByRole('dialog', { name: 'Settings' });
      await settings.getByTestId('settings-mount-add').click();
      await settings.getByLabel('Mount point in the file tree').fill('/mnt/studio');
      await settings.getByLabel('Folder on this computer').fill(prod);
      await app.shot('settings-dialog');
      await settings.getByTestId('settings-save').click();
      await expect(settings).toBeHidden();

      const taskId = await app.firstTaskWithStatus('todo');
      await app.todoRow(taskId).dblclick();
      const files = page.getByTestId('files-section');
      await expect(files.getByTestId('files-path')).toContainText(prod);
      await expect(files.getByTestId('files-path')).toContainText('_main_v001');
      await files.getByTestId('files-create-folder').click();
      await expect(files.getByTestId('files-create-folder')).toHaveText('Folder exists');

      const path = await callDevHost(host.url, 'files:working-path', { taskId });
      expect(path.localFolder!.startsWith(prod)).toBe(true);
      expect(existsSync(path.localFolder!)).toBe(true);
      expect(existsSync(path.previewFolder!)).toBe(true);

      const render = join(path.previewFolder!, 'sh_layout_v002.png');
      await sharp({ create: { width: 320, height: 180, channels: 3, background: '#2a6' } })
        .png()
        .toFile(render);
      const offer = files.getByTestId('render-offer');
      await expect(offer).toContainText('sh_layout_v002.png', { timeout: 20_000 });
      await app.shot('files-render-offer');
      await offer.getByTestId('render-publish').click();
      const dialog = page.getByRole('dialog', { name: /^Publish on / });
      await expect(dialog.getByTestId('publish-file')).toHaveAttribute('data-accepted', 'true');
      await expect(dialog.getByTestId('publish-file')).toContainText('sh_layout_v002.png');
    });
  } finally {
    rmSync(prod, { recursive: true, force: true });
  }
});
