/** The rules of the katakana field type (its definition's meta-schema, the answer's schema …): the server's part. */
import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { msg } from "../messages";
import { katakanaView } from "./katakana";

export const KATAKANA = /^[\u30A1-\u30FA\u30FC\u30FB\u3000]+$/u;

const definition = z.object({ ...baseField, type: z.literal("katakana"), maxLength: z.number().int().positive().default(100) }).strict();

export const katakanaField = defineFieldType(katakanaView, {
  definition,
  schema: (def) =>
    z
      .string()
      .max(def.maxLength, msg("validation.tooLong", { max: def.maxLength }))
      .regex(KATAKANA, msg("validation.katakana")),
});
export type KatakanaDef = z.infer<typeof definition>;
