import { z } from "zod";
import { definitionSchema, type BindingCatalog } from "./definition";
import { prefillPath } from "./field-type";
import { lifeEventId } from "./life-events";

/**
 * The JSON Schema of definition files, generated from the zod meta-schema (the single source of truth). With the
 * app's catalog, binding paths and life events are listed so that an editor completes them.
 */
export function definitionJsonSchema(catalog?: BindingCatalog) {
  const schema = z.toJSONSchema(definitionSchema(catalog), {
    io: "input",
    unrepresentable: "any",
    cycles: "ref",
    reused: "ref",
    override: (ctx) => {
      if (catalog && ctx.zodSchema === prefillPath) {
        delete ctx.jsonSchema.pattern;
        ctx.jsonSchema.enum = [...catalog.paths];
      }
      if (catalog?.lifeEvents && ctx.zodSchema === lifeEventId) {
        delete ctx.jsonSchema.pattern;
        ctx.jsonSchema.enum = [...catalog.lifeEvents];
      }
    },
  });
  return { ...schema, title: "madoguchi procedure definition", $id: "https://madoguchi.example/forms/definition.schema.json" };
}
