import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export type VisitProgressItem = { formId: string; title: string; started: boolean; missing: number; submitted: boolean };

/**
 * The visit's procedures beside the clerk's work: each with what is still missing, then the resident's confirmation
 * and submitting. A list of links (keyboard: Tab), the current one marked aria-current by NavLink.
 */
export function CounterVisitNav({
  visitId,
  progress,
  confirmed,
  submitted,
}: {
  visitId: string;
  progress: VisitProgressItem[];
  confirmed: boolean;
  submitted: boolean;
}) {
  const { t } = useTranslation();
  const allDone = progress.every((p) => p.started && p.missing === 0);
  return (
    <nav className="counter-work__nav" aria-labelledby="visit-nav-title">
      <h2 id="visit-nav-title" className="counter-work__nav-title">
        {t("counter.work.navTitle")}
      </h2>
      <ol className="visit-nav">
        <li>
          <NavLink to={`/counter/visits/${visitId}`} end>
            {t("counter.work.navVisit")}
          </NavLink>
        </li>
        {progress.map((p) => (
          <li key={p.formId}>
            <NavLink to={`/counter/visits/${visitId}/procedures/${p.formId}`}>{p.title}</NavLink>
            <span className={`tag${p.started && p.missing === 0 ? " tag--done" : ""}`}>
              {p.submitted
                ? t("counter.work.state.submitted")
                : !p.started
                  ? t("counter.work.state.notStarted")
                  : p.missing > 0
                    ? t("counter.work.state.missing", { count: p.missing })
                    : t("counter.work.state.complete")}
            </span>
          </li>
        ))}
        <li>
          {allDone ? <NavLink to={`/counter/visits/${visitId}/confirm`}>{t("counter.work.navConfirm")}</NavLink> : <span>{t("counter.work.navConfirm")}</span>}
          <span className="tag">
            {submitted ? t("counter.work.state.submitted") : confirmed ? t("counter.work.state.confirmed") : t("counter.work.state.waiting")}
          </span>
        </li>
      </ol>
    </nav>
  );
}
