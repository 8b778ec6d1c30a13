import { join } from 'node:path';

/**
 * Where the source tree keeps better-sqlite3's addon built for Electron's ABI. node_modules
 * keeps the Node build (tests and `npm run server` need it); Electron loads this copy through
 * better-sqlite3's `nativeBinding`. A packaged app needs none: electron-builder rebuilds its
 * node_modules for Electron.
 */
export function electronSqliteBindingPath(
  appRoot: string,
  versions: { electron: string; betterSqlite3: string },
): string {
  return join(
    appRoot,
    'node_modules',
    '.cache',
    'shotdesk-electron-native',
    `better_sqlite3-${versions.betterSqlite3}-electron-${versions.electron}-${process.platform}-${process.arch}.node`,
  );
}
