import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PUBLISH_FILE_BYTES_MAX } from '../../src-shared/publish';
import { createAppServices } from '../app-services';
import { normalizeApiUrl } from '../kitsu/api-url';
import { osUserName } from '../os-user';
import { FileSecretStore } from '../session/file-secret-store';
import { AppStateStore } from '../settings/app-state-store';
import { sourceServerCommand } from '../studio/server-command';
import { parseDevHostArgs } from './cli-args';
import { startDevHost } from './dev-host-server';
import { staticRenderer } from './static-renderer';
import { viteRenderer } from './vite-renderer';

const APP_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

/** `npm run web -- --port N`: the renderer in any browser, main's services behind it. */
async function main(): Promise<void> {
  const args = parseDevHostArgs(process.argv.slice(2));
  if (args.serverUrl) {
    const store = new AppStateStore(join(args.userDataDir, 'shotdesk-state.json'));
    await store.rememberServer(
      { kind: 'remote', url: args.serverUrl },
      normalizeApiUrl(args.serverUrl),
    );
  }
  const services = createAppServices({
    userDataDir: args.userDataDir,
    secrets: new FileSecretStore(join(args.userDataDir, 'session.json')),
    serverCommand: sourceServerCommand(APP_ROOT, process.execPath),
    appInfo: {
      osUserName: osUserName(),
      platform: process.platform,
      version: process.env.npm_package_version ?? 'dev',
    },
    downloadsDir: args.downloadsDir ?? undefined,
  });
  const { rendererDir } = args;
  if (rendererDir && !existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`${rendererDir} has no index.html: build the renderer first (npm run build)`);
  }
  const host = await startDevHost({
    port: args.port,
    dispatch: services.dispatch,
    events: services.events,
    staging: {
      root: join(args.userDataDir, 'dev-host-staging'),
      // Publishes carry movies; attachments keep their own cap when main opens them.
      maxBytes: PUBLISH_FILE_BYTES_MAX,
      grant: (path) => services.grantedFiles.grant(path),
    },
    media: services.media,
    onMediaAddress: (address) => services.setMediaAddress(address),
    renderer: async (server) => {
      if (!rendererDir) return viteRenderer(APP_ROOT, server);
      return { handle: staticRenderer(rendererDir), close: async () => {} };
    },
  });
  console.log(`Shotdesk web UI: ${host.url}`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void Promise.allSettled([host.close(), services.shutdown()]).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`shotdesk-web: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
