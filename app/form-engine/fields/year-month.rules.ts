/** The rules of the year-month field type (its definition's meta-schema, the answer's schema …): the server's part. */
import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { msg } from "../messages";
import { isInvalidCalendar } from "./calendar";
import { calendarBound } from "./calendar.rules";
import { ISO_MONTH, resolve, yearMonthView } from "./year-month";

const definition = z
  .object({
    ...baseField,
    type: z.literal("yearMonth"),
    /** "today" (this month) or a month as YYYY-MM; e.g. a desired start month has min "today". */
    min: calendarBound(ISO_MONTH).optional(),
    max: calendarBound(ISO_MONTH).optional(),
    /** The example in the hint, a month as YYYY-MM or "today" (this month), shown in 西暦 and 和暦. */
    example: calendarBound(ISO_MONTH).optional(),
    /**
     * Offer the next N months (from `min`, or this month) as a list to choose from instead of typing 元号・年・月: a
     * month soon to come (入所希望月) is one choice for a resident on a phone or a clerk at the counter.
     */
    offerMonths: z.number().int().min(2).max(36).optional(),
  })
  .strict();

const valid = (def: z.infer<typeof definition>) =>
  z
    .string(msg("validation.yearMonth"))
    .regex(ISO_MONTH, msg("validation.yearMonth"))
    .refine((v) => !resolve(def.min) || v >= resolve(def.min)!, {
      message: def.min === "today" ? msg("validation.monthNotPast") : msg("validation.monthMin", { min: def.min ?? "" }),
    })
    .refine((v) => !resolve(def.max) || v <= resolve(def.max)!, {
      message: def.max === "today" ? msg("validation.monthNotFuture") : msg("validation.monthMax", { max: def.max ?? "" }),
    });

export const yearMonthField = defineFieldType(yearMonthView, {
  definition,
  requiredMessage: (def) => (def.offerMonths ? "validation.choice" : "validation.required"),
  schema: (def) => {
    const checks = valid(def);
    return z.unknown().superRefine((v, ctx) => {
      if (isInvalidCalendar(v)) return void ctx.addIssue({ code: "custom", message: v.reason });
      const r = checks.safeParse(v);
      if (!r.success) ctx.addIssue({ code: "custom", message: r.error.issues[0]!.message });
    });
  },
});

export type YearMonthDef = z.infer<typeof definition>;
