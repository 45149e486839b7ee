/** Realistic answers of shipped procedures, for tests and benchmarks (the 髙橋 family of the demo seed). */
import fs from "node:fs";
import path from "node:path";
import { parseDefinition, type FormDefinition } from "../form-engine/definition";
import type { Answers } from "../form-engine/engine";

export function shippedDefinition(formId: string): FormDefinition {
  const r = parseDefinition(JSON.parse(fs.readFileSync(path.resolve("forms", `${formId}.json`), "utf8")));
  if (!r.ok) throw new Error(r.problems.join("; "));
  return r.definition;
}

const name = (family: string, given: string, familyKana: string, givenKana: string) => ({ family, given, familyKana, givenKana });

/** A complete 保育所入所申請: two working guardians, two preferred facilities, a sibling, no attachment. */
export function hoikushoAnswers(): Answers {
  return {
    applicationType: "new",
    startDate: "2027-04-01",
    careHours: "standard",
    child: [{ _offered: 0, name: name("髙橋", "陽翔", "タカハシ", "ハルト"), birthDate: "2022-06-21", sex: "male", health: "卵アレルギーがあります（医師の診断書あり）。" }],
    guardians: [
      { _offered: 0, name: name("髙橋", "大輔", "タカハシ", "ダイスケ"), birthDate: "1988-05-14", relationship: "father", phone: "09011110000", reason: "work", employer: "まどぐち商事株式会社", employment: "regular", daysPerWeek: 5, hoursPerMonth: 160 },
      { _offered: 1, name: name("髙橋", "由美", "タカハシ", "ユミ"), birthDate: "1990-09-02", relationship: "mother", phone: "09022220000", reason: "work", employer: "みどり総合病院", employment: "parttime", daysPerWeek: 4, hoursPerMonth: 96 },
    ],
    facilities: [
      { facility: "midori", reason: "自宅から徒歩5分のため" },
      { facility: "sakura", reason: "母の勤務先に近いため" },
    ],
    otherFacilityOk: "yes",
    members: [{ name: name("髙橋", "結衣", "タカハシ", "ユイ"), relationship: "sibling", birthDate: "2025-01-10", occupation: "未就学" }],
    circumstances: ["sibling"],
    taxConsent: true,
  };
}
