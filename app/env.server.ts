import { z } from "zod";

/** "on"/"off" style switches, as people write them in shell environments. */
const onOff = z
  .enum(["on", "off", "true", "false", "1", "0", "yes", "no"], {
    error: () => "must be one of on, off, true, false, 1, 0, yes, no",
  })
  .transform((v) => ["on", "true", "1", "yes"].includes(v));

/**
 * Whether a secret is guessable: too few different characters for its length (its length times the Shannon entropy of
 * its characters under 80 bits: 「aaaa…」, 「abab…」; 32 random hex characters score about 110) or a word repeated (a
 * 4-character piece three times or more). It refuses the guessable; it cannot prove randomness.
 */
export function isGuessable(secret: string): boolean {
  const chars = [...secret];
  const counts = new Map<string, number>();
  for (const ch of chars) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const bits = [...counts.values()].reduce((h, c) => h - (c / chars.length) * Math.log2(c / chars.length), 0) * chars.length;
  const pieces = new Map<string, number>();
  for (let i = 0; i + 4 <= chars.length; i++) {
    const piece = chars.slice(i, i + 4).join("");
    pieces.set(piece, (pieces.get(piece) ?? 0) + 1);
  }
  return bits < 80 || [...pieces.values()].some((n) => n >= 3);
}

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_PATH: z.string().min(1).default("./data/madoguchi.sqlite"),
  /** The fictional demo city, its demo accounts and the password-less demo sign-in. Off unless set (`npm start` sets it). */
  DEMO: onOff.default(false),
  SESSION_SECRET: z
    .string()
    .optional()
    .transform((v) =>
      v
        ?.split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine((v) => v === undefined || v.every((s) => s.length >= 32), {
      message: "every comma-separated secret must be at least 32 characters",
    })
    .refine((v) => v === undefined || v.every((s) => s.length < 32 || !isGuessable(s)), {
      message: "a secret is too easy to guess (make one with `openssl rand -hex 32`)",
    }),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(8),
  COOKIE_SECURE: onOff.optional(),
  TRUST_PROXY: onOff.default(false),
  /** Wrong staff passwords from one address before its next try waits (30 s, doubling). */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  /** The longest such wait. */
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().positive().default(15),
  /** Whether this server runs the daily retention job itself; off on all but one of several app servers, or with cron. */
  RETENTION_SCHEDULE: onOff.default(true),
  /** Open drafts untouched for this many days are deleted with their files (app/retention.server.ts). */
  RETENTION_DRAFT_DAYS: z.coerce.number().int().positive().default(30),
  /** Per address and 10 minutes (app/security/throttle.server.ts): new drafts, posts with files, resident sign-ins. */
  THROTTLE_DRAFTS: z.coerce.number().int().positive().default(60),
  THROTTLE_UPLOADS: z.coerce.number().int().positive().default(200),
  THROTTLE_RESIDENT_SIGN_INS: z.coerce.number().int().positive().default(30),
  /** A JSON file describing the city (app/city.ts); unset: the fictional demo city. */
  CITY_CONFIG: z.string().min(1).optional(),
  /** E-mail notices (ADR 0013): smtp://user:pass@host:587 or smtps://…; unset: no mail is sent. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, "must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.jp:587")
    .optional(),
  /** The sender of notices, e.g. "○○市 <noreply@city.example.jp>". */
  MAIL_FROM: z.string().min(3).default("madoguchi <noreply@localhost>"),
  /** The site's address as residents reach it, for links in e-mails; defaults to http://localhost:PORT. */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** A counter visit (来庁受付) with no activity for this long counts as closed (evaluated when read). */
  COUNTER_VISIT_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
});

export type Env = z.infer<typeof envSchema> & { COOKIE_SECURE: boolean };

export class EnvError extends Error {}

/** Parses the environment; the message names each wrong variable so an operator can fix it at once. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings count as unset: `PORT= npm start` should fall back to the default.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  const env = result.data;
  if (!env.DEMO && !env.SESSION_SECRET?.length) {
    throw new EnvError("Invalid environment configuration:\n  SESSION_SECRET: required when DEMO=off (comma-separated, newest first, 32+ characters each)");
  }
  return { ...env, COOKIE_SECURE: env.COOKIE_SECURE ?? env.NODE_ENV === "production" };
}

let cached: Env | undefined;
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
