import { z } from 'zod';
import type { ChannelName, EventName } from './ipc/channel-names';
import type { IpcResult } from './ipc/result';
import type { TaskPreviews } from './task-previews';
import type { FoundRender, Software, WorkingPath } from './working-files';
import { PUBLISH_FILES_MAX, type PublishFileCheck, type PublishProgress } from './publish';
import { settingsSchema, type Settings } from './settings';
import type {
  AppInfo,
  LoginResult,
  RecentServer,
  ServerCheck,
  SessionState,
  StudioStatus,
} from './session';
import type { LiveState } from './live';
import {
  CHECKLIST_ITEM_TEXT_MAX,
  CHECKLIST_ITEMS_MAX,
  COMMENT_ATTACHMENTS_MAX,
  COMMENT_TEXT_MAX,
  type CommentChecklistItem,
  type CommentReply,
  type MentionCandidate,
  type SettableTaskStatus,
  type TaskComment,
} from './task-comment';
import { CONFLICT_ACTIONS, type SyncState } from './sync';
import { DAY_MINUTES_MAX, type TimeLogDay } from './time-log';
import type { TodoTask } from './todo-task';

export {
  BRIDGE_GLOBAL,
  CHANNEL_NAMES,
  ELECTRON_CALL_CHANNEL,
  ELECTRON_EVENT_CHANNEL,
  ELECTRON_GRANT_FILE_CHANNEL,
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
const isoDate = z.iso.date();

const checklistSchema = z
  .array(
    z
      .object({ text: z.string().trim().min(1).max(CHECKLIST_ITEM_TEXT_MAX), checked: z.boolean() })
      .strict(),
  )
  .max(CHECKLIST_ITEMS_MAX);

/**
 * An existing comment's checklist with its ticks changed: the texts exactly as stored (not
 * trimmed, possibly empty), so that main can tell a tick from an edit.
 */
const checklistTicksSchema = z
  .array(z.object({ text: z.string().max(CHECKLIST_ITEM_TEXT_MAX), checked: z.boolean() }).strict())
  .max(CHECKLIST_ITEMS_MAX);

/**
 * A file the person chose (dropped or picked): an absolute path main may read only when the
 * preload or the dev host granted it for this session; main checks size and type again.
 */
const fileRefSchema = z.string().min(1).max(4096);

const workingPathInput = z
  .object({
    taskId: uuid,
    softwareId: uuid.optional(),
    // A name part of the file: no path separators (the tree slugifies it anyway).
    name: z
      .string()
      .max(100)
      .regex(/^[^/\\]*$/, 'A working file name cannot contain / or \\.')
      .optional(),
  })
  .strict();

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
      emailOtp: text(64).optional(),
      recoveryCode: text(64).optional(),
    })
    .strict(),
  'session:send-email-otp': z
    .object({ server: serverTargetSchema, identifier: text(320) })
    .strict(),
  'session:logout': noInput,
  'tasks:list-todo': noInput,
  'tasks:list-done': noInput,
  'tasks:list-to-check': noInput,
  'tasks:list-comments': z.object({ taskId: uuid }).strict(),
  'tasks:post-comment': z
    .object({
      taskId: uuid,
      // May be empty: a status change alone is a comment too.
      text: z.string().max(COMMENT_TEXT_MAX),
      taskStatusId: uuid,
      checklist: checklistSchema.optional(),
      attachments: z.array(fileRefSchema).max(COMMENT_ATTACHMENTS_MAX).optional(),
      // The task's status as the person saw it while writing: a write made offline stops as a
      // conflict if the server's has changed since.
      baseStatusId: uuid.optional(),
    })
    .strict(),
  'tasks:reply': z.object({ taskId: uuid, commentId: uuid, text: text(COMMENT_TEXT_MAX) }).strict(),
  // `acknowledged`: the state the person asked for (a replay must not toggle it twice);
  // without it, the opposite of the person's current acknowledgement.
  'tasks:acknowledge': z
    .object({ taskId: uuid, commentId: uuid, acknowledged: z.boolean().optional() })
    .strict(),
  'tasks:update-checklist': z
    .object({ taskId: uuid, commentId: uuid, checklist: checklistTicksSchema })
    .strict(),
  'tasks:list-mentionable': z.object({ taskId: uuid }).strict(),
  // The project decides: Zou checks the person's role on it.
  'tasks:list-statuses': z.object({ projectId: uuid.optional() }).strict(),
  'attachments:download': z.object({ attachmentId: uuid }).strict(),
  'time:get-day': z.object({ date: isoDate }).strict(),
  'time:set': z
    .object({
      taskId: uuid,
      date: isoDate,
      // 0 removes the day's time on the task.
      minutes: z.number().int().min(0).max(DAY_MINUTES_MAX),
    })
    .strict(),
  'time:set-day-off': z
    .object({ date: isoDate, description: z.string().trim().max(1000).optional() })
    .strict(),
  'time:clear-day-off': z.object({ date: isoDate }).strict(),
  'live:state': noInput,
  'sync:state': noInput,
  'outbox:resolve': z
    .object({
      id: uuid,
      action: z.enum(CONFLICT_ACTIONS),
      // The edited text, with action `edit`.
      text: z.string().max(COMMENT_TEXT_MAX).optional(),
    })
    .strict(),
  'publish:check-files': z
    .object({ files: z.array(fileRefSchema).min(1).max(PUBLISH_FILES_MAX) })
    .strict(),
  'publish:submit': z
    .object({
      taskId: uuid,
      files: z.array(fileRefSchema).min(1).max(PUBLISH_FILES_MAX),
      text: z.string().max(COMMENT_TEXT_MAX),
      taskStatusId: uuid,
      checklist: checklistSchema.optional(),
      setMainPreview: z.boolean(),
      // As for tasks:post-comment: the status as the person saw it.
      baseStatusId: uuid.optional(),
    })
    .strict(),
  'publish:progress': z.object({ entryId: uuid }).strict(),
  'previews:list': z.object({ taskId: uuid, projectId: uuid }).strict(),
  'files:softwares': noInput,
  'files:working-path': workingPathInput,
  'files:create-folder': workingPathInput,
  'files:stop-watching': noInput,
  'files:register': workingPathInput.extend({ comment: z.string().max(2000).optional() }).strict(),
  'files:reveal': workingPathInput.extend({ open: z.boolean() }).strict(),
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
  'session:send-email-otp': null;
  'session:logout': SessionState;
  'tasks:list-todo': TodoTask[];
  'tasks:list-done': TodoTask[];
  'tasks:list-to-check': TodoTask[];
  'tasks:list-comments': TaskComment[];
  'tasks:post-comment': TaskComment;
  'tasks:reply': CommentReply;
  /** `pending`: the change waits in the outbox (offline); the list shows it as it will be. */
  'tasks:acknowledge': { commentId: string; acknowledgedBy: string[]; pending?: boolean };
  'tasks:update-checklist': { commentId: string; checklist: CommentChecklistItem[] };
  'tasks:list-mentionable': MentionCandidate[];
  'tasks:list-statuses': SettableTaskStatus[];
  /** Saved in the person's downloads folder (a free name); main reveals it where it can. */
  'attachments:download': { path: string };
  'time:get-day': TimeLogDay;
  'time:set': TimeLogDay;
  'time:set-day-off': TimeLogDay;
  'time:clear-day-off': TimeLogDay;
  'live:state': LiveState;
  'sync:state': SyncState;
  'outbox:resolve': SyncState;
  /** Each file as main found it: kind, size, whether Kitsu takes it, a thumbnail. */
  'publish:check-files': PublishFileCheck[];
  /**
   * The publish is in the outbox: online it is sent at once (the answer does not wait for the
   * uploads; follow `publish:progress`). `comment` is the comment as it shows meanwhile.
   */
  'publish:submit': { entryId: string; comment: TaskComment };
  /** Null once the publish left the outbox (delivered or discarded). */
  'publish:progress': PublishProgress | null;
  /** The task's previews by revision, from its thread (the cache first), and the project's fps. */
  'previews:list': TaskPreviews;
  'files:softwares': Software[];
  /** Also watches the task's preview folder for new renders (`files:render-found`). */
  'files:working-path': WorkingPath;
  /** Creates the working and preview folders, only ever under a mapped production folder. */
  'files:create-folder': WorkingPath;
  'files:stop-watching': null;
  /** Registers the next working file in Kitsu; answers the path of the one after it. */
  'files:register': WorkingPath;
  /**
   * Shows the working folder in the file manager, or opens the latest working file on disk
   * with the OS default app (`open`); `shown` false where main cannot (a browser).
   */
  'files:reveal': { shown: boolean; path: string | null };
  'settings:get': Settings;
  'settings:set': Settings;
}

export interface EventPayloads {
  'session:changed': SessionState;
  'studio:changed': StudioStatus;
  /**
   * What main's data changed, so that the renderer invalidates those queries; `taskIds`
   * narrows a change to some tasks when main knows them.
   */
  'cache:changed': { tables: string[]; taskIds?: string[] };
  'live:changed': LiveState;
  'sync:changed': SyncState;
  /** A publish moved on: a step landed, or bytes went (at most a few times a second). */
  'publish:progress': PublishProgress;
  /** A movie or picture appeared in the open task's preview folder: offer to publish it. */
  'files:render-found': FoundRender;
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

/**
 * The preload's bridge: the API plus the path of a file the person dropped or picked ('' for
 * a file that is not on disk); the preload grants main the right to read that path.
 */
export interface ShotdeskBridge extends ShotdeskApi {
  pathForFile(file: File): string;
}

/**
 * What the renderer talks through, Electron's bridge or the dev host: the API, and the file
 * ref (`tasks:post-comment` `attachments`) main may read for a file the person chose.
 */
export interface ShotdeskTransport extends ShotdeskApi {
  fileRef(file: File): Promise<IpcResult<string>>;
}

// Both maps must name exactly the channels and events of channel-names.ts.
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never]
  ? true
  : false;
const _outputsMatch: SameKeys<ChannelOutputs, typeof CHANNEL_INPUTS> = true;
const _eventsMatch: SameKeys<EventPayloads, Record<EventName, unknown>> = true;
void _outputsMatch;
void _eventsMatch;
