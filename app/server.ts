/**
 * The HTTP server: Express in front of Remix for what must happen on every request before any route runs
 * (security headers, the same-origin check, static files). Compiled with the app (remix.config.js `server`).
 */
import { randomBytes } from "node:crypto";
import { isMainThread } from "node:worker_threads";
import * as build from "@remix-run/dev/server-build";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import onHeaders from "on-headers";
import { startPdfWorkers, stopPdfWorkers } from "./backoffice/pdf-render.server";
import { CityConfigError, getCity } from "./city.server";
import { initDatabase } from "./db.server";
import { log, requestEntry } from "./log.server";
import { startNoticeDelivery } from "./notify/outbox.server";
import { syncFormDefinitions } from "./procedures/store.server";
import { markShuttingDown, markStarted } from "./readiness.server";
import { scheduleRetention } from "./retention.server";
import { EnvError, getEnv } from "./env.server";
import { checkSameOrigin } from "./security/csrf.server";
import { UPLOAD_FORM } from "./security/form-body.server";
import { crossSiteStaffGet, securityHeaders } from "./security/headers.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    clientIp: string;
  }
}

async function main() {
  let env;
  try {
    env = getEnv();
    // Read now, so that a wrong city configuration stops the start instead of the first page.
    getCity();
  } catch (error) {
    if (error instanceof EnvError || error instanceof CityConfigError) {
      log.fatal(error.message);
      process.exit(1);
    }
    throw error;
  }

  // Demo data is seeded before the server starts (scripts/seed-demo.ts), not by it.
  const db = initDatabase(env.DATABASE_PATH);
  syncFormDefinitions(undefined, (line) => log.info(line));
  // E-mail notices left over from a stop, and retries of failed ones (ADR 0013).
  startNoticeDelivery();
  startPdfWorkers(import.meta.url);
  if (env.RETENTION_SCHEDULE) scheduleRetention();

  const app = express();
  app.disable("x-powered-by");
  // Behind a reverse proxy, take the client address and protocol from the proxy's X-Forwarded-* headers.
  if (env.TRUST_PROXY) app.set("trust proxy", 1);
  app.use((req, res, next) => {
    const start = performance.now();
    res.on("finish", () => log.info(requestEntry(req, res, performance.now() - start), "request"));
    // A body left unread (refused before it was read: over the limits, a sign-in redirect, a 404) would stall the next
    // request on this connection behind it: the Remix adapter pauses the stream and nobody reads it. Closing the
    // connection under a client still sending resets it, and the client loses the answer. So a body no larger than
    // the largest post we take is read and dropped once the answer is sent (nothing reads it any more by then), and the
    // connection stays open; a larger one, or one of unknown size, is not worth reading: the answer says the
    // connection closes, and the browser opens another.
    const drainable = () => {
      const declared = Number(req.headers["content-length"]);
      return Number.isFinite(declared) && declared <= UPLOAD_FORM.bodyBytes;
    };
    onHeaders(res, () => {
      if (!req.complete && !drainable()) res.setHeader("Connection", "close");
    });
    res.on("finish", () => {
      if (req.complete || !drainable()) return;
      req.removeAllListeners("data");
      req.resume();
    });
    next();
  });
  app.use(compression());
  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  });
  app.use(securityHeaders({ production: env.COOKIE_SECURE }));
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  // public/ holds files (favicon.svg): a page's path has no extension, and is not looked for on disk.
  const publicFiles = express.static("public", { maxAge: "1h" });
  app.use((req, res, next) => (/\.[a-z0-9]+$/i.test(req.path) ? publicFiles(req, res, next) : next()));

  app.use((req, res, next) => {
    const target = crossSiteStaffGet(req);
    if (!target) return next();
    const href = target.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
    res
      .status(200)
      .set("Cache-Control", "no-store")
      .type("text/html; charset=utf-8")
      .send(
        `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>職員用ページを開く</title></head>` +
          `<body><main><h1>職員用ページを開く</h1><p>別のサイトから開かれたため、まだ表示していません。開く場合は次のリンクを押してください。</p>` +
          `<p><a href="${href}">このページを開く</a></p></main></body></html>`,
      );
  });

  app.use((req, res, next) => {
    const verdict = checkSameOrigin(req.method, { get: (n) => req.get(n) }, `${req.protocol}://${req.get("host")}`);
    if (verdict.ok) return next();
    log.warn({ method: req.method, path: req.path, reason: verdict.reason }, "cross-site request refused");
    res
      .status(403)
      .type("text/plain; charset=utf-8")
      .send(
        "この操作は受け付けられませんでした。ページを開き直してからもう一度お試しください。\n" + "This request was refused. Reload the page and try again.",
      );
  });

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: build.mode,
      getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce as string, clientIp: req.ip ?? "unknown" }),
    }),
  );

  const server = app.listen(env.PORT, env.HOST, () => {
    markStarted();
    log.info({ port: env.PORT, database: env.DATABASE_PATH, demo: env.DEMO }, `madoguchi listening on http://localhost:${env.PORT}`);
  });

  // Stop taking new work (/readyz says so, the load balancer moves on), finish what is running, then close the database.
  const shutdown = () => {
    if (!markShuttingDown()) return;
    log.info("shutting down");
    server.close(async () => {
      await stopPdfWorkers();
      db.$client.close();
      log.info("stopped");
      process.exit(0);
    });
    // Idle keep-alive connections would hold the close open; busy ones finish their request first.
    server.closeIdleConnections();
    // Keep-alive connections would hold the process open; give them a moment, then leave.
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

// The PDF workers (backoffice/pdf-render.server.ts) load this same bundle for renderPdfJob; only the main thread serves.
export { renderPdfJob } from "./backoffice/pdf-render.server";
if (isMainThread) void main();
