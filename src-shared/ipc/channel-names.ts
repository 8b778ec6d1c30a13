/**
 * The contract's channel and event names, without zod, so that the preload bundle can refuse
 * anything else before it reaches main. `ipc.ts` checks that it lists the same names.
 */
export const CHANNEL_NAMES = [
  'app:info',
  'studio:open-local',
  'server:check',
  'server:list-recent',
  'session:state',
  'session:login',
  'session:send-email-otp',
  'session:logout',
  'tasks:list-todo',
  'tasks:list-done',
  'tasks:list-to-check',
  'tasks:list-comments',
  'tasks:post-comment',
  'tasks:reply',
  'tasks:acknowledge',
  'tasks:update-checklist',
  'tasks:list-mentionable',
  'tasks:list-statuses',
  'attachments:download',
  'time:get-day',
  'time:set',
  'time:set-day-off',
  'time:clear-day-off',
  'live:state',
  'sync:state',
  'outbox:resolve',
  'publish:check-files',
  'publish:submit',
  'publish:progress',
  'previews:list',
  'files:softwares',
  'files:working-path',
  'files:create-folder',
  'files:stop-watching',
  'files:register',
  'files:reveal',
  'settings:get',
  'settings:set',
] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];

export const EVENT_NAMES = [
  'session:changed',
  'studio:changed',
  'cache:changed',
  'live:changed',
  'sync:changed',
  'publish:progress',
  'files:render-found',
] as const;

export type EventName = (typeof EVENT_NAMES)[number];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && (CHANNEL_NAMES as readonly string[]).includes(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}

/** The global name the preload exposes the bridge under. */
export const BRIDGE_GLOBAL = 'shotdesk';

/** Electron's two IPC channels: every contract call goes through one, every event the other. */
export const ELECTRON_CALL_CHANNEL = 'shotdesk:call';
export const ELECTRON_EVENT_CHANNEL = 'shotdesk:event';
/**
 * One-way, preload → main: the path of a file the person dropped or picked, which main may
 * then read (never any other path the renderer names).
 */
export const ELECTRON_GRANT_FILE_CHANNEL = 'shotdesk:grant-file';
