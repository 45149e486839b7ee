import fs from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";

/** Playwright's own Chromium when it is installed, otherwise the system one. Never downloads a browser. */
function browserExecutable(): string | undefined {
  try {
    if (fs.existsSync(chromium.executablePath())) return undefined;
  } catch {
    // No Playwright browser registry entry: fall through to the system browser.
  }
  for (const candidate of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error("No Chromium found: install Debian's chromium (apt-get install -y chromium)");
}

export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  outputDir: "./.results",
  globalSetup: "./support/global-setup.ts",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Three workers on two cores: a test waits on the server, the browser and the validator as much as it computes.
  workers: 3,
  // Twice the longest test without a limit of its own on an idle CI machine (about a minute): a loaded machine still
  // passes, and no test runs closer than half its limit (issue 13 point 11). Long journeys set their own.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["./support/time-budget-reporter.ts"]],
  // A test that moves the server's clock (support/clock.ts) would move it under every test running beside it: those
  // tests (*.clock.spec.ts) run in their own project, after all the others.
  // A test that measures how fast the server answers while it works hard (*.quiet.spec.ts) runs last, alone: on a
  // two-core machine shared with browsers it would measure the machine.
  projects: [
    { name: "main", testIgnore: ["**/*.clock.spec.ts", "**/*.quiet.spec.ts"] },
    { name: "clock", testMatch: "**/*.clock.spec.ts", dependencies: ["main"] },
    { name: "quiet", testMatch: "**/*.quiet.spec.ts", dependencies: ["clock"] },
  ],
  use: {
    // Set by global-setup, which starts the production build on a free port with a fresh database.
    baseURL: process.env.E2E_BASE_URL,
    ...devices["Desktop Chrome"],
    // Residents are on phones first: every test runs at 390×844 unless it says otherwise.
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 1,
    locale: "ja-JP",
    // A trace copies every script a check injects and a snapshot per action: a sixth of the suite's CPU, for a file no CI
    // reader opens. E2E_TRACE=retain-on-failure (or on) records them when a failure needs one.
    trace: (process.env.E2E_TRACE as "retain-on-failure" | "on" | undefined) ?? "off",
    launchOptions: {
      executablePath: browserExecutable(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
});
