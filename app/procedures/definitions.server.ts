/** A definition as madoguchi accepts it: the meta-schema, with bindings checked against the registered prefill sources. */
import { parseDefinition as parseWithCatalog, type DefinitionResult } from "../form-engine/definition";
import { definitionJsonSchema as jsonSchemaWith } from "../form-engine/definition-schema";
import { prefillSources } from "../prefill/prefill-sources.server";

export const parseDefinition = (input: unknown): DefinitionResult => parseWithCatalog(input, prefillSources.catalog);

/** forms/definition.schema.json: binding paths listed, so that an editor completes them. */
export const definitionJsonSchema = () => jsonSchemaWith(prefillSources.catalog);
