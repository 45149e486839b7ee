import { beforeEach, describe, expect, it } from "vitest";
import { attachments } from "../../db/schema";
import { getDb } from "../db.server";
import type { Answers } from "../form-engine/engine";
import { getLiveForm, syncFormDefinitions } from "../procedures/store.server";
import { useTestDatabase } from "../test/db";
import { createDraft } from "./drafts.server";
import { fileIdsOf, receiveUploads } from "./attachments.server";

// The smallest PDF that opens: one empty A4 page.
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
const pdf = (name: string) => new File([PDF], name, { type: "application/pdf" });

describe("uploads inside a group, several files per field (a 就労証明書 per 保護者)", () => {
  let draft: ReturnType<typeof createDraft>;
  const form = () => getLiveForm("hoikusho")!;
  const guardiansStep = () => form().definition.steps.find((s) => s.id === "guardians")!;
  const post = async (entries: [string, string | File][], raw: Record<string, unknown>) => {
    const data = new FormData();
    for (const [k, v] of entries) data.append(k, v);
    await receiveUploads(draft, guardiansStep().fields, { form: data, tooLarge: false }, raw);
    return raw;
  };

  beforeEach(() => {
    useTestDatabase();
    syncFormDefinitions(undefined, () => {});
    draft = createDraft({ anonymousKeyHash: "h" }, form());
  });

  it("stores each guardian's files under their own item, checks each by its content, and ignores descriptors posted in their place", async () => {
    const raw = await post(
      [
        ["guardians[0][employmentCertificate]", pdf("p1.pdf")],
        ["guardians[0][employmentCertificate]", pdf("p2.pdf")],
        ["guardians[1][employmentCertificate]", new File(["not a pdf"], "fake.pdf", { type: "application/pdf" })],
      ],
      // What qs makes of a crafted post claiming a stored file for the second guardian.
      { guardians: [{ reason: "work" }, { reason: "work", employmentCertificate: { id: "forged", name: "x", type: "application/pdf", size: 1 } }] },
    );
    const [g1, g2] = raw.guardians as Answers[];
    expect((g1!.employmentCertificate as { name: string }[]).map((f) => f.name)).toEqual(["p1.pdf", "p2.pdf"]);
    expect(g2!.employmentCertificate).toEqual([{ rejected: "type", name: "fake.pdf" }]);
    expect(getDb().select().from(attachments).all()).toHaveLength(2);
    expect(fileIdsOf(form().definition, raw as Answers)).toEqual((g1!.employmentCertificate as { id: string }[]).map((f) => f.id));
  });

  it("keeps the files left ticked, adds new ones, refuses more than allowed, and never keeps another draft's file", async () => {
    const first = await post(
      [
        ["guardians[0][employmentCertificate]", pdf("a.pdf")],
        ["guardians[0][employmentCertificate]", pdf("b.pdf")],
      ],
      { guardians: [{}] },
    );
    const [a, b] = (first.guardians as Answers[])[0]!.employmentCertificate as { id: string }[];
    const other = createDraft({ anonymousKeyHash: "someone else" }, form());
    const theirs = draft;
    draft = other;
    const stolen = await post([["guardians[0][employmentCertificate][keep][]", a!.id]], { guardians: [{}] });
    expect((stolen.guardians as Answers[])[0]!.employmentCertificate).toEqual([]);
    draft = theirs;
    const again = await post(
      [
        ["guardians[0][employmentCertificate][keep][]", b!.id],
        ...["c", "d", "e", "f", "g"].map((n): [string, File] => ["guardians[0][employmentCertificate]", pdf(`${n}.pdf`)]),
      ],
      { guardians: [{}] },
    );
    const files = (again.guardians as Answers[])[0]!.employmentCertificate as { name: string; rejected?: string }[];
    expect(files.map((f) => f.rejected ?? f.name)).toEqual(["b.pdf", "c.pdf", "d.pdf", "e.pdf", "f.pdf", "count"]);
    // The sixth file was not stored: a: 1, b: 1, c–f: 4.
    expect(getDb().select().from(attachments).all()).toHaveLength(6);
  });
});
