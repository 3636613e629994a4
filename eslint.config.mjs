import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'docs/**', '.tmp/**', 'resources/ispdb/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The engine, CLI and shared code run without Electron (tests, CLI): importing it would
    // even try to fetch the Electron binary.
    files: [
      'src/engine/**/*.ts',
      'src/cli/**/*.ts',
      'src/shared/**/*.ts',
      'test/**/*.{ts,tsx}',
      'bench/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'The engine must not import electron.' }] },
      ],
    },
  },
  {
    // Raw IPC is banned outside the typed wrappers (src/main/ipc, src/preload).
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/main/ipc/**', 'src/preload/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='ipcMain']",
          message: 'Use the typed handle() wrapper in src/main/ipc.',
        },
        {
          selector: "MemberExpression[object.name='ipcRenderer']",
          message: 'Use window.api from the preload.',
        },
      ],
    },
  },
);
