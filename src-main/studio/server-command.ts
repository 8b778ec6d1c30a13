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
 * The packaged app will run a built server instead (not in this slice).
 */
export function sourceServerCommand(appRoot: string, nodeExecutable: string): ServerCommand {
  return {
    executable: nodeExecutable,
    args: ['--import', 'tsx', join(appRoot, 'src-server', 'cli.ts')],
    cwd: appRoot,
  };
}
