import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

// Main (ESM) with the embedded Kitsu server beside it (main runs it in a child process), a
// sandboxed preload (which must be CommonJS, with its imports bundled in), and the React
// renderer. The dev host serves the same renderer (src-main/dev-host).
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: fromRoot('src-main/electron/index.ts'),
          server: fromRoot('src-server/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: fromRoot('src-preload/index.ts'),
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: fromRoot('src-renderer'),
    plugins: [react()],
    build: {
      chunkSizeWarningLimit: 2000,
      rollupOptions: {
        input: fromRoot('src-renderer/index.html'),
        // zod's misplaced `@__PURE__` comments: Rollup drops them with a warning, noise only.
        onwarn: (warning, warn) => {
          if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
        },
      },
    },
  },
});
