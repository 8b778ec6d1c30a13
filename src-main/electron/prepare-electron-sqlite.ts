import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { electronSqliteBindingPath } from '../studio/electron-sqlite-binding';

const require = createRequire(import.meta.url);

const packageVersion = (name: string): string =>
  (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string })
    .version;

/**
 * `npm start` from the source tree, before Electron starts: builds better-sqlite3 once for
 * Electron's ABI (with @electron/rebuild, in a scratch copy so that node_modules keeps the
 * Node build) and keeps the addon where electronSqliteBindingPath says. Needs what any
 * native build needs: internet for Electron's headers and a C++ toolchain.
 */
export async function prepareElectronSqlite(appRoot: string): Promise<string> {
  const versions = {
    electron: packageVersion('electron'),
    betterSqlite3: packageVersion('better-sqlite3'),
  };
  const target = electronSqliteBindingPath(appRoot, versions);
  if (existsSync(target)) return target;

  console.log(
    `Shotdesk: building better-sqlite3 ${versions.betterSqlite3} for Electron ${versions.electron} (first start only)…`,
  );
  const scratch = join(dirname(target), 'scratch');
  rmSync(scratch, { recursive: true, force: true });
  const moduleDir = join(scratch, 'node_modules', 'better-sqlite3');
  cpSync(dirname(require.resolve('better-sqlite3/package.json')), moduleDir, {
    recursive: true,
    filter: (source) => !source.includes(join('better-sqlite3', 'build')),
  });
  writeFileSync(
    join(scratch, 'package.json'),
    JSON.stringify({
      name: 'shotdesk-electron-native',
      private: true,
      dependencies: { 'better-sqlite3': versions.betterSqlite3 },
    }),
  );
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({
    buildPath: scratch,
    electronVersion: versions.electron,
    onlyModules: ['better-sqlite3'],
    force: true,
  });
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(moduleDir, 'build', 'Release', 'better_sqlite3.node'), target);
  rmSync(scratch, { recursive: true, force: true });
  console.log('Shotdesk: better-sqlite3 for Electron is ready.');
  return target;
}
