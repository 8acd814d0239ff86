import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** Folders of the platform: they import no feature (rule 1 of docs/architecture.md). */
const PLATFORM_FOLDERS = [
  'tenancy',
  'database',
  'auth',
  'mail',
  'jobs',
  'events',
  'web',
  'files',
  'i18n',
  'common',
  'config',
  'health',
  'logging',
  'redis',
  'admin',
  'platform',
];
/** Feature folders, today's and the ones announced (issue 8), so none starts on the wrong side. */
const FEATURE_FOLDERS = [
  'cafes',
  'academy',
  'news',
  'guide',
  'calendar',
  'search',
  'forum',
  'chat',
];

const CONTROLLERS_AND_GUARDS = 'src/**/*.{controller,guard}.ts';

/** The options of `no-restricted-imports` for one kind of file (flat config replaces, never merges, a rule's options). */
function restrictedImports({ repository = false, platform = false, transaction = false }) {
  const paths = [];
  const patterns = [];
  if (repository)
    paths.push({
      name: '@nestjs/typeorm',
      importNames: ['InjectRepository'],
      message: 'Use TenantTransaction (tenant tables) or a service of the global table.',
    });
  if (platform)
    patterns.push(
      {
        regex: `^(\\.\\./)+(${FEATURE_FOLDERS.join('|')})(/|$)`,
        message:
          'A platform folder imports no feature: give it an interface or registry the feature provides to (docs/architecture.md, rule 1).',
      },
      {
        regex: '^(\\.\\./)+features$',
        message:
          'Only the root files (app.module.ts, ormconfig.ts, seed) import the list of features; pass the platform what it needs.',
      },
    );
  if (transaction) {
    const message =
      'Only services open a tenant transaction: a controller or guard calls one service method (docs/architecture.md, rule 2).';
    paths.push({ name: 'typeorm', importNames: ['EntityManager'], message });
    patterns.push({
      regex: '(^|/)database/tenant-transaction$',
      importNames: ['TenantTransaction'],
      message,
    });
  }
  return { paths, patterns };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // Tenant data goes through TenantTransaction; an injected repository bypasses RLS context.
    files: ['src/**/*.ts'],
    ignores: ['src/database/**'],
    rules: { 'no-restricted-imports': ['error', restrictedImports({ repository: true })] },
  },
  // Rule 2: controllers and guards never see an EntityManager; a page's reads are one service method.
  {
    files: [CONTROLLERS_AND_GUARDS],
    rules: {
      'no-restricted-imports': [
        'error',
        restrictedImports({ repository: true, transaction: true }),
      ],
    },
  },
  // Rule 1 (docs/architecture.md): a platform folder never imports a feature folder nor the list
  // of features; the features plug into the platform's surfaces and the root files compose.
  ...PLATFORM_FOLDERS.flatMap((folder) => [
    {
      files: [`src/${folder}/**/*.ts`],
      rules: {
        'no-restricted-imports': [
          'error',
          restrictedImports({ repository: folder !== 'database', platform: true }),
        ],
      },
    },
    {
      files: [`src/${folder}/${CONTROLLERS_AND_GUARDS.slice('src/'.length)}`],
      rules: {
        'no-restricted-imports': [
          'error',
          restrictedImports({
            repository: folder !== 'database',
            platform: true,
            transaction: true,
          }),
        ],
      },
    },
  ]),
);
