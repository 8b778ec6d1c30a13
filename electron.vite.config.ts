import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// Minimal until the desktop app lands: the three Electron entry points and their output folders.
export default defineConfig({
  main: {
    build: { rollupOptions: { input: fromRoot('src-main/electron/index.ts') } },
  },
  preload: {
    build: { rollupOptions: { input: fromRoot('src-preload/index.ts') } },
  },
  renderer: {
    root: fromRoot('src-renderer'),
    build: { rollupOptions: { input: fromRoot('src-renderer/index.html') } },
  },
});
