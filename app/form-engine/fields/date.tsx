import { useState } from "react";
import { z } from "zod";
import { baseField, defineFieldType, personalToken } from "../field-type";
import { msg } from "../messages";
import { asString, digitsOnly } from "../normalize";
import { describedBy, Fieldset } from "../../ui/field";
import { wrapperProps } from "./shell";
import { formatDateJa, isoToday, warekiYear } from "../../i18n/dates";

const bound = z.union([z.literal("today"), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]);

const definition = z
  .object({
    ...baseField,
    type: z.literal("date"),
    /** "today" or an ISO date; e.g. a date of birth has max "today" (not in the future). */
    min: bound.optional(),
    max: bound.optional(),
    /** A date of birth gets the bday-* autocomplete tokens. */
    birthDate: z.boolean().default(false),
  })
  .strict();

type Parts = { year?: unknown; month?: unknown; day?: unknown };

const resolve = (b: string | undefined) => (b === "today" ? isoToday() : b);

export function toIsoDate(parts: Parts): string | { invalid: true; parts: Record<string, string> } | "" {
  const y = digitsOnly(asString(parts.year));
  const m = digitsOnly(asString(parts.month));
  const d = digitsOnly(asString(parts.day));
  if (!y && !m && !d) return "";
  const raw = { year: y, month: m, day: d };
  if (!/^\d{4}$/.test(y) || !/^\d{1,2}$/.test(m) || !/^\d{1,2}$/.test(d)) return { invalid: true, parts: raw };
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  // 2月30日 rolls over to 3月2日 in Date: compare back to catch impossible dates.
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) {
    return { invalid: true, parts: raw };
  }
  return `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
}

function partsOf(value: unknown): { year: string; month: string; day: string } {
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split("-");
    return { year: y!, month: String(Number(m)), day: String(Number(d)) };
  }
  if (value && typeof value === "object") {
    const p = ("parts" in value ? (value as { parts: Parts }).parts : value) as Parts;
    return { year: asString(p.year), month: asString(p.month), day: asString(p.day) };
  }
  return { year: "", month: "", day: "" };
}

/** 年 / 月 / 日 as three numeric inputs (西暦), with the 和暦 of the year shown as an aid. */
export const dateField = defineFieldType<z.infer<typeof definition>>({
  type: "date",
  definition,
  hasValue: true,
  normalize: (raw) => (typeof raw === "string" ? raw : toIsoDate((raw ?? {}) as Parts)),
  schema: (def) =>
    z
      .string(msg("validation.date"))
      .regex(/^\d{4}-\d{2}-\d{2}$/, msg("validation.date"))
      .refine((v) => !resolve(def.min) || v >= resolve(def.min)!, {
        message: def.min === "today" ? msg("validation.dateNotPast") : msg("validation.dateMin", { min: def.min ?? "" }),
      })
      .refine((v) => !resolve(def.max) || v <= resolve(def.max)!, {
        message: def.max === "today" ? msg("validation.dateNotFuture") : msg("validation.dateMax", { max: def.max ?? "" }),
      }),
  format: (v, _def, lng) => (typeof v === "string" && v ? formatDateJa(v, lng) : ""),
  firstInputId: (id) => `${id}-year`,
  Render: function DateInput({ def, id, name, value, error, required, lng, t, forSomeoneElse }) {
    const p = partsOf(value);
    // The 和暦 aid follows the year as it is typed (and is rendered by the server for what was sent).
    const [year, setYear] = useState(p.year);
    const typedYear = digitsOnly(year);
    const era = /^\d{4}$/.test(typedYear) ? warekiYear(Number(typedYear)) : null;
    const part = (key: "year" | "month" | "day", width: string, token: string) => (
      <div className={`date-input__item date-input__item--${key}`}>
        <label htmlFor={`${id}-${key}`} className="date-input__label">
          {t(`field.date.${key}`)}
        </label>
        <input
          id={`${id}-${key}`}
          name={`${name}[${key}]`}
          className={`input input--${width}`}
          inputMode="numeric"
          defaultValue={p[key]}
          onInput={key === "year" ? (e) => setYear(e.currentTarget.value) : undefined}
          autoComplete={def.birthDate ? personalToken({ forSomeoneElse }, token) : "off"}
          aria-invalid={error ? true : undefined}
          aria-describedby={[describedBy(id, def.hint, error), key === "year" ? `${id}-wareki` : null].filter(Boolean).join(" ") || undefined}
        />
      </div>
    );
    return (
      <Fieldset {...wrapperProps({ id, def, error, required, lng, t })}>
        <p className="field__hint">{t("field.date.westernYear")}</p>
        <div className="date-input">
          {part("year", "year", "bday-year")}
          {part("month", "2char", "bday-month")}
          {part("day", "2char", "bday-day")}
        </div>
        <p id={`${id}-wareki`} className="field__hint wareki" aria-live="polite" data-wareki-for={`${id}-year`}>
          {era ? t("field.date.wareki", { year: typedYear, era }) : t("field.date.warekiHelp")}
        </p>
      </Fieldset>
    );
  },
});
