import { z } from "zod";

/** "on"/"off" style switches, as people write them in shell environments. */
const onOff = z
  .enum(["on", "off", "true", "false", "1", "0", "yes", "no"], {
    error: () => "must be one of on, off, true, false, 1, 0, yes, no",
  })
  .transform((v) => ["on", "true", "1", "yes"].includes(v));

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_PATH: z.string().min(1).default("./data/madoguchi.sqlite"),
  DEMO: onOff.default(true),
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
    }),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(8),
  COOKIE_SECURE: onOff.optional(),
  TRUST_PROXY: onOff.default(false),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce.number().positive().default(15),
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
