import { pingDatabase } from "../db.server";

/** Liveness and readiness: answers only when the database answers. */
export function loader() {
  pingDatabase();
  return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
