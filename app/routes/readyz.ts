import { pingDatabase } from "../db.server";
import { readiness } from "../readiness.server";

/** Readiness for a load balancer: 200 while this server takes requests, 503 while it starts or shuts down. */
export function loader() {
  const state = readiness();
  if (state === "ready") pingDatabase();
  return new Response(state, { status: state === "ready" ? 200 : 503, headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
