/**
 * Calendar dates: ISO strings in storage (YYYY-MM-DD, YYYY-MM for a month), one formatter family for people.
 * In Japanese 和暦 comes first with the 西暦 year as an aid: 「昭和62年3月19日（1987年）」, 「令和9年4月（2027年）」,
 * and a moment 「令和8年11月23日 13:08」 (the city's clock). Other languages get their own long style, no 和暦; やさしい日本語
 * gets 「2026年11月24日」.
 */
import { isJapanese } from "./text-language";
import { eraOf, eraYearText, erasOfYear } from "./wareki";

const [Y, M, D] = [0, 1, 2];
const split = (iso: string) => iso.split("-").map(Number);

/** "令和元年" for 2019 (the era in force on 31 December of that year). */
export function warekiYear(year: number): string {
  const eras = erasOfYear(year);
  const last = eras[eras.length - 1];
  return last ? eraYearText(last.era, last.year) : "";
}

/** 和暦 of a day, e.g. "令和元年5月1日"; "" before 明治. */
export function warekiDate(iso: string): string {
  const e = eraOf(iso);
  const p = split(iso);
  return e ? `${eraYearText(e.era, e.year)}${p[M]}月${p[D]}日` : "";
}

/** 和暦 of a month (the era of its first day), e.g. "令和9年4月". */
export function warekiYearMonth(month: string): string {
  const e = eraOf(`${month}-01`);
  return e ? `${eraYearText(e.era, e.year)}${split(month)[M]}月` : "";
}

const intlLocale = (lng: string) => (lng === "en" ? "en-GB" : lng);

/** A language's words for dates, from its locale file (`date`): month names and the order of the parts. */
export type DateWords = { months: Record<string, string>; day: string; yearMonth: string };
const dateWords = new Map<string, DateWords>();

/**
 * Dates are written with each language's own words, not the runtime's Intl: browsers carry date data for some
 * languages only (Chromium has none for नेपाली), so Intl would write one date two ways on server and phone.
 * The server registers every language's words; the browser its page's (entry.client.tsx).
 */
export function registerDateWords(lng: string, words: unknown) {
  const w = words as Partial<DateWords> | undefined;
  if (w && typeof w.day === "string" && typeof w.yearMonth === "string" && w.months && typeof w.months === "object") dateWords.set(lng, w as DateWords);
}
const fill = (pattern: string, parts: Record<string, string>) => pattern.replace(/\{\{(\w+)\}\}/g, (_, k: string) => parts[k] ?? "");
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** A day: 「昭和62年3月19日（1987年）」 in Japanese, "19 March 1987" in English. */
export function formatDate(iso: string, lng: string): string {
  const p = split(iso);
  if (lng === "ja") {
    const w = warekiDate(iso);
    return w ? `${w}（${p[Y]}年）` : `${p[Y]}年${p[M]}月${p[D]}日`;
  }
  const words = dateWords.get(lng);
  if (words) return fill(words.day, { year: String(p[Y]), month: words.months[String(p[M])] ?? String(p[M]), day: String(p[D]) });
  return new Intl.DateTimeFormat(intlLocale(lng), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(utc(p[Y]!, p[M]!, p[D]!));
}

/** A month: 「令和9年4月（2027年）」 in Japanese, "April 2027" in English. */
export function formatYearMonth(month: string, lng: string): string {
  const p = split(month);
  if (lng === "ja") {
    const w = warekiYearMonth(month);
    return w ? `${w}（${p[Y]}年）` : `${p[Y]}年${p[M]}月`;
  }
  const words = dateWords.get(lng);
  if (words) return fill(words.yearMonth, { year: String(p[Y]), month: words.months[String(p[M])] ?? String(p[M]) });
  return new Intl.DateTimeFormat(intlLocale(lng), { month: "long", year: "numeric", timeZone: "UTC" }).format(utc(p[Y]!, p[M]!, 1));
}

/** @deprecated the old name of formatDate (kept so that code written against it shows the one style). */
export const formatDateJa = formatDate;

const tokyoParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
/** Japan has kept UTC+9 without daylight saving time since the summer time of 1948–1951 ended. */
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const FIXED_OFFSET_SINCE = Date.UTC(1952, 0, 1);

/**
 * A moment on the city's clock (JST) as {day: "2026-11-23", time: "13:08"}. By arithmetic: a staff page shows
 * hundreds of moments, and formatToParts cost a twelfth of its render (issue 13 point 8). Intl's time zone data
 * answers for earlier moments and for years toISOString would not write with four digits.
 */
export function inJapan(at: Date | string) {
  const ms = new Date(at).getTime();
  if (ms >= FIXED_OFFSET_SINCE && ms < Date.UTC(9999, 0, 1)) {
    const iso = new Date(ms + JST_OFFSET_MS).toISOString();
    return { day: iso.slice(0, 10), time: iso.slice(11, 16) };
  }
  const parts = Object.fromEntries(tokyoParts.formatToParts(ms).map((p) => [p.type, p.value]));
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** Today in Japan (the city's calendar), as YYYY-MM-DD. */
export const isoToday = (now = new Date()): string => inJapan(now).day;

/** This month in Japan, as YYYY-MM. */
export const isoThisMonth = (now = new Date()): string => isoToday(now).slice(0, 7);

/** The day of a moment in Japan, as YYYY-MM-DD. */
export const isoDateInJapan = (at: Date | string) => inJapan(at).day;

/**
 * A moment as the city's clock shows it: 「令和8年11月23日 13:08」, "23 November 2026, 13:08". Staff pages are in
 * Japanese, hence the default.
 */
export function formatDateTime(at: Date | string, lng = "ja"): string {
  const { day, time } = inJapan(at);
  if (lng === "ja") return `${warekiDate(day) || formatDate(day, "ja")} ${time}`;
  // やさしい日本語 writes 西暦 (the guideline's advice), in Japanese style: Intl's "2026年11月24日".
  return isJapanese(lng) ? `${formatDate(day, lng)} ${time}` : `${formatDate(day, lng)}, ${time}`;
}

/** A moment for a spreadsheet (CSV): "2026/11/22 14:03" (JST), which spreadsheet programs read as a date. */
export function sortableDateTime(at: Date | string): string {
  const { day, time } = inJapan(at);
  return `${day.replaceAll("-", "/")} ${time}`;
}
