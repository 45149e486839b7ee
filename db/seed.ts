/**
 * Fictional demo data for まどぐち市 (a city that does not exist; its configuration is db/demo-city.json). Seeded
 * into an empty database by scripts/seed-demo.ts when DEMO is on. The households are in the configured city.
 * Children's birth years are relative to the day of seeding so that "under 6" stays true in any year.
 */
import { count } from "drizzle-orm";
import { hashPassword } from "../app/auth/password.server";
import { getCity } from "../app/city.server";
import type { Db } from "../app/db.server";
import { households, moveInPersons, moveIns, persons, staffUsers } from "./schema";

export const DEMO_PASSWORD = "madoguchi-demo";

export const DEMO_STAFF = [
  { id: "staff-counter1", username: "counter1", displayName: "窓口 一郎", role: "staff", duty: "counter" },
  { id: "staff-reviewer1", username: "reviewer1", displayName: "審査 花子", role: "staff", duty: "reviewer" },
  { id: "staff-admin1", username: "admin1", displayName: "管理 太郎", role: "admin", duty: "admin" },
] as const;

type PersonSeed = Omit<typeof persons.$inferInsert, "householdId" | "createdAt">;

function yearsAgo(years: number, monthDay: string, today = new Date()) {
  return `${today.getFullYear() - years}-${monthDay}`;
}

export function demoRegistry(today = new Date()) {
  const city = getCity();
  const place = { prefecture: city.prefecture.ja, city: city.name.ja };
  const h = (
    id: string,
    town: string,
    postalCode: string,
    building: string | null,
    members: PersonSeed[],
  ): { household: typeof households.$inferInsert; members: PersonSeed[] } => ({
    household: { id, postalCode, ...place, town, building, headPersonId: members[0]!.id },
    members,
  });
  return [
    // A family of four with two children under 6 (髙 in the family name).
    h("hh-takahashi", "本町一丁目2番3号", "4200001", null, [
      {
        id: "p-takahashi-daisuke",
        familyName: "髙橋",
        givenName: "大輔",
        familyNameKana: "タカハシ",
        givenNameKana: "ダイスケ",
        birthDate: "1988-05-14",
        sex: "male",
        relationship: "世帯主",
        residentCode: "10000000011",
      },
      {
        id: "p-takahashi-yumi",
        familyName: "髙橋",
        givenName: "由美",
        familyNameKana: "タカハシ",
        givenNameKana: "ユミ",
        birthDate: "1990-09-02",
        sex: "female",
        relationship: "妻",
        residentCode: "10000000012",
      },
      {
        id: "p-takahashi-haruto",
        familyName: "髙橋",
        givenName: "陽翔",
        familyNameKana: "タカハシ",
        givenNameKana: "ハルト",
        birthDate: yearsAgo(4, "06-21", today),
        sex: "male",
        relationship: "子",
        residentCode: "10000000013",
      },
      {
        id: "p-takahashi-yui",
        familyName: "髙橋",
        givenName: "結衣",
        familyNameKana: "タカハシ",
        givenNameKana: "ユイ",
        birthDate: yearsAgo(1, "03-08", today),
        sex: "female",
        relationship: "子",
        residentCode: "10000000014",
      },
    ]),
    // A single parent (﨑) and her child.
    h("hh-yamasaki", "栄町四丁目5番6号", "4200012", "コーポ栄 202号室", [
      {
        id: "p-yamasaki-misaki",
        familyName: "山﨑",
        givenName: "美咲",
        familyNameKana: "ヤマサキ",
        givenNameKana: "ミサキ",
        birthDate: "1993-11-30",
        sex: "female",
        relationship: "世帯主",
        residentCode: "10000000021",
      },
      {
        id: "p-yamasaki-ren",
        familyName: "山﨑",
        givenName: "蓮",
        familyNameKana: "ヤマサキ",
        givenNameKana: "レン",
        birthDate: yearsAgo(3, "08-15", today),
        sex: "male",
        relationship: "子",
        residentCode: "10000000022",
      },
    ]),
    // A person over 65 living alone (𠮷, outside the BMP), at an address with a long 方書.
    h("hh-yoshida", "緑が丘三丁目10番1号", "4200034", "グランドメゾンまどぐち緑が丘ステーションフロントタワー東棟 1203号室", [
      {
        id: "p-yoshida-shigeru",
        familyName: "𠮷田",
        givenName: "茂",
        familyNameKana: "ヨシダ",
        givenNameKana: "シゲル",
        birthDate: "1948-02-11",
        sex: "male",
        relationship: "世帯主",
        residentCode: "10000000031",
      },
    ]),
    // A foreign resident with a Latin-letter name, 通称 and 在留資格, and his spouse.
    h("hh-nguyen", "港町二丁目7番8号", "4200045", "ハーバーハイツ 305", [
      {
        id: "p-nguyen-van-an",
        familyName: "NGUYEN",
        givenName: "VAN AN",
        familyNameKana: "グエン",
        givenNameKana: "ヴァン アン",
        birthDate: "1995-07-19",
        sex: "male",
        relationship: "世帯主",
        residentCode: "10000000041",
        nationality: "ベトナム",
        residenceStatus: "技術・人文知識・国際業務",
        residencePeriodEnd: "2028-07-31",
        residenceCardNumber: "AB12345678CD",
        alias: "中村 安",
        aliasKana: "ナカムラ アン",
      },
      {
        id: "p-tran-thi-mai",
        familyName: "TRAN",
        givenName: "THI MAI",
        familyNameKana: "チャン",
        givenNameKana: "ティ マイ",
        birthDate: "1997-01-25",
        sex: "female",
        relationship: "妻",
        residentCode: "10000000042",
        nationality: "ベトナム",
        residenceStatus: "家族滞在",
        residencePeriodEnd: "2028-07-31",
        residenceCardNumber: "EF87654321GH",
      },
    ]),
    // A couple and their adult son.
    h("hh-suzuki", "桜町1番地の5", "4200056", null, [
      {
        id: "p-suzuki-ichiro",
        familyName: "鈴木",
        givenName: "一郎",
        familyNameKana: "スズキ",
        givenNameKana: "イチロウ",
        birthDate: "1960-04-03",
        sex: "male",
        relationship: "世帯主",
        residentCode: "10000000051",
      },
      {
        id: "p-suzuki-keiko",
        familyName: "鈴木",
        givenName: "恵子",
        familyNameKana: "スズキ",
        givenNameKana: "ケイコ",
        birthDate: "1962-12-24",
        sex: "female",
        relationship: "妻",
        residentCode: "10000000052",
      },
      {
        id: "p-suzuki-kenta",
        familyName: "鈴木",
        givenName: "健太",
        familyNameKana: "スズキ",
        givenNameKana: "ケンタ",
        birthDate: "1991-10-10",
        sex: "male",
        relationship: "子",
        residentCode: "10000000053",
      },
    ]),
  ];
}

/** A household of four whose 転出証明書情報 has arrived; they moved three days ago and now file the 転入届. */
export function demoMoveIns(today = new Date()) {
  const planned = new Date(today.getTime() - 3 * 86400_000).toISOString().slice(0, 10);
  return [
    {
      moveIn: {
        id: "mi-ito",
        previousPostalCode: "1540017",
        previousPrefecture: "東京都",
        previousCity: "世田谷区",
        previousTown: "世田谷九丁目8番7号",
        previousBuilding: "世田谷レジデンス 401号室",
        previousHeadName: "伊藤 健一",
        plannedMoveDate: planned,
        newPostalCode: "4200034",
        newTown: "緑が丘二丁目3番4号",
        newBuilding: "緑が丘コート 305号室",
      },
      persons: [
        {
          id: "mp-ito-kenichi",
          position: 1,
          familyName: "伊藤",
          givenName: "健一",
          familyNameKana: "イトウ",
          givenNameKana: "ケンイチ",
          birthDate: "1987-03-19",
          sex: "male",
          relationship: "世帯主",
          residentCode: "20000000011",
          honseki: "東京都世田谷区世田谷九丁目8番",
        },
        {
          id: "mp-ito-aya",
          position: 2,
          familyName: "伊藤",
          givenName: "彩",
          familyNameKana: "イトウ",
          givenNameKana: "アヤ",
          birthDate: "1989-08-08",
          sex: "female",
          relationship: "妻",
          residentCode: "20000000012",
          honseki: "東京都世田谷区世田谷九丁目8番",
        },
        {
          id: "mp-ito-minato",
          position: 3,
          familyName: "伊藤",
          givenName: "湊",
          familyNameKana: "イトウ",
          givenNameKana: "ミナト",
          birthDate: yearsAgo(5, "01-30", today),
          sex: "male",
          relationship: "子",
          residentCode: "20000000013",
          honseki: "東京都世田谷区世田谷九丁目8番",
        },
        {
          id: "mp-ito-aoi",
          position: 4,
          familyName: "伊藤",
          givenName: "葵",
          familyNameKana: "イトウ",
          givenNameKana: "アオイ",
          birthDate: yearsAgo(2, "10-05", today),
          sex: "female",
          relationship: "子",
          residentCode: "20000000014",
          honseki: "東京都世田谷区世田谷九丁目8番",
        },
      ] satisfies Omit<typeof moveInPersons.$inferInsert, "moveInId">[],
    },
  ];
}

/** Seeds an empty database. Does nothing when staff accounts already exist, so restarts keep real data. */
export async function seedDemoData(db: Db, today = new Date()) {
  const existing = db.select({ n: count() }).from(staffUsers).get();
  if ((existing?.n ?? 0) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  db.transaction((tx) => {
    for (const staff of DEMO_STAFF)
      tx.insert(staffUsers)
        .values({ ...staff, passwordHash })
        .run();
    for (const { household, members } of demoRegistry(today)) {
      tx.insert(households).values(household).run();
      for (const member of members)
        tx.insert(persons)
          .values({ ...member, householdId: household.id })
          .run();
    }
    for (const { moveIn, persons: movers } of demoMoveIns(today)) {
      tx.insert(moveIns).values(moveIn).run();
      for (const mover of movers)
        tx.insert(moveInPersons)
          .values({ ...mover, moveInId: moveIn.id })
          .run();
    }
  });
  return true;
}
