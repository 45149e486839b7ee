/**
 * A definition as madoguchi accepts it: the meta-schema, with bindings checked against the registered prefill sources
 * and life events against the catalogue of them.
 */
import { parseDefinition as parseWithCatalog, type BindingCatalog, type DefinitionResult } from "../form-engine/definition";
import { definitionJsonSchema as jsonSchemaWith } from "../form-engine/definition-schema";
import { prefillSources } from "../prefill/prefill-sources.server";
import { parseDefinitionText as parseText } from "./definition-text";
import { lifeEvents } from "./life-events.server";
import { lintDefinition as lint } from "./lint";

/** What the app offers definitions: prefill sources' paths and the life events. One object: the schema is cached by it. */
export const definitionCatalog: BindingCatalog = { ...prefillSources.catalog, lifeEvents: lifeEvents().map((e) => e.id) };

export const parseDefinition = (input: unknown): DefinitionResult => parseWithCatalog(input, definitionCatalog);

/** forms/definition.schema.json: binding paths and life events listed, so that an editor completes them. */
export const definitionJsonSchema = () => jsonSchemaWith(definitionCatalog);

/** A definition file's text, with every problem at its line and path (see definition-text.ts). */
export const parseDefinitionText = (text: string) => parseText(text, definitionCatalog);

/** Lint with the app's prefill sources: what they offer, which of it is authoritative, which is personal data. */
export const lintDefinition = (input: unknown) => lint(input, { catalog: definitionCatalog });
