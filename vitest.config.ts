import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/**/*.test.ts',
      'src/**/*.test.tsx',
      'bench/**/*.test.ts',
      'scripts/**/*.test.ts',
      'conformance/**/*.test.ts',
    ],
    environment: 'node',
    // The machine has two cores: two forks use them without thrashing.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    setupFiles: ['./vitest.setup.ts'],
  },
});
