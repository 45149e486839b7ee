import { useTranslation } from "react-i18next";

type Member = { id: string; name: string; givenName: string; age: number; relationship: string };

/** 「髙橋 大輔 37歳 世帯主 / 由美 35歳 妻 / …」: a household at a glance; the person in question first and marked. */
export function HouseholdLine({ members, current }: { members: Member[]; current: string }) {
  const { t } = useTranslation();
  return (
    <ul className="household-line">
      {members.map((m, i) => (
        <li key={m.id} className={m.id === current ? "household-line__current" : undefined}>
          {i === 0 ? m.name : m.givenName} {t("counter.age", { count: m.age })} {m.relationship}
          {m.id === current ? <span className="visually-hidden">{t("counter.thisPerson")}</span> : null}
        </li>
      ))}
    </ul>
  );
}
