import { userInfo } from 'node:os';

/** The OS user name, which Kitsu studios use as the desktop ID. */
export function osUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? '';
  }
}
