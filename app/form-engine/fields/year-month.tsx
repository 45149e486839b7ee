import { defineFieldView, type RenderProps } from "../field-view";
import { describedBy, Fieldset, SelectField } from "../../ui/field";
import { wrapperProps } from "./shell";
import { formatYearMonth, isoThisMonth } from "../../i18n/dates";
import { calendarHow, EraAid, EraYearInputs, exampleOf, partsOf, readCalendar, useEraYear, type CalendarParts } from "./calendar";
import type { YearMonthDef } from "./year-month.rules";

type Props = RenderProps<YearMonthDef>;

export const ISO_MONTH = /^\d{4}-\d{2}$/;

export const resolve = (b: string | undefined) => (b === "today" ? isoThisMonth() : b);

/** "YYYY-MM" plus n months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`;
}

/**
 * The months a field with `offerMonths` lists: from its lower bound (this month when none) on. A saved month outside
 * them (a draft resumed later) stays listed first, so it is not silently lost; the server then says why it is refused.
 */
export function offeredMonths(def: { min?: string; offerMonths?: number }, saved: unknown): string[] {
  const from = resolve(def.min) ?? isoThisMonth();
  const months = Array.from({ length: def.offerMonths ?? 0 }, (_, i) => addMonths(from, i));
  return typeof saved === "string" && ISO_MONTH.test(saved) && !months.includes(saved) ? [saved, ...months] : months;
}

/** Posted 元号 / 年 / 月 → "YYYY-MM", "" or the parts with the reason they are not a real month. */
export const toYearMonth = (parts: CalendarParts) => readCalendar(parts, false, "validation.yearMonth");

/** 元号 / 年 / 月, where a day makes no sense (入所希望月); stored as "YYYY-MM". */
export const yearMonthView = defineFieldView<YearMonthDef>({
  type: "yearMonth",
  hasValue: true,
  normalize: (raw) => (typeof raw === "string" ? raw : toYearMonth((raw ?? {}) as CalendarParts)),
  format: (v, _def, lng) => (typeof v === "string" && v ? formatYearMonth(v, lng) : ""),
  firstInputId: (id, def) => (def.offerMonths ? id : `${id}-year`),
  Render: function YearMonthInput(props) {
    return props.def.offerMonths ? <MonthChoice {...props} /> : <TypedYearMonth {...props} />;
  },
});

function MonthChoice({ def, id, name, value, error, required, lng, t }: Props) {
  return (
    <SelectField {...wrapperProps({ id, def, error, required, lng, t })} name={name} value={typeof value === "string" ? value : ""}>
      {offeredMonths(def, value).map((m) => (
        <option key={m} value={m}>
          {formatYearMonth(m, lng)}
        </option>
      ))}
    </SelectField>
  );
}

function TypedYearMonth({ def, id, name, value, error, required, lng, t }: Props) {
  const p = partsOf(value);
  const eraYear = useEraYear(p, t);
  return (
    <Fieldset {...wrapperProps({ id, def, error, required, lng, t })}>
      {calendarHow(id, exampleOf(resolve(def.example), lng), t, "yearMonth")}
      <div className="date-input">
        <EraYearInputs id={id} name={name} state={eraYear} error={error} hint={def.hint} autoComplete="off" t={t} />
        <div className="date-input__item date-input__item--month">
          <label htmlFor={`${id}-month`} className="date-input__label">
            {t("field.date.month")}
          </label>
          <input
            id={`${id}-month`}
            name={`${name}[month]`}
            className="input input--2char"
            inputMode="numeric"
            defaultValue={p.month}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(id, def.hint, error)}
          />
        </div>
      </div>
      <EraAid id={id} state={eraYear} />
    </Fieldset>
  );
}
