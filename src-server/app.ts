import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import formbody from '@fastify/formbody';
import { authenticate } from './auth/authenticate';
import { loadOrCreateSecret } from './auth/secret';
import { DEFAULT_SETTINGS, type ServerContext, type ServerSettings } from './context';
import { openDatabase } from './db/database';
import { migrate } from './db/migrate';
import { migrations } from './db/migrations';
import { EventBus } from './events/event-bus';
import { attachEventStream, type EventStream } from './events/socket-server';
import { installErrorHandlers } from './http/error-handler';
import { installBodyParsers } from './http/body-parsers';
import { forbidden } from './http/errors';
import './http/request-auth';
import { registerRoutes } from './routes';
import { seedBaseData } from './seed/base-data';
import { SERVER_VERSION } from './version';

export interface CreateServerOptions {
  dataDir: string;
  settings?: Partial<ServerSettings>;
  /** Server log (warnings, errors, password-reset links) on stdout; off in tests. */
  logger?: boolean;
  /** better-sqlite3's addon to load instead of its own (see openDatabase). */
  sqliteNativeBinding?: string;
}

export interface KitsuServer {
  app: FastifyInstance;
  context: ServerContext;
  /** socket.io `/events`, attached to `app.server`. */
  eventStream: EventStream;
  close(): Promise<void>;
}

export const API_PREFIX = '/api';

/** How long a close waits for requests in flight before it cuts their connections. */
const CLOSE_GRACE_MS = 2_000;

/** Builds the Kitsu-compatible API on the data dir's SQLite file; does not listen. */
export async function createServer(options: CreateServerOptions): Promise<KitsuServer> {
  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(join(options.dataDir, 'kitsu.db'), options.sqliteNativeBinding);
  try {
    migrate(db, migrations);
    seedBaseData(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const settings = { ...DEFAULT_SETTINGS, ...options.settings };
  const context: ServerContext = {
    db,
    dataDir: options.dataDir,
    jwtSecret: loadOrCreateSecret(options.dataDir),
    events: new EventBus(db),
    settings,
    version: SERVER_VERSION,
  };

  const app = Fastify({
    // Warnings and errors only: one line per request would drown what matters.
    logger: options.logger ? { level: 'warn' } : false,
    bodyLimit: settings.bodyLimit,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
  });
  installBodyParsers(app);
  await app.register(formbody, { bodyLimit: settings.bodyLimit });
  installErrorHandlers(app);

  await app.register(
    async (api) => {
      api.addHook('onRequest', async (request) => {
        if (request.is404) return;
        const auth = request.routeOptions.config.auth ?? 'access';
        if (auth === 'none') return;
        const apiPath = request.url.slice(API_PREFIX.length).split('?')[0] ?? '/';
        request.auth = authenticate(context, request, auth, apiPath);
        if (request.routeOptions.config.personOnly && request.auth.identityType === 'bot') {
          throw forbidden();
        }
      });
      registerRoutes(api, context);
    },
    { prefix: API_PREFIX },
  );

  // socket.io lives at the server root (/socket.io), where Kitsu clients look for it.
  const eventStream = attachEventStream(app.server, context);

  return {
    app,
    context,
    eventStream,
    async close() {
      // Open websockets would keep app.close() waiting forever.
      await eventStream.close();
      // A keep-alive connection whose request ends after close began goes idle too late to be
      // closed with the idle ones, and would hold the close for the whole keep-alive timeout.
      const cutLingering = setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS);
      try {
        await app.close();
      } finally {
        clearTimeout(cutLingering);
      }
      db.close();
    },
  };
}
