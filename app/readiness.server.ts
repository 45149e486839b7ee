/**
 * Whether this server takes requests: not before it has started (database open, migrations run, procedures read), not
 * once a shutdown has begun. /readyz says so to a load balancer; /healthz only says the process and database live.
 */
let started = false;
let shuttingDown = false;

export const markStarted = () => void (started = true);

/** Begins the shutdown; false when it had already begun (a second SIGTERM). */
export function markShuttingDown(): boolean {
  if (shuttingDown) return false;
  shuttingDown = true;
  return true;
}

export const readiness = (): "starting" | "ready" | "shutting down" => (shuttingDown ? "shutting down" : started ? "ready" : "starting");
