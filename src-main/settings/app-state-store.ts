import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../src-shared/settings';
import type { RecentServer, ServerTarget } from '../../src-shared/session';
import { writeOwnerOnly } from '../session/file-secret-store';

const MAX_RECENT_SERVERS = 8;

const appStateSchema = z.object({
  settings: settingsSchema.catch(DEFAULT_SETTINGS),
  recentServers: z.array(z.object({ apiUrl: z.string(), lastUsedAt: z.string() })).catch([]),
  lastServer: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('local') }),
      z.object({ kind: z.literal('remote'), url: z.string() }),
    ])
    .nullable()
    .catch(null),
});

type AppState = z.infer<typeof appStateSchema>;

const EMPTY: AppState = { settings: DEFAULT_SETTINGS, recentServers: [], lastServer: null };

/**
 * The app's non-secret memory in one JSON file: settings, recent servers, the last server.
 * Read once, written whole on each change (atomically); a broken file falls back to defaults.
 */
export class AppStateStore {
  private state: AppState | null = null;
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly path: string) {}

  async settings(): Promise<Settings> {
    return (await this.load()).settings;
  }

  async updateSettings(patch: Partial<Settings>): Promise<Settings> {
    const state = await this.load();
    const settings = settingsSchema.parse({ ...state.settings, ...patch });
    await this.save({ ...state, settings });
    return settings;
  }

  async recentServers(): Promise<RecentServer[]> {
    return (await this.load()).recentServers;
  }

  async lastServer(): Promise<ServerTarget | null> {
    return (await this.load()).lastServer;
  }

  /** A Kitsu server that answered: first among the recent ones. */
  async addRecentServer(apiUrl: string, now = new Date()): Promise<void> {
    const state = await this.load();
    const recentServers = [
      { apiUrl, lastUsedAt: now.toISOString() },
      ...state.recentServers.filter((server) => server.apiUrl !== apiUrl),
    ].slice(0, MAX_RECENT_SERVERS);
    await this.save({ ...state, recentServers });
  }

  /** The server logged in to last, which the next start offers first. */
  async rememberServer(target: ServerTarget, apiUrl: string, now = new Date()): Promise<void> {
    if (target.kind === 'remote') await this.addRecentServer(apiUrl, now);
    await this.save({ ...(await this.load()), lastServer: target });
  }

  private async load(): Promise<AppState> {
    if (this.state) return this.state;
    let text: string | null = null;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    this.state = text === null ? EMPTY : parseState(text);
    return this.state;
  }

  private save(state: AppState): Promise<void> {
    this.state = state;
    const text = `${JSON.stringify(state, null, 2)}\n`;
    // Serialized so that an older snapshot never lands after a newer one.
    this.writes = this.writes.catch(() => undefined).then(() => writeOwnerOnly(this.path, text));
    return this.writes;
  }
}

function parseState(text: string): AppState {
  try {
    const parsed = appStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : EMPTY;
  } catch {
    return EMPTY;
  }
}
