import { z } from "zod";
import { formDefinitionSchema } from "./definition";

/** The JSON Schema of definition files, generated from the zod meta-schema (the single source of truth). */
export function definitionJsonSchema() {
  const schema = z.toJSONSchema(formDefinitionSchema, { io: "input", unrepresentable: "any", cycles: "ref", reused: "ref" });
  return { ...schema, title: "madoguchi procedure definition", $id: "https://madoguchi.example/forms/definition.schema.json" };
}
