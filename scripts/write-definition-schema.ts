/** npm run forms:schema — regenerates forms/definition.schema.json from the meta-schema. */
import fs from "node:fs";
import path from "node:path";
import { definitionJsonSchema } from "../app/procedures/definitions.server";

const target = path.resolve(process.cwd(), "forms/definition.schema.json");
fs.writeFileSync(target, `${JSON.stringify(definitionJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), target)}`);
