/**
 * What the date and year-month types share: reading 元号 + 年 or 西暦 from what was posted (the server is the
 * authority; the same code runs in the browser), the era choice next to the year, the example in the hint, and the
 * 和暦 aid (the server renders it for what was sent; only with JavaScript does it follow the typing, and say so).
 */
import { isJapanese } from "../../i18n/text-language";
import { useEffect, useState } from "react";
import type { TFunction } from "i18next";
import { msg } from "../messages";
import { asString, digitsOnly } from "../normalize";
import { describedBy } from "../../ui/field";
import { CHOOSABLE_ERAS, inEra, readYear, warekiOfYear, eraYearText, isEraKey, type YearProblem } from "../../i18n/wareki";
import { formatDate, formatYearMonth, warekiDate, warekiYearMonth } from "../../i18n/dates";

export type CalendarParts = { era?: unknown; year?: unknown; month?: unknown; day?: unknown };
/** An answer that is not a real date: what was typed (to show it again) and why, as an encoded message. */
export type InvalidCalendar = { invalid: true; parts: Record<string, string>; reason: string };

export const isInvalidCalendar = (v: unknown): v is InvalidCalendar => typeof v === "object" && v !== null && (v as { invalid?: unknown }).invalid === true;

const problemMessage = (p: YearProblem): string => {
  switch (p.problem) {
    case "format":
      return "";
    case "westernDigits":
      return msg("validation.dateWesternYear");
    case "conflict":
      return msg("validation.dateEraConflict", { typed: p.typed, western: p.western, chosen: p.chosen });
    case "mismatch":
      return msg("validation.dateEraMismatch", { western: p.western, wareki: p.wareki, chosen: p.chosen });
    case "eraRange":
      return msg("validation.dateEraRange", { era: p.era, last: p.last, lastWestern: p.lastWestern });
  }
};

/** Month and day as people type them: 全角, leading zeros, a trailing 月 or 日. */
const number = (v: unknown, suffix: string) => digitsOnly(asString(v)).replace(new RegExp(`${suffix}$`), "");

/**
 * Posted parts → "YYYY-MM-DD" (or "YYYY-MM" without a day), "" when nothing was typed, or the parts again with the
 * reason they are not a real date (2月30日, 昭和65年, 平成31年5月1日 …).
 */
export function readCalendar(parts: CalendarParts, withDay: boolean, invalidKey: string): string | InvalidCalendar | "" {
  const era = asString(parts.era);
  const year = asString(parts.year).trim();
  const month = number(parts.month, "月");
  const day = withDay ? number(parts.day, "日") : "";
  if (!year && !month && !day) return "";
  const raw: Record<string, string> = withDay ? { era, year, month, day } : { era, year, month };
  const invalid = (reason: string): InvalidCalendar => ({ invalid: true, parts: raw, reason: reason || msg(invalidKey) });
  const read = readYear(era, year);
  if ("problem" in read) return invalid(problemMessage(read));
  if (!/^\d{1,2}$/.test(month) || (withDay && !/^\d{1,2}$/.test(day))) return invalid("");
  const [y, m, d] = [read.western, Number(month), withDay ? Number(day) : 1];
  const date = new Date(Date.UTC(y, m - 1, d));
  // 2月30日 rolls over to 3月2日 in Date: compare back to catch impossible dates.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return invalid("");
  const ym = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`;
  const value = withDay ? `${ym}-${String(d).padStart(2, "0")}` : ym;
  // 元号 + 年 names a day in that era: 平成31年5月1日 does not exist (it is 令和元年5月1日).
  if (read.era && !inEra(read.era, value)) {
    const given = `${eraYearText(read.era, read.eraYear!)}${m}月${withDay ? `${d}日` : ""}`;
    return invalid(msg("validation.dateOutsideEra", { given, actual: withDay ? warekiDate(value) : warekiYearMonth(value) }));
  }
  return value;
}

/** The parts to show in the inputs: a stored value in 西暦, or what was typed. */
export function partsOf(value: unknown): Record<"era" | "year" | "month" | "day", string> {
  if (typeof value === "string" && /^\d{4}-\d{2}(-\d{2})?$/.test(value)) {
    const [y, m, d] = value.split("-");
    return { era: "western", year: y!, month: String(Number(m)), day: d ? String(Number(d)) : "" };
  }
  if (value && typeof value === "object") {
    const p = (isInvalidCalendar(value) ? value.parts : value) as CalendarParts;
    return { era: asString(p.era) || "western", year: asString(p.year), month: asString(p.month), day: asString(p.day) };
  }
  return { era: "western", year: "", month: "", day: "" };
}

/** The aid under the year: 「昭和30年は1955年です」 or 「1989年は昭和64年・平成元年です」; null when the year is not read. */
export function eraAid(era: string, year: string, t: TFunction): string | null {
  if (!year.trim()) return null;
  const read = readYear(era, year);
  if ("problem" in read) return null;
  if (read.era) return t("field.date.eraToWestern", { wareki: eraYearText(read.era, read.eraYear!), western: read.western });
  const wareki = warekiOfYear(read.western);
  return wareki ? t("field.date.wareki", { year: read.western, era: wareki }) : null;
}

/** True once React runs in the browser: what needs JavaScript is offered only then. */
function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** The era choice and the typed year, kept in state so that the aid follows them. */
export function useEraYear(parts: { era: string; year: string }, t: TFunction) {
  const [era, setEra] = useState(isEraKey(parts.era) ? parts.era : "western");
  const [year, setYear] = useState(parts.year);
  const hydrated = useHydrated();
  const aid = eraAid(era, year, t) ?? (hydrated ? t("field.date.warekiHelp") : "");
  return { era, setEra, year, setYear, aid };
}
type EraYear = ReturnType<typeof useEraYear>;

type EraYearProps = {
  id: string;
  name: string;
  state: EraYear;
  error?: string;
  hint: unknown;
  autoComplete: string;
  t: TFunction;
};

const describe = (id: string, hint: unknown, error: unknown) => [describedBy(id, hint, error), `${id}-how`].filter(Boolean).join(" ");

/** 元号 (or 西暦) and 年; the year input is the one errors link to. */
export function EraYearInputs({ id, name, state, error, hint, autoComplete, t }: EraYearProps) {
  return (
    <>
      <div className="date-input__item date-input__item--era">
        <label htmlFor={`${id}-era`} className="date-input__label">
          {t("field.date.era")}
        </label>
        <select
          id={`${id}-era`}
          name={`${name}[era]`}
          className="input select input--era"
          defaultValue={state.era}
          onChange={(e) => state.setEra(e.currentTarget.value)}
          autoComplete="off"
          aria-describedby={describe(id, hint, error)}
        >
          <option value="western">{t("field.date.eras.western")}</option>
          {CHOOSABLE_ERAS.map((k) => (
            <option key={k} value={k}>
              {t(`field.date.eras.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="date-input__item date-input__item--year">
        <label htmlFor={`${id}-year`} className="date-input__label">
          {t("field.date.year")}
        </label>
        <input
          id={`${id}-year`}
          name={`${name}[year]`}
          className="input input--year"
          inputMode="numeric"
          defaultValue={state.year}
          onInput={(e) => state.setYear(e.currentTarget.value)}
          autoComplete={autoComplete}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${describe(id, hint, error)} ${id}-wareki`}
        />
      </div>
    </>
  );
}

/**
 * The aid under the inputs. The server renders it for what was sent; with JavaScript it follows the typing, and only
 * then does it say that it will.
 */
export function EraAid({ id, state }: { id: string; state: EraYear }) {
  return (
    <p id={`${id}-wareki`} className="field__hint wareki" aria-live="polite" data-wareki-for={`${id}-year`}>
      {state.aid}
    </p>
  );
}

/** The first hint line: how to write the year, with the definition's example in both calendars. */
export function calendarHow(id: string, example: { western: string; wareki: string } | undefined, t: TFunction, key: "date" | "yearMonth") {
  return (
    <p id={`${id}-how`} className="field__hint">
      {example ? t(`field.${key}.howWithExample`, example) : t(`field.${key}.how`)}
    </p>
  );
}

/** The definition's example (an ISO day or month) as the hint shows it: 西暦 and 和暦 in Japanese, the local style otherwise. */
export function exampleOf(iso: string | undefined, lng: string): { western: string; wareki: string } | undefined {
  if (!iso) return undefined;
  const [y, m, d] = iso.split("-").map(Number);
  const day = iso.length === 10;
  // やさしい日本語 shows both too: its date inputs take a 和暦 year as 日本語's do.
  if (!isJapanese(lng)) return { western: day ? formatDate(iso, lng) : formatYearMonth(iso, lng), wareki: "" };
  return { western: day ? `${y}年${m}月${d}日` : `${y}年${m}月`, wareki: day ? warekiDate(iso) : warekiYearMonth(iso) };
}
