import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

/**
 * The renderer build the dev hosts serve, one per Playwright run (global setup names it and
 * workers inherit the variable), so that two runs in one tree never serve each other's build.
 */
export const E2E_RENDERER_ENV = 'SHOTDESK_E2E_RENDERER_DIR';

export function e2eRendererDir(): string {
  const dir = process.env[E2E_RENDERER_ENV];
  if (!dir) throw new Error(`${E2E_RENDERER_ENV} is not set: run the e2e tests through Playwright`);
  return dir;
}
