/**
 * Structured logs: one JSON object per line on stdout, for a city's log collector (pino). They never carry personal
 * data: a request is its method, its path without the query (a search may be a name), its status and duration; an
 * error its message and stack, except a page not found, which is a fact, not a fault.
 */
import pino from "pino";

export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "madoguchi" },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});

/** What is logged of a request: no query string, no body, no cookie, no address. */
export function requestEntry(req: { method: string; originalUrl: string }, res: { statusCode: number }, ms: number) {
  return { method: req.method, path: req.originalUrl.split("?")[0], status: res.statusCode, ms: Math.round(ms) };
}

/** An error worth a stack trace: not a 404 (a mistyped or stale address). */
export function isFault(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status;
  return status !== 404 && status !== 405;
}
