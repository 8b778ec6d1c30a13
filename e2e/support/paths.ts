import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const E2E_RENDERER_DIR = join(APP_ROOT, 'out', 'e2e-renderer');
