// e2e tests of the real renderer against the real handlers, in real Chromium: the Node host is
// started once by e2e/global-setup.ts. Debian's chromium is used where it is installed (this
// machine cannot download Playwright's own browser); elsewhere, Playwright's.
import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

const systemChromium = "/usr/bin/chromium";
const useSystemChromium = existsSync(systemChromium) && !process.env.PLAYWRIGHT_OWN_BROWSER;

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  // Two cores shared with other work: one browser at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  // One retry on CI, where a shared 2-core machine can starve a timing-sensitive test (a host
  // killed and restarted); Playwright reports any test that needed it as flaky.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? "line" : "list",
  outputDir: "test-results",
  use: {
    // Set by the global setup, which picks a free port.
    baseURL: process.env.PALISADE_E2E_URL,
    viewport: { width: 1280, height: 800 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: useSystemChromium
      ? {
          executablePath: systemChromium,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        }
      : {},
  },
  projects: [
    { name: "browser", testIgnore: /electron-.*\.spec\.ts/ },
    { name: "electron", testMatch: /electron-.*\.spec\.ts/ },
  ],
});
