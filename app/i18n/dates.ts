/** Calendar dates: ISO strings in storage, 西暦 with 和暦 for people. One place formats them. */

const eraFormat = new Intl.DateTimeFormat("ja-JP-u-ca-japanese", { era: "long", year: "numeric", timeZone: "UTC" });

/** "令和元年" for 2019 (the era in force on 31 December of that year). */
export function warekiYear(year: number): string {
  if (year < 1873) return "";
  const parts = eraFormat.formatToParts(new Date(Date.UTC(year, 11, 31)));
  const era = parts.find((p) => p.type === "era")?.value ?? "";
  const y = parts.find((p) => p.type === "year")?.value ?? "";
  return `${era}${y === "1" ? "元" : y}年`;
}

/** 和暦 of a full date, e.g. "令和元年5月1日". */
export function warekiDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const parts = eraFormat.formatToParts(date);
  const era = parts.find((p) => p.type === "era")?.value ?? "";
  const year = parts.find((p) => p.type === "year")?.value ?? "";
  return `${era}${year === "1" ? "元" : year}年${m}月${d}日`;
}

/** "2019年5月1日（令和元年5月1日）" in Japanese; "1 May 2019 (Reiwa 1)" style kept simple in English. */
export function formatDateJa(iso: string, lng: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  if (lng === "ja") return `${y}年${m}月${d}日（${warekiDate(iso)}）`;
  const western = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
  return `${western} (${warekiDate(iso)})`;
}

/** Today in Japan (the city's calendar), as YYYY-MM-DD. */
export function isoToday(now = new Date()): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(now);
}

/** A moment as the city's clock shows it: "2026/11/22 14:03" (JST). */
const dateTimeFormat = new Intl.DateTimeFormat("ja-JP", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});
export const formatDateTime = (at: Date | string): string => dateTimeFormat.format(new Date(at));

/** The day of a moment in Japan, as YYYY-MM-DD. */
export const isoDateInJapan = (at: Date | string) => isoToday(new Date(at));
