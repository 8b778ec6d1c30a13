import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { ShotdeskPages } from './support/pages';
import { closedPort, startKitsuServer, tempDir, type Running } from './support/processes';
import { DEMO_PASSWORD, withDevHost } from './support/session';

let kitsu: Running;
let kitsuData: ReturnType<typeof tempDir>;

test.beforeAll(async () => {
  kitsuData = tempDir('shotdesk-e2e-kitsu-');
  kitsu = await startKitsuServer(kitsuData.path);
});
test.afterAll(async () => {
  await kitsu?.stop();
  kitsuData?.remove();
});

test('connecting checks the server; a wrong password says so, then the lockout does', async ({
  page,
}) => {
  await withDevHost(undefined, async ({ host }) => {
    const app = new ShotdeskPages(page);
    await page.goto(host.url);
    await app.connect(`http://127.0.0.1:${await closedPort()}`);
    await expect(page.getByTestId('connect-error')).toContainText('Cannot reach the server');
    await app.shot('welcome-unreachable');

    await app.connect(kitsu.url.replace(/\/api$/, '/'));
    await expect(page.getByTestId('login-server')).toHaveText(kitsu.url);

    await app.logIn('not-the-password', 'mia.chen@example.com');
    await expect(app.loginError()).toContainText('Wrong email, desktop ID or password');
    for (let attempt = 2; attempt <= 5; attempt += 1) {
      await page.getByTestId('login-submit').click();
      await expect(page.getByTestId('login-submit')).not.toHaveAttribute('data-loading');
    }
    await page.getByTestId('login-submit').click();
    await expect(app.loginError()).toContainText('Too many failed login attempts');
    await app.shot('login-locked-out');

    // The server is remembered among the recent ones.
    await page.getByTestId('change-server').click();
    await expect(page.getByTestId('recent-server')).toHaveText(kitsu.url);
  });
});

test('an address that is not a Kitsu server is refused with its message', async ({ page }) => {
  await withDevHost(undefined, async ({ host }) => {
    const app = new ShotdeskPages(page);
    await page.goto(host.url);
    // The dev host's own page answers, but it is no Kitsu API.
    await app.connect(new URL(host.url).origin);
    await expect(page.getByTestId('connect-error')).toContainText('not a Kitsu server');
  });
});

test('a server that went down says so at login', async ({ page }) => {
  const data = tempDir('shotdesk-e2e-kitsu-');
  const doomed = await startKitsuServer(data.path);
  try {
    await withDevHost(doomed.url, async ({ host }) => {
      const app = new ShotdeskPages(page);
      await page.goto(host.url);
      await expect(page.getByTestId('login-server')).toHaveText(doomed.url);
      await doomed.stop();
      await app.logIn(DEMO_PASSWORD, 'jordan.reyes@example.com');
      await expect(app.loginError()).toContainText('Cannot reach the server');
    });
  } finally {
    await doomed.stop();
    data.remove();
  }
});

test('an account with codes by email: asks for one, mails it on request, sends it', async ({
  page,
}) => {
  // Set up as Kitsu's web page would have done it (this server mails nothing).
  const db = new Database(join(kitsuData.path, 'kitsu.db'));
  try {
    db.prepare(
      `UPDATE person SET email_otp_enabled = 1, preferred_two_factor_authentication = 'email_otp'
       WHERE email = ?`,
    ).run('nora.quinn@example.com');
  } finally {
    db.close();
  }
  await withDevHost(undefined, async ({ host }) => {
    const app = new ShotdeskPages(page);
    await page.goto(host.url);
    await app.connect(kitsu.url);
    await app.logIn(DEMO_PASSWORD, 'nora.quinn@example.com');
    await expect(page.getByTestId('otp-prompt')).toBeVisible();
    await expect(page.getByLabel('Code from the email')).toBeVisible();
    await page.getByTestId('login-send-email-otp').click();
    await expect(page.getByTestId('login-email-otp-sent')).toContainText('check your mail');
    await app.shot('login-email-otp');
    await page.getByTestId('login-otp').fill('123456');
    await page.getByTestId('login-submit').click();
    // No mail went out, so no code can match: the code did reach Kitsu as one.
    await expect(app.loginError()).toContainText(/code/i);
    await expect(page.getByTestId('login-otp-use-recovery')).toBeVisible();
  });
});
