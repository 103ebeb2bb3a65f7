// Lint enforces the layering of DESIGN.md §1: the engine is deterministic and UI-free,
// and the kernel (sim/) knows nothing of Spark.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const uiPackages = ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', '@xyflow/*', 'motion', 'motion/*', 'framer-motion', 'comlink'];

const nondeterminism = {
  'no-restricted-properties': [
    'error',
    { object: 'Math', property: 'random', message: 'Use the kernel\'s seeded generator (sim/random.ts).' },
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
    { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'new Date() reads the wall clock; pass simulated epoch ms.' },
    { selector: "CallExpression[callee.name='Date']", message: 'Date() reads the wall clock.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'e2e-artifacts/**'] },
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
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/worker.ts'],
    rules: {
      ...nondeterminism,
      'no-restricted-imports': ['error', {
        paths: uiPackages.filter((p) => !p.includes('*')).map((name) => ({ name, message: 'The engine is UI-free (DESIGN.md §1).' })),
        patterns: [
          { group: ['**/ui/**', '../ui', '../../ui', '*/ui'], message: 'The engine never imports the UI.' },
          { group: uiPackages.filter((p) => p.includes('*')), message: 'The engine is UI-free (DESIGN.md §1).' },
        ],
      }],
    },
  },
  {
    // The worker entry hosts the engine in a Web Worker: it may use comlink and the worker scope,
    // but still no ambient randomness or UI.
    files: ['src/engine/worker.ts'],
    rules: {
      'no-restricted-properties': nondeterminism['no-restricted-properties'],
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/ui/**', 'react', 'react-dom', 'zustand', '@xyflow/*', 'motion', 'framer-motion'], message: 'The engine is UI-free.' }] }],
    },
  },
  {
    files: ['src/engine/sim/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/spark/**', '../spark', '../spark/*', '**/scenario/**', '**/views/**'], message: 'sim/ is the kernel: it knows nothing of Spark (DESIGN.md §1).' },
          { group: ['**/ui/**', 'react', 'react-dom', 'zustand', '@xyflow/*', 'motion', 'framer-motion', 'comlink'], message: 'The engine is UI-free.' },
        ],
      }],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**', 'bench/**', 'scripts/**'],
    rules: { 'no-restricted-properties': 'off', 'no-restricted-globals': 'off', 'no-restricted-syntax': 'off' },
  },
);
