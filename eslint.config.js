// Lint enforces the layers of docs/architecture.md ("Layers", "Determinism"): the engine is
// deterministic and UI-free, the kernel (sim/) knows nothing of Spark, the Spark model knows
// neither its views nor its facade, the page reaches the engine only through its public face, and
// share/ and interop/ stay pure leaves. Import cycles are checked by .dependency-cruiser.cjs.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const uiPackages = [
  'react',
  'react-dom',
  'react/*',
  'react-dom/*',
  'zustand',
  'zustand/*',
  '@xyflow/*',
  'motion',
  'motion/*',
  'framer-motion',
  'framer-motion/*',
  'comlink',
];
const layers = 'docs/architecture.md, "Layers"';

const nondeterminism = {
  'no-restricted-properties': [
    'error',
    { object: 'Math', property: 'random', message: "Use the kernel's seeded generator (sim/random.ts)." },
    { object: 'Date', property: 'now', message: 'Use the simulated clock (sim.now).' },
    { object: 'performance', property: 'now', message: 'Use the simulated clock (sim.now).' },
    { object: 'globalThis', property: 'setTimeout', message: 'Schedule a kernel event instead.' },
  ],
  'no-restricted-globals': [
    'error',
    { name: 'setTimeout', message: 'Schedule a kernel event instead of a wall-clock timer.' },
    { name: 'setInterval', message: 'Schedule a kernel event instead of a wall-clock timer.' },
    { name: 'setImmediate', message: 'Schedule a kernel event instead.' },
    { name: 'requestAnimationFrame', message: 'The engine has no frames; the page paces time.' },
    { name: 'performance', message: 'Use the simulated clock.' },
    { name: 'window', message: 'The engine runs without a DOM.' },
    { name: 'document', message: 'The engine runs without a DOM.' },
    { name: 'navigator', message: 'The engine runs without a DOM.' },
    { name: 'localStorage', message: 'The engine runs without a DOM.' },
    { name: 'self', message: 'Only engine/worker.ts talks to the worker scope.' },
    { name: 'postMessage', message: 'Only engine/worker.ts talks to the worker scope.' },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "NewExpression[callee.name='Date'][arguments.length=0]",
      message: 'new Date() reads the wall clock; pass simulated epoch ms.',
    },
    { selector: "CallExpression[callee.name='Date']", message: 'Date() reads the wall clock.' },
  ],
};

// Every engine module except worker.ts: no UI package, no UI module.
const engineUiFree = {
  paths: uiPackages
    .filter((p) => !p.includes('*'))
    .map((name) => ({ name, message: `The engine is UI-free (${layers}).` })),
  patterns: [
    { group: ['**/ui/**', '../ui', '../../ui', '*/ui'], message: 'The engine never imports the UI.' },
    { group: uiPackages.filter((p) => p.includes('*')), message: `The engine is UI-free (${layers}).` },
  ],
};

// The page (ui/, share/, interop/) sees the engine only through engine/public (pure helpers and
// view types it may run in-thread) and engine/api (the worker API, whose types the page needs to
// talk to the worker). See docs/architecture.md, "The engine's public face".
const publicFace = 'docs/architecture.md, "The engine\'s public face"';
const pageToEngine = [
  {
    regex: '(^|/)engine(/(?!(public|api)$).*)?$',
    message: `Import the engine through engine/public (or types from engine/api); export what you need from src/engine/public.ts (${publicFace}).`,
  },
  {
    regex: '(^|/)engine/api$',
    allowTypeImports: true,
    message: `engine/api is the worker's API: the page imports its types only (\`import type\`); in-thread helpers are in engine/public (${publicFace}).`,
  },
];
// Tests of page code may run the real in-thread API (createEngineApi), so they may import its values.
const pageTestToEngine = [pageToEngine[0]];
// A dynamic import() is not seen by no-restricted-imports; the same boundary as a selector.
const pageDynamicToEngine = {
  selector: 'ImportExpression[source.value=/(^|\\/)engine(\\/(?!(public|api)$)|$)/]',
  message: `Import the engine through engine/public (${publicFace}).`,
};

// share/ and interop/ are pure leaves under the page: no React, no store, no ui/ module.
const leafUiPackages = [
  'react',
  'react/*',
  'react-dom',
  'react-dom/*',
  'zustand',
  'zustand/*',
  '@xyflow/*',
  'framer-motion',
  'framer-motion/*',
  'motion',
  'motion/*',
];
const leafNoUi = [
  {
    group: ['**/ui/**', '**/ui'],
    message: `share/ and interop/ are pure leaves: they never import ui/; move React parts under src/ui/ (${layers}).`,
  },
  {
    group: leafUiPackages,
    message: `share/ and interop/ are pure: no React, zustand, xyflow or motion; move React parts under src/ui/ (${layers}).`,
  },
];
const leafDynamicNoUi = {
  selector:
    'ImportExpression[source.value=/(^|\\/)ui(\\/|$)|^(react|react-dom|zustand|@xyflow|framer-motion|motion)(\\/|$)/]',
  message: `share/ and interop/ are pure leaves: no ui/ module, no React (${layers}).`,
};

const testFiles = ['**/*.test.ts', '**/*.test.tsx'];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'e2e-artifacts/**',
      '.tsbuild/**',
      '.cache/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/worker.ts'],
    rules: {
      ...nondeterminism,
      'no-restricted-imports': ['error', engineUiFree],
    },
  },
  {
    // The worker entry hosts the engine in a Web Worker: it may use comlink and the worker scope,
    // but still no ambient randomness or UI.
    files: ['src/engine/worker.ts'],
    rules: {
      'no-restricted-properties': nondeterminism['no-restricted-properties'],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/ui/**', 'react', 'react-dom', 'zustand', '@xyflow/*', 'motion', 'framer-motion'],
              message: 'The engine is UI-free.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/engine/sim/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/spark/**', '../spark', '../spark/*', '**/scenario/**', '**/views/**'],
              message: `sim/ is the kernel: it knows nothing of Spark (${layers}).`,
            },
            {
              group: ['**/ui/**', 'react', 'react-dom', 'zustand', '@xyflow/*', 'motion', 'framer-motion', 'comlink'],
              message: 'The engine is UI-free.',
            },
          ],
        },
      ],
    },
  },
  {
    // The Spark model is what the views draw and what the facade serves: it knows neither.
    files: ['src/engine/spark/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: engineUiFree.paths,
          patterns: [
            ...engineUiFree.patterns,
            {
              group: ['views', 'views/**', 'simulation', 'api', 'public'].flatMap((m) => [
                `../${m}`,
                `../../${m}`,
                `**/engine/${m}`,
              ]),
              message: `spark/ is the model: it never imports engine/views, engine/simulation, engine/api or engine/public; those import it (${layers}).`,
            },
          ],
        },
      ],
    },
  },
  {
    // A test is a composition root, not part of the model: nothing imports it, so it may drive a
    // whole Simulation. It stays UI-free.
    files: ['src/engine/spark/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', engineUiFree] },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/share/**/*.{ts,tsx}', 'src/interop/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: pageToEngine }],
      'no-restricted-syntax': ['error', pageDynamicToEngine],
    },
  },
  {
    files: ['src/share/**/*.{ts,tsx}', 'src/interop/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...pageToEngine, ...leafNoUi] }],
      'no-restricted-syntax': ['error', pageDynamicToEngine, leafDynamicNoUi],
    },
  },
  {
    files: testFiles.flatMap((t) => [`src/ui/${t}`]),
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: pageTestToEngine }] },
  },
  {
    files: testFiles.flatMap((t) => [`src/share/${t}`, `src/interop/${t}`]),
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...pageTestToEngine, ...leafNoUi] }] },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: [...testFiles, 'e2e/**', 'bench/**', 'scripts/**'],
    rules: { 'no-restricted-properties': 'off', 'no-restricted-globals': 'off', 'no-restricted-syntax': 'off' },
  },
);
