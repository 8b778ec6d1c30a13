import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createServer } from './app';
import { parseCliArgs, SQLITE_BINDING_ENV } from './cli-args';
import { bootstrapDataDir } from './seed/bootstrap';

/** `npm run server -- --data-dir DIR --port N`: the embedded Kitsu API as a standalone server. */
async function main(): Promise<void> {
  const options = parseCliArgs(process.argv.slice(2));
  const dataDir = resolve(options.dataDir);
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.R_OK | constants.W_OK);
  } catch (error) {
    throw new Error(`cannot use data dir ${dataDir}: ${(error as Error).message}`);
  }

  const sqliteNativeBinding = process.env[SQLITE_BINDING_ENV] || undefined;
  if (sqliteNativeBinding && !existsSync(sqliteNativeBinding)) {
    throw new Error(`${SQLITE_BINDING_ENV} names ${sqliteNativeBinding}, which does not exist`);
  }
  const server = await createServer({
    dataDir,
    settings: options.settings,
    logger: true,
    // Set by the desktop app when it runs this server inside Electron (another native ABI).
    sqliteNativeBinding,
  });
  try {
    const report = await bootstrapDataDir(server.context, options);
    for (const line of report) console.log(line);
    await server.app.listen({ port: options.port, host: options.host });
  } catch (error) {
    await server.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE')
      throw new Error(`port ${options.port} on ${options.host} is already in use`);
    if (code === 'EADDRNOTAVAIL') throw new Error(`cannot listen on host ${options.host}`);
    throw error;
  }
  const address = server.app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  console.log(`Kitsu API listening on http://${options.host}:${port}/api`);

  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`shotdesk-server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
