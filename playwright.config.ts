// Browser tests run against the production build (vite preview), in Chromium. Playwright cannot
// download its own browser on the CI machines, so Debian's /usr/bin/chromium is used when present;
// elsewhere Playwright's bundled Chromium is used.
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Not vite preview's default 4173, so `npm start` can run beside the tests; E2E_PORT moves it when
// another checkout's browser tests hold 4174 on the same machine.
const PORT = Number(process.env.E2E_PORT) || 4174;
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const CI = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  // Two cores: one browser at a time keeps the simulated clock's pacing honest.
  workers: 1,
  forbidOnly: CI,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
        },
      },
    },
  ],
  webServer: {
    // test:e2e builds first; this only serves dist/.
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !CI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
