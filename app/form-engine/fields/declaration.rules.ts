/** The rules of the declaration field type (its definition's meta-schema, the answer's schema …): the server's part. */
import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { msg } from "../messages";
import { declarationView } from "./declaration";

const definition = z.object({ ...baseField, type: z.literal("declaration") }).strict();

export const declarationField = defineFieldType(declarationView, {
  definition,
  requiredMessage: "validation.declaration",
  schema: () => z.literal(true, msg("validation.declaration")),
});
export type DeclarationDef = z.infer<typeof definition>;
