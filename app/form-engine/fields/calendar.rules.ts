/** What the date and year-month types share in their definitions: a bound is a day (or month), or "today". */
import { z } from "zod";

/** "today" or an ISO value; e.g. a date of birth has max "today". */
export const calendarBound = (pattern: RegExp) => z.union([z.literal("today"), z.string().regex(pattern)]);
