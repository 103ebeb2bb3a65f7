import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
export default defineConfig({
  root: '/work/main',
  plugins: [react()],
  worker: { format: 'es' },
  resolve: { alias: [
    { find: /^\.\/simulation$/, replacement: '/tmp/stub/simulation.ts' },
    { find: /^\.\/scenario\/restore$/, replacement: '/tmp/stub/restore.ts' },
    { find: /^\.\.\/scenarios$/, replacement: '/tmp/stub/scenarios.ts' },
  ] },
  build: { target: 'es2022', outDir: '/tmp/stub/dist', emptyOutDir: true },
});
