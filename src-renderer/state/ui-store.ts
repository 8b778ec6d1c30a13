import { create } from 'zustand';
import type { ServerTarget } from '../../src-shared/session';

/** Where the logged-out person is: choosing a server, or logging in to one. */
export type EntryStep =
  { step: 'welcome' } | { step: 'login'; server: ServerTarget; label: string };

export interface PublishRequest {
  taskId: string;
  files: File[];
  /** Granted paths main found (renders in the task's preview folder). */
  refs?: string[];
}

interface UiState {
  /** null until the person picks: the last server used decides. */
  entry: EntryStep | null;
  setEntry(entry: EntryStep): void;
  search: string;
  setSearch(search: string): void;
  selectedTaskId: string | null;
  selectTask(id: string | null): void;
  openTaskId: string | null;
  openTask(id: string | null): void;
  /** Files dropped on a task (or renders main found) to publish: the dialog is open while set. */
  publishRequest: PublishRequest | null;
  requestPublish(request: PublishRequest | null): void;
}

export const useUiStore = create<UiState>((set) => ({
  entry: null,
  setEntry: (entry) => set({ entry }),
  search: '',
  setSearch: (search) => set({ search }),
  selectedTaskId: null,
  selectTask: (selectedTaskId) => set({ selectedTaskId }),
  openTaskId: null,
  openTask: (openTaskId) => set({ openTaskId }),
  publishRequest: null,
  requestPublish: (publishRequest) => set({ publishRequest }),
}));

export function serverLabel(server: ServerTarget): string {
  return server.kind === 'local' ? 'Local studio' : server.url;
}
