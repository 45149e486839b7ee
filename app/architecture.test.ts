/** The room boundaries in eslint.config.js fire: one import that crosses each, linted as if it were in the tree. */
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const eslint = new ESLint({ cwd: root });

async function problems(file: string, code: string) {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: path.join(root, file) });
  return result!.messages.map((m) => m.ruleId);
}

describe("room boundaries", { timeout: 30_000 }, () => {
  // The first lint loads every plugin and parser (seconds on a busy machine); the cases after it are quick.
  beforeAll(() => problems("app/warm-up.ts", ""), 120_000);

  it.each([
    ["app/form-engine/x.ts", 'import "../submissions/drafts.server";'],
    ["app/form-engine/x.ts", 'import "../auth/session.server";'],
    ["app/form-engine/x.ts", 'import "../backoffice/queue.server";'],
    ["app/form-engine/x.ts", 'import "../cases/statuses";'],
    ["app/form-engine/x.ts", 'import "../residents/profile.server";'],
    ["app/form-engine/x.ts", 'import "../db.server";'],
    ["app/form-engine/fields/x.tsx", 'import "../../../db/schema";'],
    ["app/form-engine/x.ts", 'import "../routes/mypage";'],
    ["app/residents/x.server.ts", 'import "../../db/seed";'],
    ["app/x.server.ts", 'import "../db/demo-submissions";'],
    ["app/cases/x.ts", 'import "../submissions/drafts.server";'],
    ["app/cases/x.ts", 'import "../backoffice/queue.server";'],
    ["app/submissions/x.ts", 'import "../backoffice/queue.server";'],
    ["app/backoffice/x.ts", 'import "../routes/mypage";'],
    ["app/root2.tsx", 'import "./routes/mypage";'],
    ["app/backoffice/x.ts", 'import "../../scripts/bench";'],
    ["app/form-engine/x.ts", 'import "../journey/journey";'],
    ["app/form-engine/x.ts", 'import "../prefill/prefill-sources.server";'],
    ["app/journey/x.server.ts", 'import "../backoffice/queue.server";'],
    ["app/prefill/x.server.ts", 'import "../backoffice/detail.server";'],
    ["app/procedures/x.server.ts", 'import "../submissions/drafts.server";'],
    ["app/submissions/x.server.ts", 'import "../journey/journey";'],
    ["app/procedures/x.server.ts", 'import "../admin/forms/procedures.server";'],
    ["app/journey/x.server.ts", 'import "../admin/forms/schedule";'],
    ["app/journey/x.server.ts", 'import "../admin/preview/preview.server";'],
    ["app/admin/builder/x.server.ts", 'import "../../submissions/drafts.server";'],
    ["app/admin/builder/x.ts", 'import "../../backoffice/queue.server";'],
    ["app/residents/x.server.ts", 'import "../counter/visits.server";'],
    ["app/backoffice/x.server.ts", 'import "../counter/search";'],
  ])("%s: %s is refused", async (file, code) => {
    expect(await problems(file, code)).toContain("import-x/no-restricted-paths");
  });

  it.each([
    ["app/form-engine/fields/x.tsx", 'import { z } from "zod";\nvoid z;'],
    ["app/form-engine/fields/x.tsx", 'import { textField } from "./text.rules";\nvoid textField;'],
    ["app/form-engine/render.tsx", 'import { getFieldType } from "./field-types";\nvoid getFieldType;'],
    ["app/form-engine/field-views.ts", 'import { localizedText } from "./localized-schema";\nvoid localizedText;'],
  ])("%s: %s is refused (the browser loads no schema)", async (file, code) => {
    expect(await problems(file, code)).toContain("@typescript-eslint/no-restricted-imports");
  });

  it("a view may name the types of its rules", async () => {
    expect(await problems("app/form-engine/fields/x.tsx", 'import type { TextDef } from "./text.rules";\nexport type T = TextDef;')).not.toContain(
      "@typescript-eslint/no-restricted-imports",
    );
  });

  it.each([
    ["app/routes/x.tsx", 'import { eq } from "drizzle-orm";\nvoid eq;'],
    ["app/routes/x.tsx", 'import { getDb } from "../db.server";\nvoid getDb;'],
    ["app/routes/x.tsx", 'import { submissions } from "../../db/schema";\nvoid submissions;'],
  ])("%s: %s is refused (no SQL in a route)", async (file, code) => {
    expect(await problems(file, code)).toContain("no-restricted-imports");
  });

  it.each([
    ["app/form-engine/engine2.ts", 'export const isGroup = (def: { type: string }) => def.type === "group";'],
    ["app/prefill/x.ts", 'export const isFile = (f: { type: string }) => "file" !== f.type;'],
  ])("%s: %s is refused (field types own their behaviour)", async (file, code) => {
    expect(await problems(file, code)).toContain("no-restricted-syntax");
  });

  it.each([
    ["app/form-engine/fields/x.tsx", 'export const isGroup = (def: { type: string }) => def.type === "group";'],
    ["app/journey/x.server.ts", 'import "../submissions/drafts.server";'],
    ["app/journey/x.server.ts", 'import "../prefill/prefill-sources.server";'],
    ["app/backoffice/x.server.ts", 'import "../cases/workflow.server";'],
    ["app/submissions/x.server.ts", 'import "../cases/applicant";'],
    ["app/backoffice/x.server.ts", 'import "../submissions/attachments.server";'],
    ["app/cases/x.ts", 'import "../form-engine/normalize";'],
    ["app/routes/x.tsx", 'import "../backoffice/detail.server";'],
    ["app/admin/preview/x.server.ts", 'import "../../journey/step.server";'],
    ["app/admin/builder/x.server.ts", 'import "../../procedures/lifecycle.server";'],
    ["app/counter/x.server.ts", 'import "../residents/resident-records.server";'],
    ["app/routes/x.tsx", 'import "../counter/visits.server";'],
    // Tests may wire rooms together and use the demo data.
    ["app/form-engine/x.test.ts", 'import "../../db/seed";'],
  ])("%s: %s is allowed", async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
