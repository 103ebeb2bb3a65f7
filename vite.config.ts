import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// src/engine/public.ts re-exports the pure helpers the page may run in-thread. Its modules do no
// work at import (no registration, no globals; docs/architecture.md, "Determinism"), so the
// bundler may drop a re-exported module a chunk does not use. Without this it must assume every
// top-level call (a zod schema, a table) matters, and the page's entry script would pull in
// spark-submit's parser and the scenario schema through the one import of ENGINE_VERSION.
const sideEffectFreeEngine = (id: string): boolean | undefined =>
  /[\\/]src[\\/]engine[\\/]/.test(id) && !/[\\/]engine[\\/]worker\.ts$/.test(id) ? false : undefined;

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    // The polyfill for <link rel="modulepreload"> would add to the page's entry script, whose size
    // is budgeted (README, "Performance"). A browser without it (Firefox before 115, Safari before
    // 17) fetches those chunks when the entry imports them, a little later; nothing else changes.
    modulePreload: { polyfill: false },
    rolldownOptions: { treeshake: { moduleSideEffects: sideEffectFreeEngine } },
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: false },
});
