import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { textLanguage } from "../i18n/text-language";
import type { SummaryRow } from "../form-engine/summary";

type Props = {
  rows: SummaryRow[];
  /** What follows an answer: its source, "changed", "typed" … (`group` is the row of the group an item row is in). */
  mark: (row: SummaryRow, group?: SummaryRow) => ReactNode;
  /** An extra cell per row (the check page's 変更 link). */
  action?: (row: SummaryRow) => ReactNode;
  /** An extra part per item of a list (the check page's 変更 link to a person's own page). */
  itemAction?: (item: NonNullable<SummaryRow["items"]>[number]) => ReactNode;
};

/** Answers by question, repeating groups item by item (check page and staff view). */
export function SummaryAnswers({ rows, mark, action, itemAction }: Props) {
  // Japanese in a page of another language (an address from the city's records, an untranslated label) says so.
  const lng = useTranslation().i18n.language;
  const ja = (text: string) => textLanguage(text, lng);
  return (
    <dl className="summary-list">
      {rows.map((row) => (
        <div className="summary-list__row" key={row.field}>
          <dt lang={ja(row.label)}>{row.label}</dt>
          <dd>
            {row.items ? (
              row.items.map((item) => (
                <div key={item.label} className="summary-list__item">
                  <p className="summary-list__item-title" lang={ja(item.label)}>
                    {item.label}
                  </p>
                  <ul className="plain-list">
                    {item.rows.map((r) => (
                      <li key={r.field}>
                        <span lang={ja(r.label)}>{r.label}</span>：<span lang={ja(r.value)}>{r.value}</span> {mark(r, row)}
                      </li>
                    ))}
                  </ul>
                  {itemAction?.(item)}
                </div>
              ))
            ) : (
              <span className={row.answered ? "pre-line" : "muted"} lang={ja(row.value)}>
                {row.value}
              </span>
            )}{" "}
            {mark(row)}
          </dd>
          {action ? <dd className="summary-list__action">{action(row)}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
