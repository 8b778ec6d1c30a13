import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppServices } from '../../app-services';
import { osUserName } from '../../os-user';
import { FileSecretStore } from '../../session/file-secret-store';
import { sourceServerCommand } from '../../studio/server-command';

/**
 * Main's services in a process of their own, on the user-data folder given as argument, driven
 * by the parent over Node's IPC channel: `{ id, channel, input }` in, `{ id, result }` out. A
 * test can kill it (SIGKILL) at any moment, as a crash or a power cut does, and start it again.
 */

const APP_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const userDataDir = process.argv[2];
if (!userDataDir || !process.send) {
  throw new Error('usage: fork app-process.ts <user-data-dir> (with an IPC channel)');
}

const services = createAppServices({
  userDataDir,
  secrets: new FileSecretStore(join(userDataDir, 'session.json')),
  serverCommand: sourceServerCommand(APP_ROOT, process.execPath),
  appInfo: { osUserName: osUserName(), platform: process.platform, version: 'test' },
  downloadsDir: join(userDataDir, 'Downloads'),
});

process.on('message', (message: { id: number; channel: string; input: unknown }) => {
  void services.dispatch(message.channel as never, message.input).then((result) => {
    process.send!({ id: message.id, result });
  });
});
process.send({ ready: true });
