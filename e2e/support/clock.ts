import fs from "node:fs";

/**
 * Moves the e2e server's clock (TEST_CLOCK_FILE, read by app/clock.server.ts on every call) to an instant, or back to
 * the real time with null. Only scheduled publications and retirements read it; sessions keep the real time.
 */
export function setServerClock(iso: string | null) {
  const file = process.env.E2E_CLOCK_FILE;
  if (!file) throw new Error("E2E_CLOCK_FILE is not set: global-setup sets it");
  fs.writeFileSync(file, iso ?? "");
}
