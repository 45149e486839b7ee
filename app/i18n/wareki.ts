/**
 * The Japanese eras (元号) and reading a year as people write it: 西暦 (1955) or 元号 + 年 (昭和30, S30, Ｈ２, 平成元,
 * 令和元年). Our own table rather than Intl's japanese calendar: the browser and the server must agree to the day, and
 * older phones' ICU may not know 令和.
 */

export type EraKey = "meiji" | "taisho" | "showa" | "heisei" | "reiwa";

type Era = { key: EraKey; name: string; start: string };

/** Newest first. Each era ends the day before the next one starts (昭和64年 is 1989-01-01 … 01-07). */
export const ERAS: readonly Era[] = [
  { key: "reiwa", name: "令和", start: "2019-05-01" },
  { key: "heisei", name: "平成", start: "1989-01-08" },
  { key: "showa", name: "昭和", start: "1926-12-25" },
  { key: "taisho", name: "大正", start: "1912-07-30" },
  { key: "meiji", name: "明治", start: "1868-01-25" },
];

/** The eras a resident may choose next to the year (明治 is still understood when typed). */
export const CHOOSABLE_ERAS: readonly EraKey[] = ["reiwa", "heisei", "showa", "taisho"];

const byKey = new Map(ERAS.map((e) => [e.key, e]));
export const eraName = (key: EraKey) => byKey.get(key)!.name;
export const isEraKey = (s: unknown): s is EraKey => typeof s === "string" && byKey.has(s as EraKey);

const startYear = (e: Era) => Number(e.start.slice(0, 4));
/** The last 西暦 year of an era (every era so far began after 1 January, so its predecessor ends in that year). */
function endYear(e: Era): number {
  const i = ERAS.indexOf(e);
  return i === 0 ? Number.POSITIVE_INFINITY : startYear(ERAS[i - 1]!);
}
/** The last day of an era, or undefined for the current one. */
function endDate(e: Era): string | undefined {
  const i = ERAS.indexOf(e);
  if (i === 0) return undefined;
  const d = new Date(`${ERAS[i - 1]!.start}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** "元年" for the first year, as the law and every form writes it. */
export const eraYearText = (key: EraKey, n: number) => `${eraName(key)}${n === 1 ? "元" : n}年`;

/** The era and its year on a day (ISO YYYY-MM-DD), or undefined before 明治. */
export function eraOf(iso: string): { era: EraKey; year: number } | undefined {
  const e = ERAS.find((x) => iso >= x.start);
  return e ? { era: e.key, year: Number(iso.slice(0, 4)) - startYear(e) + 1 } : undefined;
}

/** Every era in force during a 西暦 year: 1989 is 昭和64年 and 平成元年. */
export function erasOfYear(year: number): { era: EraKey; year: number }[] {
  return ERAS.filter((e) => startYear(e) <= year && year <= endYear(e))
    .reverse()
    .map((e) => ({ era: e.key, year: year - startYear(e) + 1 }));
}

/** Whether any day of a month (YYYY-MM) or a day (YYYY-MM-DD) lies in the era. */
export function inEra(key: EraKey, isoOrMonth: string): boolean {
  const e = byKey.get(key)!;
  const first = isoOrMonth.length === 7 ? `${isoOrMonth}-01` : isoOrMonth;
  const last = isoOrMonth.length === 7 ? `${isoOrMonth}-31` : isoOrMonth;
  const end = endDate(e);
  return last >= e.start && (end === undefined || first <= end);
}

const ERA_WORDS: [RegExp, EraKey][] = [
  [/^(令和|令|R|れいわ)/, "reiwa"],
  [/^(平成|平|H|へいせい)/, "heisei"],
  [/^(昭和|昭|S|しょうわ)/, "showa"],
  [/^(大正|大|T|たいしょう)/, "taisho"],
  [/^(明治|明|M|めいじ)/, "meiji"],
];

/**
 * What was typed in a year box: an optional era and a number. NFKC folds 全角 (Ｈ２) and the one-character era signs
 * (㍼); 元 is 1; a trailing 年 and spaces are ignored. Undefined when it is not a year at all.
 */
export function parseYearText(text: string): { era?: EraKey; digits: string; n: number } | undefined {
  let s = text.normalize("NFKC").replace(/\s/g, "").toUpperCase().replace(/年$/, "");
  let era: EraKey | undefined;
  for (const [re, key] of ERA_WORDS) {
    const m = re.exec(s);
    if (m) {
      era = key;
      s = s.slice(m[0].length);
      break;
    }
  }
  if (s === "元") return { era, digits: "元", n: 1 };
  if (!/^\d{1,4}$/.test(s)) return undefined;
  return { era, digits: s, n: Number(s) };
}

/** Why a year cannot be read, with what the message needs to say it in words. */
export type YearProblem =
  | { problem: "format" }
  /** 西暦 chosen (or nothing chosen) and fewer than four digits: "30" could be 昭和30 or 平成30. */
  | { problem: "westernDigits" }
  /** An era typed in the box that differs from the one chosen: 「昭和30年は1955年です」. */
  | { problem: "conflict"; typed: string; western: number; chosen: string }
  /** A 西暦 year outside the chosen era: 「1990年は平成2年です」. */
  | { problem: "mismatch"; western: number; wareki: string; chosen: string }
  /** Past the era's last year: 「昭和は64年（1989年）までです」. */
  | { problem: "eraRange"; era: string; last: number; lastWestern: number };

export type YearRead = { western: number; era?: EraKey; eraYear?: number } | YearProblem;

/**
 * Reads the year from the era choice ("western" or an era key) and what was typed. An era typed in the box counts
 * as chosen; four digits are a 西暦 year whatever the choice, as long as the choice does not contradict it.
 */
export function readYear(choice: unknown, text: string): YearRead {
  const p = parseYearText(text);
  if (!p) return { problem: "format" };
  const chosen = isEraKey(choice) ? choice : undefined;
  if (p.digits.length === 4) {
    const era = p.era ?? chosen;
    if (era && !erasOfYear(p.n).some((x) => x.era === era)) {
      return { problem: "mismatch", western: p.n, wareki: warekiOfYear(p.n), chosen: eraName(era) };
    }
    return { western: p.n };
  }
  const era = p.era ?? chosen;
  if (!era) return { problem: "westernDigits" };
  const e = byKey.get(era)!;
  if (p.n < 1) return { problem: "format" };
  if (p.era && chosen && p.era !== chosen) {
    return { problem: "conflict", typed: eraYearText(p.era, p.n), western: startYear(e) + p.n - 1, chosen: eraName(chosen) };
  }
  const last = endYear(e) - startYear(e) + 1;
  if (p.n > last) return { problem: "eraRange", era: e.name, last, lastWestern: endYear(e) };
  return { western: startYear(e) + p.n - 1, era, eraYear: p.n };
}

/** 「昭和64年・平成元年」 for 1989: every era of the year. */
export const warekiOfYear = (year: number) =>
  erasOfYear(year)
    .map((x) => eraYearText(x.era, x.year))
    .join("・");
