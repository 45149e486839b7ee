import fs from "node:fs";

/**
 * The server's clock. Scheduled publications are decided by it, so the end-to-end suite must be able to move it:
 * when TEST_CLOCK_FILE names a file holding an ISO instant, that instant is "now". Never set it in production.
 */
export function now(): Date {
  const file = process.env.TEST_CLOCK_FILE;
  if (file) {
    const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : "";
    const at = text ? new Date(text) : null;
    if (at && !Number.isNaN(at.getTime())) return at;
  }
  return new Date();
}
