import { z } from 'zod';
import type { EventName } from './channel-names';
import type { IpcResult } from './result';

/**
 * The dev host's WebSocket protocol: the renderer's first message carries the per-launch
 * token; calls and results pair by id; events flow from main unasked.
 */
export const DEV_HOST_IPC_PATH = '/ipc';

/**
 * Where the renderer uploads a file the person chose (Chromium gives it no path): the raw
 * bytes as the body, the token and the file's name in headers; the answer is `{ path }`, a
 * file ref main then accepts, or `{ error: { code, message } }`.
 */
export const DEV_HOST_STAGE_PATH = '/stage-file';
export const DEV_HOST_TOKEN_HEADER = 'x-shotdesk-token';
/** The file's name, URI-encoded (headers are Latin-1). */
export const DEV_HOST_FILE_NAME_HEADER = 'x-shotdesk-file-name';

/** Close code for a refused token (4000–4999 are the application's). */
export const DEV_HOST_REFUSED = 4401;

export const devHostClientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), token: z.string().max(200) }),
  z.object({
    type: z.literal('call'),
    id: z.number().int().nonnegative(),
    channel: z.string().max(100),
    input: z.unknown(),
  }),
]);

export type DevHostClientMessage = z.infer<typeof devHostClientMessageSchema>;

export type DevHostServerMessage =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: IpcResult<unknown> }
  | { type: 'event'; event: EventName; payload: unknown }
  | { type: 'refused'; message: string };
