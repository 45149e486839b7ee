/**
 * A server of a test's own (the suite's is shared by parallel workers): the production build on a free port with a
 * fresh temporary database, for tests that kill it (crash.spec) or compare the whole database before and after
 * (hostile-input.spec). Driven over HTTP as a browser without JavaScript would drive it.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "../../scripts/free-port";

const root = path.resolve(import.meta.dirname, "../..");

export type OwnServer = {
  base: string;
  env: NodeJS.ProcessEnv;
  databasePath: string;
  start(): Promise<ChildProcess>;
  /** The last lines the server wrote (its JSON log), to explain a failure. */
  logTail(lines?: number): string;
  dispose(): void;
};

/** The environment of a server on a fresh database; `seed` fills it with the demo city first (staff, residents). */
export async function ownServer(name: string, { seed = false } = {}): Promise<OwnServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `madoguchi-${name}-`));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const databasePath = path.join(dir, `${name}.sqlite`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_PATH: databasePath,
    DEMO: "on",
    SESSION_SECRET: randomBytes(32).toString("hex"),
  };
  if (seed) await promisify(execFile)(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/seed-demo.ts"], { cwd: root, env });
  const running: ChildProcess[] = [];
  return {
    base,
    env,
    databasePath,
    start: async () => {
      const log = fs.openSync(path.join(dir, "server.log"), "a");
      const server = spawn(process.execPath, ["build/index.js"], { cwd: root, env, stdio: ["ignore", log, log] });
      fs.closeSync(log);
      running.push(server);
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode})`);
        const up = await fetch(`${base}/healthz`).then(
          (r) => r.ok,
          () => false,
        );
        if (up) return server;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error("the server did not start");
    },
    logTail: (lines = 20) => {
      const file = path.join(dir, "server.log");
      return fs.existsSync(file) ? fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n") : "";
    },
    dispose: () => {
      for (const server of running) server.kill("SIGKILL");
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One visitor's browser without JavaScript: redirects not followed, its own cookies, the site's Origin on posts. */
export function client(base: string) {
  let cookie = "";
  const keep = (response: Response) => {
    for (const c of response.headers.getSetCookie()) cookie = [cookie, c.split(";")[0]].filter(Boolean).join("; ");
    return response;
  };
  /** A form post (or a GET without `form`). */
  const send = async (pathname: string, form?: Record<string, string>) =>
    keep(
      await fetch(base + pathname, {
        method: form ? "POST" : "GET",
        redirect: "manual",
        headers: { Cookie: cookie, Origin: base, ...(form ? { "Content-Type": "application/x-www-form-urlencoded" } : {}) },
        body: form ? new URLSearchParams(form) : undefined,
      }),
    );
  /** A post of any body with any content type, as an attacker sends it: its status (the answer is read whole). */
  const sendRaw = async (pathname: string, body: string | Uint8Array<ArrayBuffer>, contentType: string) => {
    const response = keep(
      await fetch(base + pathname, {
        method: "POST",
        redirect: "manual",
        headers: { Cookie: cookie, Origin: base, "Content-Type": contentType },
        body,
      }),
    );
    await response.arrayBuffer();
    return response.status;
  };
  return { send, sendRaw, cookie: () => cookie };
}
