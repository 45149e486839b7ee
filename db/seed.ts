/**
 * Fictional demo data for まどぐち市 (a city that does not exist; its configuration is db/demo-city.json). Seeded
 * into an empty database by scripts/seed-demo.ts when DEMO is on. The households are in the configured city.
 * Children's birth years are relative to the day of seeding so that "under 6" stays true in any year.
 */
import { count } from "drizzle-orm";
import { DEMO_PASSWORD } from "../app/auth/demo-password";
import { hashPassword } from "../app/auth/password.server";
import { getCity } from "../app/city.server";
import type { Db } from "../app/db.server";
import { households, moveInPersons, moveIns, persons, publicFundsAccounts, staffUsers } from "./schema";

export { DEMO_PASSWORD } from "../app/auth/demo-password";

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
        honseki: "静岡県まどぐち市本町一丁目2番",
        hittousha: "髙橋 大輔",
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
        honseki: "静岡県まどぐち市本町一丁目2番",
        hittousha: "髙橋 大輔",
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
        honseki: "静岡県まどぐち市本町一丁目2番",
        hittousha: "髙橋 大輔",
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
        honseki: "静岡県まどぐち市本町一丁目2番",
        hittousha: "髙橋 大輔",
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
        honseki: "愛知県名古屋市中区栄四丁目5番",
        hittousha: "山﨑 美咲",
        nhi: true,
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
        honseki: "愛知県名古屋市中区栄四丁目5番",
        hittousha: "山﨑 美咲",
        nhi: true,
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
        honseki: "静岡県まどぐち市緑が丘三丁目10番",
        hittousha: "𠮷田 茂",
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
        nationality: "VN",
        residenceStatus: "engineer",
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
        nationality: "VN",
        residenceStatus: "dependent",
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
        honseki: "静岡県まどぐち市桜町1番地",
        hittousha: "鈴木 一郎",
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
        honseki: "静岡県まどぐち市桜町1番地",
        hittousha: "鈴木 一郎",
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
        honseki: "静岡県まどぐち市桜町1番地",
        hittousha: "鈴木 一郎",
      },
    ]),
    // A family with a school child and a toddler, on 国保 (self-employed): 児童手当 and 子ども医療費 online.
    h("hh-sato", "本町三丁目4番5号", "4200001", "本町パークハウス 502号室", [
      {
        id: "p-sato-shota",
        familyName: "佐藤",
        givenName: "翔太",
        familyNameKana: "サトウ",
        givenNameKana: "ショウタ",
        birthDate: "1986-02-27",
        sex: "male",
        relationship: "世帯主",
        residentCode: "10000000061",
        honseki: "静岡県まどぐち市本町三丁目4番",
        hittousha: "佐藤 翔太",
        nhi: true,
      },
      {
        id: "p-sato-miho",
        familyName: "佐藤",
        givenName: "美穂",
        familyNameKana: "サトウ",
        givenNameKana: "ミホ",
        birthDate: "1988-06-11",
        sex: "female",
        relationship: "妻",
        residentCode: "10000000062",
        honseki: "静岡県まどぐち市本町三丁目4番",
        hittousha: "佐藤 翔太",
        nhi: true,
      },
      {
        id: "p-sato-yuma",
        familyName: "佐藤",
        givenName: "悠真",
        familyNameKana: "サトウ",
        givenNameKana: "ユウマ",
        birthDate: yearsAgo(8, "04-09", today),
        sex: "male",
        relationship: "子",
        residentCode: "10000000063",
        honseki: "静岡県まどぐち市本町三丁目4番",
        hittousha: "佐藤 翔太",
        nhi: true,
      },
      {
        id: "p-sato-mei",
        familyName: "佐藤",
        givenName: "芽依",
        familyNameKana: "サトウ",
        givenNameKana: "メイ",
        birthDate: yearsAgo(3, "12-01", today),
        sex: "female",
        relationship: "子",
        residentCode: "10000000064",
        honseki: "静岡県まどぐち市本町三丁目4番",
        hittousha: "佐藤 翔太",
        nhi: true,
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
          hittousha: "伊藤 健一",
          nhi: true,
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
          hittousha: "伊藤 健一",
          nhi: true,
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
          hittousha: "伊藤 健一",
          nhi: true,
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
          hittousha: "伊藤 健一",
          nhi: true,
        },
      ] satisfies Omit<typeof moveInPersons.$inferInsert, "moveInId">[],
    },
    {
      // A foreign family (定住者) on 国保 at the previous address: 国民健康保険 加入届 online.
      moveIn: {
        id: "mi-silva",
        previousPostalCode: "4300929",
        previousPrefecture: "静岡県",
        previousCity: "浜松市中央区",
        previousTown: "中央一丁目2番3号",
        previousBuilding: "中央ハイツ 203号室",
        previousHeadName: "SILVA CARLOS",
        plannedMoveDate: planned,
        newPostalCode: "4200045",
        newTown: "港町一丁目5番6号",
        newBuilding: null,
      },
      persons: [
        {
          id: "mp-silva-carlos",
          position: 1,
          familyName: "SILVA",
          givenName: "CARLOS",
          familyNameKana: "シルバ",
          givenNameKana: "カルロス",
          birthDate: "1984-09-12",
          sex: "male",
          relationship: "世帯主",
          residentCode: "20000000021",
          nationality: "BR",
          residenceStatus: "longTermResident",
          residencePeriodEnd: "2029-03-31",
          residenceCardNumber: "KL24681357MN",
          nhi: true,
        },
        {
          id: "mp-silva-ana",
          position: 2,
          familyName: "SILVA",
          givenName: "ANA",
          familyNameKana: "シルバ",
          givenNameKana: "アナ",
          birthDate: "1987-02-03",
          sex: "female",
          relationship: "妻",
          residentCode: "20000000022",
          nationality: "BR",
          residenceStatus: "longTermResident",
          residencePeriodEnd: "2029-03-31",
          residenceCardNumber: "PQ13572468RS",
          nhi: true,
        },
      ] satisfies Omit<typeof moveInPersons.$inferInsert, "moveInId">[],
    },
  ];
}

/**
 * 公金受取口座 registered by some demo residents (the 髙橋, 伊藤 and 佐藤 parents), by 住民票コード. Fictional banks.
 */
export const DEMO_PUBLIC_FUNDS_ACCOUNTS: (typeof publicFundsAccounts.$inferInsert)[] = [
  {
    residentCode: "10000000011",
    bankName: "まどぐち銀行",
    branchName: "本町支店",
    accountType: "ordinary",
    accountNumber: "1234567",
    holderKana: "タカハシ ダイスケ",
  },
  {
    residentCode: "10000000012",
    bankName: "しずおか中央信用金庫",
    branchName: "駅前支店",
    accountType: "ordinary",
    accountNumber: "7654321",
    holderKana: "タカハシ ユミ",
  },
  {
    residentCode: "20000000011",
    bankName: "せたがや銀行",
    branchName: "三軒茶屋支店",
    accountType: "ordinary",
    accountNumber: "2345678",
    holderKana: "イトウ ケンイチ",
  },
  {
    residentCode: "20000000012",
    bankName: "せたがや銀行",
    branchName: "三軒茶屋支店",
    accountType: "savings",
    accountNumber: "3456789",
    holderKana: "イトウ アヤ",
  },
  {
    residentCode: "10000000062",
    bankName: "まどぐち銀行",
    branchName: "本町支店",
    accountType: "ordinary",
    accountNumber: "4567890",
    holderKana: "サトウ ミホ",
  },
];

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
    for (const account of DEMO_PUBLIC_FUNDS_ACCOUNTS) tx.insert(publicFundsAccounts).values(account).run();
  });
  return true;
}
