import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { rendererViteConfig } from '../src-main/dev-host/renderer-vite-config';
import { APP_ROOT, E2E_RENDERER_ENV } from './support/paths';

/** One fresh build of the renderer for every test's dev host (Vite's dev server would be slower). */
export default async function globalSetup(): Promise<() => void> {
  const dir = join(APP_ROOT, 'out', `e2e-renderer-${process.pid}`);
  process.env[E2E_RENDERER_ENV] = dir;
  await build(rendererViteConfig(APP_ROOT, dir));
  return () => rmSync(dir, { recursive: true, force: true });
}
