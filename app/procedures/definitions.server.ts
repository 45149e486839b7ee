/** A definition as madoguchi accepts it: the meta-schema, with bindings checked against the registered prefill sources. */
import { parseDefinition as parseWithCatalog, type DefinitionResult } from "../form-engine/definition";
import { definitionJsonSchema as jsonSchemaWith } from "../form-engine/definition-schema";
import { prefillSources } from "../prefill/prefill-sources.server";
import { parseDefinitionText as parseText } from "./definition-text";
import { lintDefinition as lint } from "./lint";

export const parseDefinition = (input: unknown): DefinitionResult => parseWithCatalog(input, prefillSources.catalog);

/** forms/definition.schema.json: binding paths listed, so that an editor completes them. */
export const definitionJsonSchema = () => jsonSchemaWith(prefillSources.catalog);

/** A definition file's text, with every problem at its line and path (see definition-text.ts). */
export const parseDefinitionText = (text: string) => parseText(text, prefillSources.catalog);

/** Lint with the app's prefill sources: what they offer, which of it is authoritative, which is personal data. */
export const lintDefinition = (input: unknown) => lint(input, { catalog: prefillSources.catalog });
