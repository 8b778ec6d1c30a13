import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemorySecretStore } from '../session/memory-secret-store';
import { SessionService } from '../session/session-service';
import { AppStateStore } from '../settings/app-state-store';

/** A SessionService on a temp folder and an in-memory secret store, for tests. */
export function makeSessionService(localStudioUrl: () => Promise<string> = rejectLocal) {
  const dir = mkdtempSync(join(tmpdir(), 'shotdesk-main-'));
  const secrets = new MemorySecretStore();
  const appState = new AppStateStore(join(dir, 'state.json'));
  const changes: unknown[] = [];
  const create = () =>
    new SessionService({
      secrets,
      appState,
      localStudioUrl,
      onChange: (state) => changes.push(state),
    });
  return {
    session: create(),
    /** A second service on the same stores: what the next start of the app sees. */
    restart: create,
    secrets,
    appState,
    changes,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function rejectLocal(): Promise<string> {
  throw new Error('no local studio in this test');
}
