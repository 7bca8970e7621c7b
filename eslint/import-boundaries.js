// @ts-check
/**
 * Import-direction rules (docs/architecture.md#workspaces-and-dependency-direction): apps →
 * item-bank → shared, never back; renderer code never touches Node, Electron or SQLite; item-bank
 * domain folders stay IO-free. Proven by eslint/import-boundaries.test.ts, which lints violating
 * files and expects errors.
 */

const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'module',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

/** Built-ins that do IO. item-bank domain code may still use pure ones (crypto, zlib, buffer). */
const IO_BUILTINS = [
  'fs',
  'fs/promises',
  'child_process',
  'cluster',
  'dgram',
  'dns',
  'http',
  'http2',
  'https',
  'net',
  'os',
  'process',
  'readline',
  'tls',
  'worker_threads',
];

const nodeAndNative = (/** @type {string} */ where) => [
  { group: ['node:*'], message: `${where} must not import Node built-ins.` },
  { group: NODE_BUILTINS, message: `${where} must not import Node built-ins.` },
  { group: ['better-sqlite3'], message: `${where} must not import better-sqlite3.` },
  { group: ['argon2'], message: `${where} must not import native Node addons.` },
];

const noApps = {
  group: [
    '@skillexam/desktop',
    '@skillexam/desktop/*',
    '@skillexam/proctor-server',
    '@skillexam/proctor-server/*',
    '**/apps/**',
  ],
  message: 'Packages must not import apps (imports go apps → item-bank → shared).',
};

/** @type {import('eslint').Linter.Config[]} */
export const importBoundaries = [
  {
    files: ['packages/shared/src/**'],
    // The SQL helper (`@skillexam/shared/sql`) is the one Node-only corner: next block.
    ignores: ['**/*.test.ts', 'packages/shared/src/sql/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...nodeAndNative('packages/shared (no IO, runs anywhere)'),
            {
              group: ['**/sql', '**/sql/*'],
              message:
                'The SQL helper is Node-only and not part of the browser-safe shared index; Node code imports @skillexam/shared/sql.',
            },
            {
              group: ['react', 'react-dom', 'electron'],
              message: 'packages/shared must stay UI- and platform-free.',
            },
            {
              group: ['@skillexam/item-bank', '@skillexam/item-bank/*'],
              message: 'shared must not import item-bank (imports go apps → item-bank → shared).',
            },
            {
              group: ['@skillexam/shared', '@skillexam/shared/*'],
              message: "Do not import a package's own barrel from inside it; import the file.",
            },
            noApps,
          ],
        },
      ],
    },
  },
  {
    // docs/decisions/0850: a subpath export of shared that only Node code imports. It may use
    // better-sqlite3 (its types), nothing else that does IO.
    files: ['packages/shared/src/sql/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'The SQL helper must not import Node built-ins.' },
            { group: NODE_BUILTINS, message: 'The SQL helper must not import Node built-ins.' },
            { group: ['argon2'], message: 'The SQL helper must not import native Node addons.' },
            {
              group: ['react', 'react-dom', 'electron', '@skillexam/*'],
              message: 'The SQL helper depends on better-sqlite3 only.',
            },
            noApps,
          ],
        },
      ],
    },
  },
  {
    files: ['packages/item-bank/src/**'],
    // The package barrel (src/index.ts) re-exports db/ for apps; it holds no logic.
    ignores: [
      'packages/item-bank/src/db/**',
      'packages/item-bank/src/cli/**',
      'packages/item-bank/src/index.ts',
      '**/*.test.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...IO_BUILTINS.map((name) => ({
              group: [name, `node:${name}`],
              message: 'item-bank domain folders must not do IO; take it in through an interface.',
            })),
            { group: ['better-sqlite3'], message: 'Only item-bank db/ may import better-sqlite3.' },
            {
              group: ['**/db', '**/db/*', '**/db/**'],
              message:
                'item-bank domain folders must not import db/; take a repository interface instead.',
            },
            {
              group: ['**/cli', '**/cli/**'],
              message: 'item-bank domain folders must not import cli/.',
            },
            {
              group: ['react', 'react-dom', 'electron'],
              message: 'item-bank must stay UI- and platform-free.',
            },
            {
              group: ['@skillexam/item-bank', '@skillexam/item-bank/*'],
              message: "Do not import a package's own barrel from inside it; import the file.",
            },
            noApps,
          ],
        },
      ],
    },
  },
  {
    files: ['packages/item-bank/src/db/**', 'packages/item-bank/src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'electron'],
              message: 'item-bank must stay UI- and platform-free.',
            },
            noApps,
          ],
        },
      ],
    },
  },
  {
    files: ['apps/desktop/src/renderer/**', 'apps/desktop/src/web/client/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...nodeAndNative('Renderer code (talk to window.desktop instead)'),
            {
              group: ['electron'],
              message: 'Renderer code must not import electron; use window.desktop.',
            },
            {
              group: ['**/main/**', '**/preload/**', '**/host/**', '**/web/server/**'],
              message: 'Renderer code must not import main, preload, host or the web server.',
            },
            {
              group: ['@skillexam/item-bank', '@skillexam/item-bank/*'],
              message:
                'Renderer code must not import item-bank (it needs Node); ask the host through window.desktop.',
            },
          ],
        },
      ],
    },
  },
  {
    // The proctor console runs in a browser and talks to the server over socket.io only.
    files: ['apps/console/src/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...nodeAndNative('Console code (a browser app; ask the server over socket.io)'),
            {
              group: [
                '@skillexam/proctor-server',
                '@skillexam/proctor-server/*',
                '@skillexam/desktop',
                '@skillexam/desktop/*',
                '@skillexam/item-bank',
                '@skillexam/item-bank/*',
                '**/proctor-server/**',
                '**/desktop/**',
                '**/item-bank/**',
              ],
              message: 'Console code may import @skillexam/shared only, never an app or item-bank.',
            },
            { group: ['electron'], message: 'Console code must not import electron.' },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/desktop/src/host/**', 'apps/desktop/src/web/server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron'],
              message: 'src/host and the web shell run under plain Node: no electron import.',
            },
            {
              group: ['**/renderer/**', '**/main/**', '**/preload/**'],
              message: 'Host code must not import renderer, main or preload.',
            },
          ],
        },
      ],
    },
  },
];
