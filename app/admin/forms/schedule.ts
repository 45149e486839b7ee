/**
 * A date and a time typed by an administrator are the city's clock (Asia/Tokyo, no daylight saving: UTC+9), whatever
 * the server's time zone. Pure, so the rule is tested without a server.
 */
export type ScheduleInput = { date: string; time: string };
export type ScheduleResult = { ok: true; at: Date } | { ok: false; problem: "missing" | "invalid" | "inPast" };

const JST_OFFSET_MS = 9 * 60 * 60_000;

export function parseJstDateTime({ date, time }: ScheduleInput, now: Date): ScheduleResult {
  // Full-width digits and separators from a Japanese IME are the administrator's keyboard, not a mistake.
  const d = date.normalize("NFKC").trim().replaceAll("/", "-");
  const t = time.normalize("NFKC").trim();
  if (!d || !t) return { ok: false, problem: "missing" };
  const day = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(d);
  const clock = /^(\d{1,2}):(\d{2})$/.exec(t);
  if (!day || !clock) return { ok: false, problem: "invalid" };
  const [y, mo, da, h, mi] = [day[1], day[2], day[3], clock[1], clock[2]].map(Number) as [number, number, number, number, number];
  if (h > 23 || mi > 59) return { ok: false, problem: "invalid" };
  const utc = Date.UTC(y, mo - 1, da, h, mi);
  const check = new Date(utc);
  // Date.UTC rolls 2月30日 over into March: a day that does not exist is refused, not moved.
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== da) return { ok: false, problem: "invalid" };
  const at = new Date(utc - JST_OFFSET_MS);
  if (at.getTime() <= now.getTime()) return { ok: false, problem: "inPast" };
  return { ok: true, at };
}

/** An instant as the date and time fields show it (JST), to fill the form again. */
export function jstFields(at: Date): ScheduleInput {
  const shifted = new Date(at.getTime() + JST_OFFSET_MS).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}
