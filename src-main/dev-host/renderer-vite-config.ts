import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import type { InlineConfig, Rollup } from 'vite';

/** The renderer's Vite config for the dev host (dev server, or a build for e2e tests). */
export function rendererViteConfig(appRoot: string, outDir?: string): InlineConfig {
  return {
    configFile: false,
    root: join(appRoot, 'src-renderer'),
    base: './',
    plugins: [react()],
    logLevel: 'warn',
    // React and Mantine in one chunk: the app loads from disk, not over a network.
    build: outDir
      ? {
          outDir,
          emptyOutDir: true,
          chunkSizeWarningLimit: 2000,
          rollupOptions: { onwarn: skipAnnotationNoise },
        }
      : undefined,
  };
}

/** zod's sources carry `@__PURE__` comments that Rollup drops with a warning: noise only. */
export const skipAnnotationNoise: NonNullable<Rollup.InputOptions['onwarn']> = (warning, warn) => {
  if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
};
