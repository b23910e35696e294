import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'artifacts/', 'node_modules/', 'coverage/', '.cache/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-globals': ['error', 'process', 'setTimeout', 'setInterval', 'setImmediate', 'globalThis', 'Buffer', '__dirname', '__filename'],
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!zod$|node:crypto$|\\.).*', message: 'core/ imports only zod, node:crypto (the n8n bundle maps it to crypto) and itself' }] }],
    },
  },
  {
    files: ['credentials/**/*.ts', 'nodes/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'process', 'setTimeout', 'setInterval', 'setImmediate', 'globalThis', '__dirname', '__filename'],
    },
  },
);
