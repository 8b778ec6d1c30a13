import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { _electron as electron, expect, test } from '@playwright/test';
import { APP_ROOT } from './support/paths';
import { tempDir } from './support/processes';

function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

test('Electron smoke: the built app opens its window on the welcome screen', async () => {
  if (!binary) console.log('Electron smoke test skipped: no Electron binary on this machine.');
  test.skip(!binary, 'no Electron binary on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD)');
  execFileSync(
    process.execPath,
    [`${APP_ROOT}/node_modules/electron-vite/bin/electron-vite.js`, 'build'],
    {
      cwd: APP_ROOT,
      stdio: 'inherit',
    },
  );
  const userData = tempDir('shotdesk-e2e-electron-');
  const app = await electron.launch({
    executablePath: binary!,
    args: [`${APP_ROOT}/out/main/index.js`, `--user-data-dir=${userData.path}`],
    cwd: APP_ROOT,
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByTestId('welcome')).toBeVisible();
    expect(await window.evaluate(() => typeof (window as any).require)).toBe('undefined');
  } finally {
    await app.close();
    userData.remove();
  }
});
