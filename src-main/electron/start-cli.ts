import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareElectronSqlite } from './prepare-electron-sqlite';

/**
 * `npm start`: the Electron app through electron-vite's dev mode, after building
 * better-sqlite3 for Electron's ABI on the first start. Machines installed with
 * ELECTRON_SKIP_BINARY_DOWNLOAD have no Electron binary: say so in one line and exit.
 */
function electronBinary(): string | null {
  try {
    // The electron package's main exports the binary's path, and throws when it is missing.
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

if (!electronBinary()) {
  console.error(
    'Shotdesk: no Electron binary on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD); run `npm run web` to use Shotdesk in a browser.',
  );
  process.exit(1);
}

try {
  await prepareElectronSqlite(process.cwd());
} catch (error) {
  console.error(
    `Shotdesk: could not build better-sqlite3 for Electron (${error instanceof Error ? error.message : String(error)}). It needs internet access and a C++ toolchain (python3, make, g++ or Visual Studio Build Tools).`,
  );
  process.exit(1);
}

const child = spawn(
  'electron-vite',
  ['dev', '--entry', 'out/main/index.js', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  },
);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
