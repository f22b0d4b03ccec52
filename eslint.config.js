// Lint rules that hold the architecture in place (see the README's design notes).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'url', 'util', 'stream'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Only the shell files may touch Electron; everything else is tested without it.
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only main/index, window, protocol, preload and ipc/ may import electron.' }] }],
    },
  },
  {
    files: ['main/index.ts', 'main/window.ts', 'main/protocol.ts', 'main/preload.ts', 'main/ipc/**', 'test/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // shared/ is pure: plain data in, plain data out, runs anywhere.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom'].map((name) => ({ name, message: 'shared/ must stay pure.' })),
          patterns: [{ group: nodeBuiltins, message: 'shared/ must stay pure: no Node built-ins.' }],
        },
      ],
    },
  },
  {
    // Raw IPC only in the two files derived from the contract (GitHub Desktop's rule).
    files: ['main/**/*.ts'],
    ignores: ['main/ipc/**', 'main/preload.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='ipcMain']", message: 'Register IPC through main/ipc (derived from the contract).' },
        { selector: "MemberExpression[object.name='ipcRenderer']", message: 'Use the preload bridge derived from the contract.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks only to the contract client.' }],
          patterns: [{ group: nodeBuiltins, message: 'The renderer has no Node.' }],
        },
      ],
    },
  },
  {
    files: ['bin/**/*.mjs', 'resources/build/*.mjs', '*.config.{js,ts}', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
  },
);
