// Flat config: TypeScript's recommended rules and React's hooks rules over the app, scripts and tests.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'public/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The two classic hooks rules. The plugin's React Compiler rules (refs read in render, setState in an effect...)
    // flag the hand-made query lifecycles that issue 16's item 1 replaces: turn them on with that rewrite.
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Views and components are plain clients: engine work goes through src/state (useQuery, useBuild, useEngineRun,
    // store actions). They may name the engine's types, never call it.
    files: ['src/views/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ group: ['**/db/*'], allowTypeImports: true, message: 'Views and components import only types from src/db; run engine work through src/state.' }],
      }],
      'no-restricted-syntax': ['error', {
        selector: "MemberExpression[property.name='db']",
        message: 'Views and components do not touch the engine (engine.db); run engine work through src/state.',
      }],
    },
  },
);
