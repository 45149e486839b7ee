/**
 * `npm run dev`: builds once (a fresh clone has no build/ for the server to start from), then runs the Remix watcher
 * and the server, which restarts whenever the build changes. Ctrl-C or SIGTERM stops everything, and when either
 * process stops the other is stopped too, so nothing is left running in the background. package.json starts this
 * with `exec` because npm runs scripts through sh, which would not pass npm's SIGINT/SIGTERM on.
 */
import { spawn, type ChildProcess } from "node:child_process";

const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "development" };
const running = new Set<ChildProcess>();
let stopping = false;

// Each child leads its own process group, so stopping it also stops what it started (esbuild, node --watch's server).
function run(command: string, args: string[]) {
  const child = spawn(command, args, { stdio: "inherit", env, detached: true });
  running.add(child);
  child.on("exit", () => running.delete(child));
  child.on("error", (error) => {
    console.error(`${command}: ${error.message}`);
    stop(1);
  });
  return child;
}

function stop(exitCode: number) {
  if (!stopping) process.exitCode = exitCode;
  stopping = true;
  for (const child of running) {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

process.on("SIGINT", () => stop(130));
process.on("SIGTERM", () => stop(143));

const build = run("remix", ["build"]);
build.on("exit", (code) => {
  if (stopping) return;
  if (code !== 0) return stop(code ?? 1);
  for (const child of [run("remix", ["watch"]), run(process.execPath, ["--watch-path=./build", "./build/index.js"])]) {
    child.on("exit", (code) => stop(code || 1));
  }
});
