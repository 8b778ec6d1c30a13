import { join } from 'node:path';

/** How to run `src-server/cli.ts`; the studio appends its own arguments. */
export interface ServerCommand {
  executable: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * From the source tree: Node with tsx's loader (resolved from `appRoot`'s node_modules).
 * Used by the dev host; Electron runs the built server (builtServerCommand).
 */
export function sourceServerCommand(appRoot: string, nodeExecutable: string): ServerCommand {
  return {
    executable: nodeExecutable,
    args: ['--import', 'tsx', join(appRoot, 'src-server', 'cli.ts')],
    cwd: appRoot,
  };
}

/**
 * The server bundle electron-vite builds beside main (`out/main/server.js`), run by
 * Electron's own Node (`ELECTRON_RUN_AS_NODE`) — packaged apps have no other — in a child
 * process, so that its work never blocks main. `sqliteBinding`: better-sqlite3's addon built
 * for Electron, when node_modules holds the Node build (running from the source tree).
 */
export function builtServerCommand(options: {
  runtime: string;
  serverScript: string;
  cwd: string;
  sqliteBinding?: string;
}): ServerCommand {
  return {
    executable: options.runtime,
    args: [options.serverScript],
    cwd: options.cwd,
    env: {
      ELECTRON_RUN_AS_NODE: '1',
      ...(options.sqliteBinding ? { SHOTDESK_SQLITE_BINDING: options.sqliteBinding } : {}),
    },
  };
}
