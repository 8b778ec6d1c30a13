// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// DESIGN.md's layer table, enforced mechanically: each folder lists what it may never import.
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const folder = (name) => [`**/${name}`, `**/${name}/**`];

const layer = (files, { paths = [], patterns = [] }) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: paths.map((name) => ({
          name,
          message: 'This layer may not import it (DESIGN.md).',
        })),
        patterns: patterns.map((group) => ({
          group,
          message: 'This layer may not import it (DESIGN.md).',
        })),
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Build hooks electron-builder loads with require().
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    // Tests read loosely typed JSON bodies of a wire protocol; `any` there is the honest type.
    files: ['**/*.test.ts', 'src-server/test-support/**', 'e2e/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  layer(['src-shared/**'], {
    paths: ['electron', ...nodeBuiltins],
    patterns: [
      ...['src-server', 'src-main', 'src-preload', 'src-renderer'].map(folder),
      ['react', 'react-dom'],
    ],
  }),
  layer(['src-server/**'], {
    paths: ['electron'],
    patterns: ['src-main', 'src-preload', 'src-renderer'].map(folder),
  }),
  layer(['src-main/**'], {
    paths: ['electron'],
    patterns: ['src-renderer', 'src-preload', 'src-server'].map(folder),
  }),
  layer(['src-main/electron/**'], {
    patterns: ['src-renderer', 'src-preload', 'src-server'].map(folder),
  }),
  layer(['src-preload/**'], {
    paths: nodeBuiltins,
    patterns: ['src-main', 'src-renderer', 'src-server'].map(folder),
  }),
  // Main's tests (and their kits) run against a real src-server: its test kit, JWT signer and
  // demo accounts only.
  {
    files: ['src-main/**/*.test.ts', 'src-main/**/test-support/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'This layer may not import it (DESIGN.md).' }],
          patterns: [
            {
              group: [...folder('src-renderer'), ...folder('src-preload')],
              message: 'This layer may not import it (DESIGN.md).',
            },
            {
              regex: 'src-server/(?!test-support/|auth/jwt$|seed/demo-accounts$)',
              message: 'Tests of src-main may import only the server test kit (DESIGN.md).',
            },
          ],
        },
      ],
    },
  },
  layer(['src-renderer/**'], {
    paths: ['electron', ...nodeBuiltins],
    patterns: ['src-main', 'src-preload', 'src-server'].map(folder),
  }),
);
