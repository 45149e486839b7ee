import { describe, expect, it } from "vitest";
import { hoikushoAnswers, shippedDefinition } from "../test/fixtures";
import { caseFacts } from "./case-facts";

describe("queue columns", () => {
  const hoikusho = shippedDefinition("hoikusho");
  const s = { answers: hoikushoAnswers(), applicantName: "髙橋 大輔", submittedAt: new Date("2026-11-21T15:30:00Z"), status: "received" as const }; // 11/22 00:30 JST

  it("names the child of a 保育所 case (subjectName), and the applicant where the definition names no subject", () => {
    expect(caseFacts(hoikusho, s).subjectName).toBe("髙橋 陽翔");
    expect(caseFacts({ ...hoikusho, subjectName: undefined }, s).subjectName).toBe("髙橋 大輔");
    expect(caseFacts(hoikusho, { ...s, answers: { ...s.answers, child: [] } }).subjectName).toBe("髙橋 大輔");
  });

  it("counts 経過日数 in the city's days and sets 期限 by the procedure's processingDays; only an open case is overdue", () => {
    expect(hoikusho.processingDays).toBe(30);
    const at = (iso: string) => caseFacts(hoikusho, s, new Date(iso));
    expect(at("2026-11-22T14:59:00Z")).toMatchObject({ elapsedDays: 0, dueDate: "2026-12-22", overdue: false }); // 11/22 23:59 JST
    expect(at("2026-11-22T15:00:00Z").elapsedDays).toBe(1); // 11/23 00:00 JST
    expect(at("2026-12-22T14:00:00Z").overdue).toBe(false);
    expect(at("2026-12-22T15:00:00Z")).toMatchObject({ elapsedDays: 31, overdue: true });
    expect(caseFacts(hoikusho, { ...s, status: "completed" }, new Date("2027-02-01T00:00:00Z")).overdue).toBe(false);
  });
});
