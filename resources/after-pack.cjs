// electron-builder afterPack hook: puts the better-sqlite3 addon built for Electron's ABI
// (by `npm run dist`, through prepare-electron-sqlite) into the packed app. electron-builder's
// own rebuild is off because it rebuilds the project's node_modules in place, which would
// leave them unusable for Node (tests, `npm run server`).
const { copyFileSync, existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

function findUnpacked(dir, depth = 0) {
  if (depth > 4) return null;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (!statSync(path).isDirectory()) continue;
    if (name === 'app.asar.unpacked') return path;
    const found = findUnpacked(path, depth + 1);
    if (found) return found;
  }
  return null;
}

exports.default = async function afterPack(context) {
  const addon = process.env.SHOTDESK_ELECTRON_SQLITE;
  if (!addon || !existsSync(addon)) {
    throw new Error(
      'SHOTDESK_ELECTRON_SQLITE must name the Electron build of better-sqlite3: run `npm run dist`',
    );
  }
  const unpacked = findUnpacked(context.appOutDir);
  if (!unpacked) throw new Error(`no app.asar.unpacked under ${context.appOutDir}`);
  const target = join(
    unpacked,
    'node_modules',
    'better-sqlite3',
    'build',
    'Release',
    'better_sqlite3.node',
  );
  if (!existsSync(target)) throw new Error(`better-sqlite3 is not unpacked at ${target}`);
  copyFileSync(addon, target);
};
