import { createHash, randomBytes } from "node:crypto";
import { createCookie } from "@remix-run/node";
import { eq, lt, sql } from "drizzle-orm";
import { residentAccounts, sessions, settings, staffUsers } from "../../db/schema";
import { getDb, preparedQuery } from "../db.server";
import { getEnv } from "../env.server";

export type Role = "resident" | "staff" | "admin";

export type Principal =
  | {
      role: "resident";
      sessionIdHash: string;
      resident: typeof residentAccounts.$inferSelect;
    }
  | {
      role: "staff" | "admin";
      sessionIdHash: string;
      staff: Pick<typeof staffUsers.$inferSelect, "id" | "username" | "displayName" | "role" | "duty">;
    };

const SESSION_COOKIE = "madoguchi_session";

/**
 * Cookie secrets, newest first: a new secret signs, all of them verify, so secrets rotate without signing
 * everybody out. In demo mode without SESSION_SECRET, a random secret is generated once and kept in the database.
 */
export function getSecrets(): string[] {
  const env = getEnv();
  if (env.SESSION_SECRET?.length) return env.SESSION_SECRET;
  const db = getDb();
  const row = db.select().from(settings).where(eq(settings.key, "demo_session_secret")).get();
  if (row) return [row.value];
  const secret = randomBytes(32).toString("base64url");
  db.insert(settings).values({ key: "demo_session_secret", value: secret }).onConflictDoNothing().run();
  return [db.select().from(settings).where(eq(settings.key, "demo_session_secret")).get()!.value];
}

let cookie: ReturnType<typeof createCookie> | undefined;
function sessionCookie() {
  cookie ??= createCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: "lax",
    secure: getEnv().COOKIE_SECURE,
    path: "/",
    secrets: getSecrets(),
  });
  return cookie;
}

const hashId = (id: string) => createHash("sha256").update(id).digest("base64url");

async function readSessionId(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

type NewSession = { role: "resident"; residentAccountId: string } | { role: Role; staffUserId: string };

/**
 * Starts a session and returns the Set-Cookie value. Any session the request already carried is ended first,
 * so every sign-in gets a fresh id (no session fixation). `stillAllowed` is asked under the write lock as the session
 * is written: a change made while the sign-in was checked (a password reset ends the account's sessions) is seen
 * there, or comes after and ends this one too. When it says no, no session is written and the answer is null.
 */
export async function createSession(request: Request, who: NewSession): Promise<string>;
export async function createSession(request: Request, who: NewSession, stillAllowed: () => boolean): Promise<string | null>;
export async function createSession(request: Request, who: NewSession, stillAllowed = () => true): Promise<string | null> {
  await endSession(request);
  const id = randomBytes(32).toString("base64url");
  const ttlMs = getEnv().SESSION_TTL_HOURS * 3600_000;
  const written = getDb().transaction((tx) => {
    if (!stillAllowed()) return false;
    tx.insert(sessions)
      .values({
        idHash: hashId(id),
        role: who.role,
        staffUserId: "staffUserId" in who ? who.staffUserId : null,
        residentAccountId: "residentAccountId" in who ? who.residentAccountId : null,
        expiresAt: new Date(Date.now() + ttlMs),
      })
      .run();
    return true;
  });
  return written ? sessionCookie().serialize(id, { maxAge: Math.floor(ttlMs / 1000) }) : null;
}

/** Ends the request's session (if any) in the database and returns the Set-Cookie value that clears it. */
export async function endSession(request: Request): Promise<string> {
  const id = await readSessionId(request);
  if (id)
    getDb()
      .delete(sessions)
      .where(eq(sessions.idHash, hashId(id)))
      .run();
  return sessionCookie().serialize("", { maxAge: 0 });
}

// Every signed-in request reads these: kept prepared (db.server.ts).
const sessionByHash = preparedQuery((db) =>
  db
    .select()
    .from(sessions)
    .where(eq(sessions.idHash, sql.placeholder("idHash")))
    .prepare(),
);
const residentById = preparedQuery((db) =>
  db
    .select()
    .from(residentAccounts)
    .where(eq(residentAccounts.id, sql.placeholder("id")))
    .prepare(),
);
const staffById = preparedQuery((db) =>
  db
    .select({
      id: staffUsers.id,
      username: staffUsers.username,
      displayName: staffUsers.displayName,
      role: staffUsers.role,
      duty: staffUsers.duty,
      disabled: staffUsers.disabled,
    })
    .from(staffUsers)
    .where(eq(staffUsers.id, sql.placeholder("id")))
    .prepare(),
);

export async function getPrincipal(request: Request): Promise<Principal | null> {
  const id = await readSessionId(request);
  if (!id) return null;
  const db = getDb();
  const idHash = hashId(id);
  const session = sessionByHash().get({ idHash });
  if (!session) return null;
  if (session.expiresAt.getTime() <= Date.now()) {
    db.delete(sessions).where(lt(sessions.expiresAt, new Date())).run();
    return null;
  }
  if (session.role === "resident" && session.residentAccountId) {
    const resident = residentById().get({ id: session.residentAccountId });
    return resident ? { role: "resident", sessionIdHash: idHash, resident } : null;
  }
  if (session.staffUserId) {
    const staff = staffById().get({ id: session.staffUserId });
    if (!staff || staff.disabled) return null;
    // The role comes from the account, not the session row, so a demotion takes effect at once.
    return { role: staff.role, sessionIdHash: idHash, staff };
  }
  return null;
}
