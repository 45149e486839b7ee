/** The rules of the fee field type (its definition's meta-schema, the answer's schema …): the server's part. */
import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { localizedText } from "../localized-schema";
import { type FeeAnswer, feeView } from "./fee";

const definition = z
  .object({
    ...baseField,
    required: z.boolean().default(false),
    type: z.literal("fee"),
    /** The fee for one (copy, certificate …), in yen. */
    amountYen: z.number().int().min(0),
    /** The number answer that multiplies it (通数); without it the fee is charged once. */
    per: z.string().optional(),
    /** What `per` counts ("通"), shown in the breakdown. */
    unit: localizedText.optional(),
  })
  .strict();

export type FeeDef = z.infer<typeof definition>;

export const feeField = defineFieldType(feeView, {
  definition,
  example: () => ({ amountYen: 300 }),
  schema: () => z.unknown(),
  derive: (def, scope) => {
    const count = def.per === undefined ? 1 : Number(scope.answers[def.per]);
    if (!Number.isInteger(count) || count < 1) return undefined;
    return { totalYen: def.amountYen * count, amountYen: def.amountYen, count } satisfies FeeAnswer;
  },
});
