// `npm start`: serve the production build (dist/, built by the start script just before) with
// vite preview, and print one clear line with the URL to open.
import { existsSync } from 'node:fs';
import { preview } from 'vite';

if (!existsSync('dist/index.html')) {
  console.error('dist/ has no build yet: run `npm run build` first (npm start does this for you).');
  process.exit(1);
}

const port = Number(process.env.PORT) || 4173;
const server = await preview({
  logLevel: 'warn',
  // A busy port is not an error for a local playground: take the next free one and say which.
  preview: { port, strictPort: false, open: false },
});

const url = server.resolvedUrls?.local[0] ?? `http://localhost:${port}/`;
console.log(`\nSpark Standalone Playground: ${url}\n(press Ctrl+C to stop)\n`);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
