// Browser tests for Samråd: Playwright driving Debian's Chromium (never a
// downloaded browser) against a real server that global-setup.js builds and
// starts on a free port with an empty database.
//
//   cd scripts/browser && npm ci && npx playwright test
//
// Needs Go (to build ./server) and Chromium at /usr/bin/chromium (or set
// SAMRAD_CHROMIUM). SAMRAD_KEEP_TMP=1 keeps the server's folder (binary,
// database, log) after the run. Each test makes its own workshop, so tests
// run in any order and two at a time.
import { defineConfig } from '@playwright/test';

export const CHROMIUM = process.env.SAMRAD_CHROMIUM || '/usr/bin/chromium';

export default defineConfig({
  testDir: './tests',
  globalSetup: './global-setup.js',
  globalTeardown: './global-teardown.js',
  // Two cores here: two workers, each test with its own workshop and contexts.
  workers: 2,
  fullyParallel: true,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    // Every test reads the server's address from process.env.SAMRAD_TEST_URL
    // through the helpers; baseURL cannot be set here because the port is
    // chosen in global setup, after this file is read.
    browserName: 'chromium',
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    launchOptions: {
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    // A trace records every page's screencast and DOM as it runs: on the
    // test command's two cores that costs minutes, so it is kept for runs by
    // hand (npx playwright test) and left out of the test command (CI=1).
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
