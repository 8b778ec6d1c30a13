import { z } from 'zod';
import type { ChannelName, EventName } from './ipc/channel-names';
import type { IpcResult } from './ipc/result';
import { settingsSchema, type Settings } from './settings';
import type {
  AppInfo,
  LoginResult,
  RecentServer,
  ServerCheck,
  SessionState,
  StudioStatus,
} from './session';
import { COMMENT_TEXT_MAX, type SettableTaskStatus, type TaskComment } from './task-comment';
import type { TodoTask } from './todo-task';

export {
  BRIDGE_GLOBAL,
  CHANNEL_NAMES,
  ELECTRON_CALL_CHANNEL,
  ELECTRON_EVENT_CHANNEL,
  EVENT_NAMES,
  isChannelName,
  isEventName,
} from './ipc/channel-names';
export type { ChannelName, EventName } from './ipc/channel-names';
export { ERROR_CODES, isErrorCode } from './ipc/result';
export type { ErrorCode, IpcError, IpcResult } from './ipc/result';

/**
 * The IPC contract (DESIGN.md): every channel main answers, with the zod schema of its input
 * and the type of its output, and every event main pushes. Main parses each input with its
 * schema before a handler runs; the renderer is untrusted.
 */

const noInput = z.object({}).strict();
const text = (max: number) => z.string().trim().min(1).max(max);

const uuid = z.uuid();

const serverTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('local') }).strict(),
  z.object({ kind: z.literal('remote'), url: text(2000) }).strict(),
]);

export const CHANNEL_INPUTS = {
  'app:info': noInput,
  'studio:open-local': noInput,
  'server:check': z.object({ url: text(2000) }).strict(),
  'server:list-recent': noInput,
  'session:state': noInput,
  'session:login': z
    .object({
      server: serverTargetSchema,
      identifier: text(320),
      password: z.string().min(1).max(1000),
      totp: text(64).optional(),
      recoveryCode: text(64).optional(),
    })
    .strict(),
  'session:logout': noInput,
  'tasks:list-todo': noInput,
  'tasks:list-done': noInput,
  'tasks:list-comments': z.object({ taskId: uuid }).strict(),
  'tasks:post-comment': z
    .object({
      taskId: uuid,
      // May be empty: a status change alone is a comment too.
      text: z.string().max(COMMENT_TEXT_MAX),
      taskStatusId: uuid,
    })
    .strict(),
  'tasks:list-statuses': noInput,
  'settings:get': noInput,
  'settings:set': settingsSchema.partial().strict(),
} as const satisfies Record<ChannelName, z.ZodType>;

export interface ChannelOutputs {
  'app:info': AppInfo;
  'studio:open-local': { apiUrl: string };
  'server:check': ServerCheck;
  'server:list-recent': RecentServer[];
  'session:state': SessionState;
  'session:login': LoginResult;
  'session:logout': SessionState;
  'tasks:list-todo': TodoTask[];
  'tasks:list-done': TodoTask[];
  'tasks:list-comments': TaskComment[];
  'tasks:post-comment': TaskComment;
  'tasks:list-statuses': SettableTaskStatus[];
  'settings:get': Settings;
  'settings:set': Settings;
}

export interface EventPayloads {
  'session:changed': SessionState;
  'studio:changed': StudioStatus;
  /** What main's data changed, so that the renderer invalidates those queries. */
  'cache:changed': { tables: string[] };
}

/** What the renderer sends. */
export type ChannelInput<C extends ChannelName> = z.input<(typeof CHANNEL_INPUTS)[C]>;
/** What a handler receives, once parsed. */
export type ParsedInput<C extends ChannelName> = z.output<(typeof CHANNEL_INPUTS)[C]>;
export type ChannelOutput<C extends ChannelName> = ChannelOutputs[C];
export type EventPayload<E extends EventName> = EventPayloads[E];

/** The whole API the renderer sees, whichever transport carries it. */
export interface ShotdeskApi {
  call<C extends ChannelName>(
    channel: C,
    input: ChannelInput<C>,
  ): Promise<IpcResult<ChannelOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** The preload's bridge: the API plus the path of a file dropped on the window. */
export interface ShotdeskBridge extends ShotdeskApi {
  pathForFile(file: File): string;
}

// Both maps must name exactly the channels and events of channel-names.ts.
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never]
  ? true
  : false;
const _outputsMatch: SameKeys<ChannelOutputs, typeof CHANNEL_INPUTS> = true;
const _eventsMatch: SameKeys<EventPayloads, Record<EventName, unknown>> = true;
void _outputsMatch;
void _eventsMatch;
