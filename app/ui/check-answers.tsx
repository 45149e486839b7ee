import { Link } from "@remix-run/react";
import type { SummaryRow } from "../form-engine/summary";
import { SummaryAnswers } from "./summary-answers";

type T = (k: string, o?: Record<string, unknown>) => string;

/**
 * The answers of one step on the check page, with their source marks and 変更 links (the resident's check page and an
 * administrator's preview). `changeHref`: the step's URL in that journey.
 */
export function CheckRows({ rows, changeHref, t }: { rows: SummaryRow[]; changeHref: string; t: T }) {
  const mark = (row: SummaryRow, group?: SummaryRow) =>
    // Within a group, only what differs from the group's own mark: another source, or a change.
    row.source && (!group || row.source.changed || row.source.sourceKey !== group.source?.sourceKey) ? (
      <span className="summary-list__source">
        <span className="tag tag--source">{row.source.label ?? t(row.source.sourceKey)}</span>
        {row.source.changed ? ` ${t("prefill.changed")}` : null}
      </span>
    ) : null;
  return (
    <SummaryAnswers
      rows={rows}
      mark={mark}
      // A person asked on their own page is changed there.
      itemAction={(item) =>
        item.href ? (
          <p className="summary-list__item-action">
            <Link to={item.href}>
              {t("journey.check.change")}
              <span className="visually-hidden">{t("journey.check.changeWhat", { label: item.label })}</span>
            </Link>
          </p>
        ) : null
      }
      // A fixed value from the city's records, or a value derived from other answers, has nothing to change on its step.
      action={(row) =>
        row.editable ? (
          <Link to={`${changeHref}?from=check#${row.field}-field`}>
            {t("journey.check.change")}
            <span className="visually-hidden">{t("journey.check.changeWhat", { label: row.label })}</span>
          </Link>
        ) : null
      }
    />
  );
}
