import type { Server } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { rendererViteConfig } from './renderer-vite-config';

/** Vite in middleware mode, its HMR socket on the dev host's own port. */
export async function viteRenderer(appRoot: string, httpServer: Server) {
  const { createServer } = await import('vite');
  const vite = await createServer({
    ...rendererViteConfig(appRoot),
    appType: 'spa',
    server: { middlewareMode: true, hmr: { server: httpServer } },
  });
  return {
    handle(request: IncomingMessage, response: ServerResponse): void {
      vite.middlewares(request, response, () => response.writeHead(404).end());
    },
    close: () => vite.close(),
  };
}
