import { defineFieldView, personalToken } from "../field-view";
import { describedBy, Fieldset } from "../../ui/field";
import { wrapperProps } from "./shell";
import { formatDate, isoToday } from "../../i18n/dates";
import { calendarHow, EraAid, EraYearInputs, exampleOf, partsOf, readCalendar, useEraYear, type CalendarParts } from "./calendar";
import type { DateDef } from "./date.rules";

export const resolve = (b: string | undefined) => (b === "today" ? isoToday() : b);

/** Posted 元号 / 年 / 月 / 日 → "YYYY-MM-DD", "" or the parts with the reason they are not a real date. */
export const toIsoDate = (parts: CalendarParts) => readCalendar(parts, true, "validation.date");

/** 元号 (西暦 by default) / 年 / 月 / 日: the year is 西暦 or the chosen (or typed: 「S30」) era's year. */
export const dateView = defineFieldView<DateDef>({
  type: "date",
  hasValue: true,
  normalize: (raw) => (typeof raw === "string" ? raw : toIsoDate((raw ?? {}) as CalendarParts)),
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
