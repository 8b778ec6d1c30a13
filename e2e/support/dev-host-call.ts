import WebSocket from 'ws';
import type { ChannelInput, ChannelName, ChannelOutput, IpcResult } from '../../src-shared/ipc';
import {
  DEV_HOST_IPC_PATH,
  type DevHostServerMessage,
} from '../../src-shared/ipc/dev-host-protocol';

/**
 * Calls one channel of a running dev host from the test, as its page would (same Origin, the
 * per-launch token): e.g. `studio:open-local` answers the local studio's API URL, so that a
 * test can act on that studio as another person.
 */
export function callDevHost<C extends ChannelName>(
  hostUrl: string,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const page = new URL(hostUrl);
  const token = new URLSearchParams(page.hash.slice(1)).get('token') ?? '';
  const socket = new WebSocket(`ws://${page.host}${DEV_HOST_IPC_PATH}`, { origin: page.origin });
  return new Promise<ChannelOutput<C>>((resolve, reject) => {
    socket.on('open', () => socket.send(JSON.stringify({ type: 'hello', token })));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as DevHostServerMessage;
      if (message.type === 'ready') {
        socket.send(JSON.stringify({ type: 'call', id: 1, channel, input }));
      } else if (message.type === 'result') {
        const result = message.result as IpcResult<ChannelOutput<C>>;
        if (result.ok) resolve(result.value);
        else reject(new Error(`${channel}: ${result.error.code}: ${result.error.message}`));
        socket.close();
      } else if (message.type === 'refused') {
        reject(new Error(`The dev host refused the test: ${message.message}`));
      }
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error(`The dev host closed before answering ${channel}`)));
  });
}
