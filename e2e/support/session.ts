import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../src-server/seed/demo-accounts';
import { studioApi, type StudioApi } from '../../src-main/test-support/studio-api';
import { callDevHost } from './dev-host-call';
import { ShotdeskPages } from './pages';
import { startDevHost, tempDir, type Running } from './processes';

export { DEMO_PASSWORD };

export interface DevHostSession {
  host: Running;
  /** The dev host's user-data folder; it saves downloads in `downloads` inside it. */
  userDataDir: string;
}

/** A dev host on a fresh user-data folder for one test, stopped and removed after `body`. */
export async function withDevHost(
  serverUrl: string | undefined,
  body: (session: DevHostSession) => Promise<void>,
): Promise<void> {
  const userData = tempDir('shotdesk-e2e-user-');
  const host = await startDevHost(userData.path, { serverUrl });
  try {
    await body({ host, userDataDir: userData.path });
  } finally {
    await host.stop();
    userData.remove();
  }
}

/**
 * A dev host whose page has opened the local studio (with the demo production) and logged in:
 * as the demo artist by his desktop ID, the OS user name, unless `identifier` names another.
 */
export function withLocalStudio(
  page: Page,
  body: (session: DevHostSession & { app: ShotdeskPages }) => Promise<void>,
  options: { identifier?: string } = {},
): Promise<void> {
  return withDevHost(undefined, async (session) => {
    const app = new ShotdeskPages(page);
    await page.goto(session.host.url);
    await app.openLocalStudio();
    await app.logIn(DEMO_PASSWORD, options.identifier);
    await expect(page.getByTestId('current-user')).toBeVisible();
    await body({ ...session, app });
  });
}

/** A demo person on the dev host's local studio, through its HTTP API as any Kitsu client. */
export async function localStudioApi(hostUrl: string, email: string): Promise<StudioApi> {
  const { apiUrl } = await callDevHost(hostUrl, 'studio:open-local', {});
  return studioApi(apiUrl, email, DEMO_PASSWORD);
}
