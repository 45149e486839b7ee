/** The meta-schema of a condition (apart from conditions.ts, which the browser loads to show follow-up questions). */
import { z } from "zod";
import { comparisonOperators, type Condition } from "./conditions";

const comparison = z
  .object({
    field: z.string().min(1),
    op: z.enum(comparisonOperators),
    value: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]).optional(),
  })
  .strict();

export const condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(condition).min(1) }).strict(),
    z.object({ any: z.array(condition).min(1) }).strict(),
    z.object({ not: condition }).strict(),
    z.object({ someItem: z.object({ group: z.string().min(1), where: condition }).strict() }).strict(),
    z.object({ everyItem: z.object({ group: z.string().min(1), where: condition }).strict() }).strict(),
    comparison,
  ]),
);
