/** The rules of the date field type (its definition's meta-schema, the answer's schema …): the server's part. */
import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { msg } from "../messages";
import { isInvalidCalendar } from "./calendar";
import { calendarBound } from "./calendar.rules";
import { resolve, dateView } from "./date";

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

export const dateField = defineFieldType(dateView, {
  definition,
  isoDate: (value) => (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined),
  autocomplete: (def) => (def.birthDate ? "bday" : undefined),
  schema: (def) => {
    const checks = valid(def);
    return z.unknown().superRefine((v, ctx) => {
      // Not a real date: say why in words (「平成31年5月1日は令和元年5月1日です」).
      if (isInvalidCalendar(v)) return void ctx.addIssue({ code: "custom", message: v.reason });
      const r = checks.safeParse(v);
      if (!r.success) ctx.addIssue({ code: "custom", message: r.error.issues[0]!.message });
    });
  },
});
export type DateDef = z.infer<typeof definition>;
