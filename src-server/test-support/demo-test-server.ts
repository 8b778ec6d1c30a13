import type { ServerSettings } from '../context';
import { bootstrapDataDir } from '../seed/bootstrap';
import { startTestServer, type TestServer } from './test-server';

/**
 * A test server in this process with the standard demo production (the demo accounts, their
 * password `shotdesk-demo`): for client tests that also need the server's insides, such as
 * its event bus, to act at an exact moment of a request.
 */
export async function startDemoTestServer(
  settings: Partial<ServerSettings> = {},
): Promise<TestServer> {
  const server = await startTestServer(settings);
  await bootstrapDataDir(server.context, { demo: true, demoSize: 'standard' });
  return server;
}
