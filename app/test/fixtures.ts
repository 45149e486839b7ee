/** Realistic answers of shipped procedures, for tests and benchmarks (the 髙橋 family of the demo seed). */
import fs from "node:fs";
import path from "node:path";
import type { FormDefinition } from "../form-engine/definition";
import { parseDefinition } from "../procedures/definitions.server";

export function shippedDefinition(formId: string): FormDefinition {
  const r = parseDefinition(JSON.parse(fs.readFileSync(path.resolve("forms", `${formId}.json`), "utf8")));
  if (!r.ok) throw new Error(r.problems.join("; "));
  return r.definition;
}

export { hoikushoAnswers } from "../../db/demo-submissions";
