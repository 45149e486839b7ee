/** The rules of the textarea field type (its definition's meta-schema, the answer's schema …): the server's part. */
import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { msg } from "../messages";
import { textareaView } from "./textarea";

const definition = z
  .object({ ...baseField, type: z.literal("textarea"), maxLength: z.number().int().positive().default(2000), rows: z.number().int().min(2).max(20).default(5) })
  .strict();

export const textareaField = defineFieldType(textareaView, {
  definition,
  schema: (def) => z.string().max(def.maxLength, msg("validation.tooLong", { max: def.maxLength })),
});
export type TextareaDef = z.infer<typeof definition>;
