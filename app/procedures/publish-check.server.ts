/** Everything checked before a working copy is published: the meta-schema, then the lint rules (errors first). */
import type { Finding } from "./findings";
import { lintDefinition } from "./definitions.server";

export function checkForPublish(definition: unknown): Finding[] {
  const { errors, warnings } = lintDefinition(definition);
  return [...errors, ...warnings];
}

/** For the store: the errors that block publishing, as text (the pages show the findings themselves). */
export const blockingProblems = (definition: unknown): string[] =>
  lintDefinition(definition).errors.map((f) => `${f.path.join(".")}: ${f.rule} ${JSON.stringify(f.message.params)}`);
