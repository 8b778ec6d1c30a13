import { spawn } from 'node:child_process';
import { prepareElectronSqlite } from './prepare-electron-sqlite';

/**
 * `npm run dist` after the electron-vite build: the Electron build of better-sqlite3, then
 * electron-builder, whose afterPack hook (resources/after-pack.cjs) packs that addon.
 */
const addon = await prepareElectronSqlite(process.cwd());
const builder = spawn('electron-builder', process.argv.slice(2), {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, SHOTDESK_ELECTRON_SQLITE: addon },
});
builder.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
