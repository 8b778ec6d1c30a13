import {
  startCuttableProxy,
  type CuttableProxy,
} from '../../src-main/live/test-support/cuttable-proxy';
import { startDevHost, startKitsuServer, tempDir, type Running } from './processes';

export interface ProxiedStudio {
  /** The demo server, reached directly (what it holds, seen past the app). */
  server: Running;
  /** Between the app and the server: the test cuts the network here. */
  proxy: CuttableProxy;
  /** The dev host, whose app reaches the server through the proxy. */
  host: Running;
}

/**
 * A demo src-server in a child process, a cuttable proxy in front of it and a dev host whose
 * app goes through the proxy, on fresh data dirs; all stopped and removed after `body`.
 */
export async function withProxiedStudio(body: (studio: ProxiedStudio) => Promise<void>) {
  const serverData = tempDir('shotdesk-e2e-server-');
  const userData = tempDir('shotdesk-e2e-user-');
  const server = await startKitsuServer(serverData.path);
  const api = new URL(server.url);
  const proxy = await startCuttableProxy({ host: api.hostname, port: Number(api.port) });
  const host = await startDevHost(userData.path, { serverUrl: `${proxy.origin}${api.pathname}` });
  try {
    await body({ server, proxy, host });
  } finally {
    await host.stop();
    await proxy.close();
    await server.stop();
    userData.remove();
    serverData.remove();
  }
}
