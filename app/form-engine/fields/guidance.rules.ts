/** The rules of the guidance field type (its definition's meta-schema, the answer's schema …): the server's part. */
import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { localizedText } from "../localized-schema";
import { guidanceView } from "./guidance";

const definition = z.object({ ...baseField, required: z.boolean().default(false), type: z.literal("guidance"), body: z.array(localizedText).min(1) }).strict();

export const guidanceField = defineFieldType(guidanceView, {
  definition,
  example: (ctx) => ({ body: [ctx.text("admin.builder.example.body")] }),
  schema: () => z.undefined(),
});
export type GuidanceDef = z.infer<typeof definition>;
