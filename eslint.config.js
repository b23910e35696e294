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
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!zod$|node:crypto$|libphonenumber-js$|\\.).*', message: 'core/ imports only zod, node:crypto (the n8n bundle maps it to crypto), libphonenumber-js and itself' }] }],
    },
  },
  {
    // Tools run operations only through execute() (mcp/server/context.ts), where the guardrails apply.
    files: ['mcp/tools/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.property.name='client'][property.name=/^(invoke|execute)$/]", message: 'run operations through execute() in mcp/server/context.ts' },
        { selector: "MemberExpression[object.name='client'][property.name=/^(invoke|execute)$/]", message: 'run operations through execute() in mcp/server/context.ts' },
      ],
    },
  },
  {
    files: ['credentials/**/*.ts', 'nodes/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'process', 'setTimeout', 'setInterval', 'setImmediate', 'globalThis', '__dirname', '__filename'],
    },
  },
  {
    // CLI commands run operations only through mcp/commands/run-operation.ts, where the call policy applies.
    files: ['mcp/commands/**/*.ts'],
    ignores: ['mcp/commands/run-operation.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='client'][property.name=/^(invoke|execute|preview)$/]", message: 'run operations through runOperation() / cliInvoke() in mcp/commands/run-operation.ts' },
      ],
    },
  },
);
