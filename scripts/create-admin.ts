/**
 * Creates the first administrator of a real deployment (DEMO=off):
 *   npm run create-admin -- --username tanaka --name "田中 一郎"
 * The password is asked for on the terminal, or taken from ADMIN_PASSWORD for automated set-ups.
 */
import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { hashPassword } from "../app/auth/password.server";
import { initDatabase } from "../app/db.server";
import { getEnv } from "../app/env.server";
import { staffUsers } from "../db/schema";

const MIN_PASSWORD_LENGTH = 12;

async function askPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  if (!process.stdin.isTTY) throw new Error("No terminal to ask for the password: set ADMIN_PASSWORD");
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Hide what is typed: echo nothing after the prompt.
  const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
  let muted = false;
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
    if (!muted) write.call(rl, s);
  };
  const ask = async (prompt: string) => {
    const answer = rl.question(prompt);
    muted = true;
    const value = await answer;
    muted = false;
    process.stdout.write("\n");
    return value;
  };
  const first = await ask("Password: ");
  const second = await ask("Password again: ");
  rl.close();
  if (first !== second) throw new Error("The passwords differ");
  return first;
}

async function main() {
  const { values } = parseArgs({ options: { username: { type: "string" }, name: { type: "string" } } });
  const username = values.username?.trim().toLowerCase();
  if (!username || !/^[a-z0-9._-]{3,64}$/.test(username)) {
    throw new Error("--username is required: 3–64 characters of a–z, 0–9, '.', '_' or '-'");
  }
  const password = await askPassword();
  if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`The password must be at least ${MIN_PASSWORD_LENGTH} characters`);
  const db = initDatabase(getEnv().DATABASE_PATH);
  if (db.select().from(staffUsers).where(eq(staffUsers.username, username)).get()) {
    throw new Error(`A staff account named ${username} already exists`);
  }
  db.insert(staffUsers)
    .values({
      id: randomUUID(),
      username,
      displayName: values.name?.trim() || username,
      passwordHash: await hashPassword(password),
      role: "admin",
      duty: "admin",
    })
    .run();
  db.$client.close();
  console.log(`Administrator ${username} created in ${getEnv().DATABASE_PATH}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
