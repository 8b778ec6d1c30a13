import { isAbsolute } from 'node:path';
import { AppError } from '../../kitsu/app-error';
import { checkServer } from '../../kitsu/check-server';
import type { HandlerGroup, HandlerServices } from '../handler-group';

type SessionChannel =
  | 'app:info'
  | 'studio:open-local'
  | 'server:check'
  | 'server:list-recent'
  | 'session:state'
  | 'session:login'
  | 'session:send-email-otp'
  | 'session:logout'
  | 'settings:get'
  | 'settings:set';

/** The app, the servers, the session and the settings. */
export function sessionHandlers(services: HandlerServices): HandlerGroup<SessionChannel> {
  const { session, studio, appState } = services;
  return {
    'app:info': async () => services.appInfo,
    'studio:open-local': async () => ({ apiUrl: await studio.start() }),
    'server:check': async ({ url }) => {
      const check = await checkServer(url, services.fetch);
      if (check.status === 'kitsu') await appState.addRecentServer(check.apiUrl);
      return check;
    },
    'server:list-recent': () => appState.recentServers(),
    'session:state': () => session.state(),
    'session:login': ({ server, ...credentials }) => session.login(server, credentials),
    'session:send-email-otp': ({ server, identifier }) => session.sendEmailOtp(server, identifier),
    'session:logout': () => session.logout(),
    'settings:get': () => appState.settings(),
    'settings:set': async (patch) => {
      for (const mount of patch.mountPoints ?? []) {
        if (!isAbsolute(mount.local)) {
          throw new AppError(
            'invalid-input',
            `“${mount.local}” is not a full path on this computer: write the whole folder path, e.g. ${process.platform === 'win32' ? 'D:\\prod' : '/mnt/prod'}.`,
          );
        }
      }
      const settings = await appState.updateSettings(patch);
      if (patch.mediaCacheMb !== undefined) await services.media?.capChanged();
      return settings;
    },
  };
}
