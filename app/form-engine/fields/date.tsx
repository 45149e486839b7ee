import { z } from "zod";
import { baseField, defineFieldType, personalToken } from "../field-type";
import { msg } from "../messages";
import { describedBy, Fieldset } from "../../ui/field";
import { wrapperProps } from "./shell";
import { formatDate, isoToday } from "../../i18n/dates";
import {
  calendarBound,
  calendarHow,
  EraAid,
  EraYearInputs,
  exampleOf,
  isInvalidCalendar,
  partsOf,
  readCalendar,
  useEraYear,
  type CalendarParts,
} from "./calendar";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const definition = z
  .object({
    ...baseField,
    type: z.literal("date"),
    /** "today" or an ISO date; e.g. a date of birth has max "today" (not in the future). */
    min: calendarBound(ISO_DAY).optional(),
    max: calendarBound(ISO_DAY).optional(),
    /** A date of birth gets the bday-* autocomplete tokens. */
    birthDate: z.boolean().default(false),
    /**
     * The example in the hint, fitting the question (a birth date, a move date, a due date): an ISO date, shown in
     * 西暦 and 和暦; "today" for a recent or coming day. Without it the hint only says how to write the year.
     */
    example: calendarBound(ISO_DAY).optional(),
  })
  .strict();

const resolve = (b: string | undefined) => (b === "today" ? isoToday() : b);

/** Posted 元号 / 年 / 月 / 日 → "YYYY-MM-DD", "" or the parts with the reason they are not a real date. */
export const toIsoDate = (parts: CalendarParts) => readCalendar(parts, true, "validation.date");

const valid = (def: z.infer<typeof definition>) =>
  z
    .string(msg("validation.date"))
    .regex(ISO_DAY, msg("validation.date"))
    .refine((v) => !resolve(def.min) || v >= resolve(def.min)!, {
      message: def.min === "today" ? msg("validation.dateNotPast") : msg("validation.dateMin", { min: def.min ?? "" }),
    })
    .refine((v) => !resolve(def.max) || v <= resolve(def.max)!, {
      message: def.max === "today" ? msg("validation.dateNotFuture") : msg("validation.dateMax", { max: def.max ?? "" }),
    });

/** 元号 (西暦 by default) / 年 / 月 / 日: the year is 西暦 or the chosen (or typed: 「S30」) era's year. */
export const dateField = defineFieldType<z.infer<typeof definition>>({
  type: "date",
  definition,
  hasValue: true,
  isoDate: (value) => (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined),
  autocomplete: (def) => (def.birthDate ? "bday" : undefined),
  normalize: (raw) => (typeof raw === "string" ? raw : toIsoDate((raw ?? {}) as CalendarParts)),
  schema: (def) =>
    z.unknown().superRefine((v, ctx) => {
      // Not a real date: say why in words (「平成31年5月1日は令和元年5月1日です」).
      if (isInvalidCalendar(v)) return void ctx.addIssue({ code: "custom", message: v.reason });
      const r = valid(def).safeParse(v);
      if (!r.success) ctx.addIssue({ code: "custom", message: r.error.issues[0]!.message });
    }),
  format: (v, _def, lng) => (typeof v === "string" && v ? formatDate(v, lng) : ""),
  firstInputId: (id) => `${id}-year`,
  Render: function DateInput({ def, id, name, value, error, required, lng, t, forSomeoneElse }) {
    const p = partsOf(value);
    const eraYear = useEraYear(p, t);
    const part = (key: "month" | "day", token: string) => (
      <div className={`date-input__item date-input__item--${key}`}>
        <label htmlFor={`${id}-${key}`} className="date-input__label">
          {t(`field.date.${key}`)}
        </label>
        <input
          id={`${id}-${key}`}
          name={`${name}[${key}]`}
          className="input input--2char"
          inputMode="numeric"
          defaultValue={p[key]}
          autoComplete={def.birthDate ? personalToken({ forSomeoneElse }, token) : "off"}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, def.hint, error)}
        />
      </div>
    );
    return (
      <Fieldset {...wrapperProps({ id, def, error, required, lng, t })}>
        {calendarHow(id, exampleOf(resolve(def.example), lng), t, "date")}
        <div className="date-input">
          <EraYearInputs
            id={id}
            name={name}
            state={eraYear}
            error={error}
            hint={def.hint}
            autoComplete={def.birthDate ? personalToken({ forSomeoneElse }, "bday-year") : "off"}
            t={t}
          />
          {part("month", "bday-month")}
          {part("day", "bday-day")}
        </div>
        <EraAid id={id} state={eraYear} />
      </Fieldset>
    );
  },
});
