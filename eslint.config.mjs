// Lint rules are errors: a warning nobody reads is noise.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The floors of the server, lowest first. A file imports from lower floors only (and within its
 * own folder): `farm-studio look server` then shows no arrow running back up.
 */
const FLOORS = [
  ['contract'], // the wire words: zod schemas, enums, error ids; imports nothing of the server
  ['errors', 'logger', 'paths', 'metrics'],
  ['domain', 'db', 'markdown', 'config'], // domain: rules several floors need (roles, visibility…)
  ['stores', 'search', 'mail'], // stores: the only SQL; search: the engine; mail: SMTP out
  ['services'], // business rules and transactions, one sub-folder per capability
  ['generators'], // demo and bulk history
  ['content'], // docs as code: import, export, seed
  ['presenters', 'middleware', 'auth'],
  ['routes'],
  ['app', 'boot', 'cli', 'index'],
];

function floorRules() {
  return FLOORS.flatMap((floor, i) =>
    floor.map((room) => {
      const higher = FLOORS.slice(i)
        .flat()
        .filter((r) => r !== room);
      return {
        files: [`server/${room}/**/*.ts`, `server/${room}.ts`],
        rules: {
          'no-restricted-imports': [
            'error',
            {
              patterns: [
                {
                  regex: `(^|/)\\.\\./(${higher.join('|')})(/|$)`,
                  message: `server/${room} stands on floor ${i + 1}: import only from lower floors.`,
                },
              ],
            },
          ],
        },
      };
    }),
  );
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
  ...floorRules(),
  {
    files: ['client/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)server/(?!contract/)',
              message: 'The client imports only the contract from the server.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['jest.config.js', 'test/helpers/esmToCjs.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly' },
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
