import type { KitsuClient } from '../kitsu/kitsu-client';
import { asRow, text, type PersonNames } from './task-comment-row';

/** Resolves the person ids a thread mentions to names, loading what it needs. */
export type NameResolver = (ids: readonly string[]) => Promise<PersonNames>;

export const noNames: NameResolver = async () => () => null;

/** A reload for a mentioned stranger happens at most this often: someone may have joined. */
const RELOAD_AFTER_MS = 60_000;

interface Directory {
  loadedAt: number;
  names: Promise<Map<string, string>>;
}

/**
 * People's names from `/data/user/context` `persons`, cached per client (a new login is a new
 * client). Names only serve mention highlighting, so a failed load resolves nobody rather
 * than failing the thread.
 */
export class PersonNameCache {
  private readonly directories = new WeakMap<KitsuClient, Directory>();

  constructor(private readonly now: () => number = Date.now) {}

  resolverFor(client: KitsuClient): NameResolver {
    return async (ids) => {
      let directory = this.directories.get(client) ?? this.load(client);
      let names = await directory.names;
      const stranger = ids.some((id) => !names.has(id));
      if (stranger && this.now() - directory.loadedAt >= RELOAD_AFTER_MS) {
        directory = this.load(client);
        names = await directory.names;
      }
      return (id) => names.get(id) ?? null;
    };
  }

  private load(client: KitsuClient): Directory {
    const directory: Directory = {
      loadedAt: this.now(),
      names: loadPersonNames(client).catch(() => {
        // Not kept: the next thread asks again.
        if (this.directories.get(client) === directory) this.directories.delete(client);
        return new Map<string, string>();
      }),
    };
    this.directories.set(client, directory);
    return directory;
  }
}

/** Every person the caller may see, id → full name. */
export async function loadPersonNames(client: KitsuClient): Promise<Map<string, string>> {
  return personNamesOf(asRow(await client.get<unknown>('/data/user/context')).persons);
}

/** id → full name of the context's `persons` (as the server or the cache holds them). */
export function personNamesOf(contextPersons: unknown): Map<string, string> {
  const persons = Array.isArray(contextPersons) ? contextPersons.map(asRow) : [];
  const names = new Map<string, string>();
  for (const person of persons) {
    const id = text(person, 'id');
    const fullName =
      text(person, 'full_name') ??
      [text(person, 'first_name'), text(person, 'last_name')].filter(Boolean).join(' ');
    if (id !== null && fullName !== '') names.set(id, fullName);
  }
  return names;
}

/** The person ids a comment row and its replies mention. */
export function mentionedIds(rows: readonly unknown[]): string[] {
  const ids = new Set<string>();
  const add = (value: unknown) => {
    if (!Array.isArray(value)) return;
    for (const id of value) if (typeof id === 'string') ids.add(id);
  };
  for (const row of rows.map(asRow)) {
    add(row.mentions);
    if (Array.isArray(row.replies)) for (const reply of row.replies) add(asRow(reply).mentions);
  }
  return [...ids];
}
