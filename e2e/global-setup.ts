import { build } from 'vite';
import { rendererViteConfig } from '../src-main/dev-host/renderer-vite-config';
import { APP_ROOT, E2E_RENDERER_DIR } from './support/paths';

/** One fresh build of the renderer for every test's dev host (Vite's dev server would be slower). */
export default async function globalSetup(): Promise<void> {
  await build(rendererViteConfig(APP_ROOT, E2E_RENDERER_DIR));
}
