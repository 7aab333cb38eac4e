// ESLint 9 (flat config): the recommended JavaScript and typescript-eslint rules over the
// portal and its tests. `any` is an error: use the types generated from docs/openapi.json
// (src/generated/openapi.d.ts) or a narrow hand-written type.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'src/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
  },
  {
    // The tests run in Node and hand functions to the browser (page.evaluate).
    files: ['tests/**/*.{mjs,ts}', '*.{mjs,ts}', 'scripts/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // `_` marks a parameter or a destructured field left out on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
);
