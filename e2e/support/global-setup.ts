import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { freePort } from "../../scripts/free-port";

const root = path.resolve(import.meta.dirname, "../..");

async function waitForHealth(url: string, server: { exitCode: number | null }, log: () => string, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited (${server.exitCode}):\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`The server did not answer ${url} within ${timeout / 1000} s:\n${log()}`);
}

/**
 * The W3C Nu HTML validator (vnu-jar) as an HTTP service on loopback: one JVM for the whole run, so a document costs
 * a POST (tens of ms) instead of a JVM start (about 2 s). Returns its endpoint and how to stop it.
 */
async function startValidator() {
  const jar = createRequire(import.meta.url).resolve("vnu-jar/build/dist/vnu.jar");
  const port = await freePort();
  let output = "";
  // C1 only and the serial collector: a third of the start-up time on a busy 2-core machine (15 s against 50 s), and
  // documents twice as fast; the validator's work is short and single-threaded, the C2 compiler never pays off.
  const jvm = ["-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dnu.validator.servlet.bind-address=127.0.0.1"];
  const vnu = spawn("java", [...jvm, "-cp", jar, "nu.validator.servlet.Main", String(port)], { stdio: ["ignore", "pipe", "pipe"] });
  vnu.on("error", (error) => (output += `${error.message} (is Java installed? apt-get install -y default-jre-headless)`));
  vnu.stdout.on("data", (d) => (output += d));
  vnu.stderr.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForHealth(url, vnu, () => output, 120_000);
  } catch (error) {
    vnu.kill("SIGTERM");
    throw error;
  }
  // The first document warms the JIT up (over a second); later ones take tens of milliseconds.
  await fetch(`${url}?out=json`, { method: "POST", headers: { "Content-Type": "text/html; charset=utf-8" }, body: "<!DOCTYPE html><title>x</title>" });
  return {
    url,
    stop: async () => {
      vnu.kill("SIGTERM");
      if (vnu.exitCode === null) await new Promise((r) => vnu.once("exit", r));
    },
  };
}

/**
 * Starts the production build (npm run build must have run) on a free port with a fresh temporary database,
 * the demo data seeded first (scripts/seed-demo.ts, as `npm start` does), and a known session secret so tests can
 * mint sessions, and the HTML validator beside it. Tests read the values from env.
 */
export default async function globalSetup() {
  if (!fs.existsSync(path.join(root, "build/index.js"))) throw new Error("Run `npm run build` before the e2e tests");
  // Not awaited yet: the JVM starts while the database is seeded and the server starts.
  const validator = startValidator();
  try {
    return await startServer(validator);
  } catch (error) {
    await validator.then((v) => v.stop()).catch(() => {});
    throw error;
  }
}

async function startServer(validator: ReturnType<typeof startValidator>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "madoguchi-e2e-"));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_PATH: path.join(dir, "e2e.sqlite"),
    DEMO: "on",
    SESSION_SECRET: randomBytes(32).toString("hex"),
    // The whole suite comes from one address: the per-address limits are tested on a server of their own
    // (hostile-input.spec.ts) and in throttle.server.test.ts.
    THROTTLE_DRAFTS: "1000000",
    THROTTLE_UPLOADS: "1000000",
    THROTTLE_RESIDENT_SIGN_INS: "1000000",
    // The server's clock (app/clock.server.ts): empty is the real time; setServerClock moves it for a scheduled publication.
    TEST_CLOCK_FILE: path.join(dir, "clock"),
  };
  // tsx by path, as configuration.spec.ts runs create-admin: node_modules/.bin need not be on PATH.
  await promisify(execFile)(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/seed-demo.ts"], { cwd: root, env });
  let output = "";
  const server = spawn(process.execPath, ["build/index.js"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  // Also to a file as it comes: a failed test's report quotes the server's errors of its time (support/fixtures.ts).
  const logFile = path.join(dir, "server.log");
  const logStream = fs.createWriteStream(logFile);
  const keep = (d: Buffer) => {
    output += d;
    logStream.write(d);
  };
  server.stdout.on("data", keep);
  server.stderr.on("data", keep);
  const baseURL = `http://localhost:${port}`;
  await waitForHealth(`${baseURL}/healthz`, server, () => output);
  const vnu = await validator;

  process.env.E2E_BASE_URL = baseURL;
  process.env.E2E_DATABASE_PATH = env.DATABASE_PATH;
  process.env.E2E_VNU_URL = vnu.url;
  process.env.E2E_CLOCK_FILE = env.TEST_CLOCK_FILE;
  process.env.E2E_SERVER_LOG_FILE = logFile;
  // Page states axe has passed in this run (support/fixtures.ts): one file per state, shared by the workers.
  process.env.E2E_AXE_PASSED_DIR = path.join(dir, "axe-passed");
  fs.mkdirSync(process.env.E2E_AXE_PASSED_DIR);

  // A server that dies during the run must fail it loudly. Waiting for an "exit" that had already happened left the
  // teardown on a promise nothing would settle: Node then ended Playwright with code 0 and no summary (a false green).
  let exitedDuringRun: string | undefined;
  server.once("exit", (code, signal) => (exitedDuringRun = `code ${code}, signal ${signal}`));

  return async () => {
    await vnu.stop();
    logStream.end();
    if (process.env.E2E_SERVER_LOG) fs.writeFileSync(process.env.E2E_SERVER_LOG, output);
    if (exitedDuringRun) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw new Error(`The server exited during the run (${exitedDuringRun}):\n${output.split("\n").slice(-20).join("\n")}`);
    }
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
