import type { ChannelName, ChannelOutput, ParsedInput } from '../../src-shared/ipc';
import type { AppInfo } from '../../src-shared/session';
import type { LiveService } from '../live/live-service';
import type { MediaService } from '../media/media-service';
import type { RenderWatcher } from '../files/render-watcher';
import type { GrantedFiles } from '../files/granted-files';
import type { SessionService } from '../session/session-service';
import type { AppStateStore } from '../settings/app-state-store';
import type { LocalStudio } from '../studio/local-studio';
import type { CachedReads } from '../cache/cached-reads';
import type { Outbox } from '../sync/outbox';
import type { SyncService } from '../sync/sync-service';
import type { SyncState } from '../../src-shared/sync';

export type Handler<C extends ChannelName> = (input: ParsedInput<C>) => Promise<ChannelOutput<C>>;

/** Some channels' handlers, typed by the contract; inputs arrive already parsed. */
export type HandlerGroup<C extends ChannelName> = { [K in C]: Handler<K> };

/** Every channel's handler. */
export type Handlers = HandlerGroup<ChannelName>;

/** The offline cache of whoever is logged in: reads answer from it first, writes go through its outbox. */
export interface OfflineServices {
  sync: SyncService;
  /** The outbox while a person's cache is open. */
  outbox(): Outbox | null;
  /** Answers kept whole (time log days) while a person's cache is open. */
  keptReads(): CachedReads | null;
  /** Connectivity, pending writes and conflicts, as `sync:state` answers them. */
  state(): SyncState;
}

export interface HandlerServices {
  appInfo: AppInfo;
  session: SessionService;
  studio: LocalStudio;
  appState: AppStateStore;
  live: LiveService;
  /** The files the person chose, which main may read (and nothing else). */
  grantedFiles: GrantedFiles;
  /** Preview media from the on-disk cache (prefetching, the cache's cap). */
  media?: MediaService;
  /** Watches the open task's preview folder for new renders. */
  renders?: RenderWatcher;
  fetch?: typeof fetch;
  /** Where downloaded attachments are saved: the person's downloads folder. */
  downloadsDir: string;
  /** Shows a saved file in the OS file manager, where main can (Electron). */
  revealFile?: (path: string) => void;
  /** Opens a file with the OS default app, where main can (Electron). */
  openFile?: (path: string) => Promise<void>;
  /** The logged-in person's offline cache and outbox. */
  offline: OfflineServices;
  /** Tells the renderer which of main's data changed (`cache:changed`). */
  onCacheChanged?: (tables: string[], taskIds?: string[]) => void;
}
