import type { SessionState } from '../../src-shared/session';
import type { LiveService, LiveTarget } from './live-service';

/**
 * Runs live updates while a session is logged in (after a login or a restore) and stops them
 * when it ends (logout, session lost). Meant for SessionService's `onChange`.
 */
export function liveFollowsSession(
  live: LiveService,
  sessionClient: () => Promise<LiveTarget>,
): (state: SessionState) => void {
  let latest = 0;
  return (state) => {
    const change = ++latest;
    if (state.status !== 'logged-in') {
      live.stop();
      return;
    }
    sessionClient().then(
      (target) => {
        if (change === latest) live.start(target);
      },
      () => {
        if (change === latest) live.stop();
      },
    );
  };
}
