import { useEffect, useRef, type MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { withRuby } from "../i18n/ruby";

export type SummaryError = {
  /** id of the input to move to */ target: string;
  message: string;
  /** another page that shows the problem (a person's own page, from a list of people), instead of an input here */
  href?: string;
};

/**
 * A link of the summary moves focus to the input it names and scrolls its question into view with the label or
 * legend on screen (GOV.UK's error summary does the same). Without JavaScript the browser follows the #fragment.
 */
function focusTarget(event: MouseEvent<HTMLAnchorElement>, target: string) {
  const input = document.getElementById(target);
  if (!input) return;
  event.preventDefault();
  const question = input.closest("fieldset") ?? input.closest(".field") ?? input;
  question.scrollIntoView();
  input.focus({ preventScroll: true });
}

/**
 * The error summary at the top of main (GOV.UK pattern). It takes focus on page load through the HTML
 * `autofocus` attribute, so it works without JavaScript, and again after every client-side submit.
 */
export function ErrorSummary({ errors, focusKey }: { errors: SummaryError[]; /** changes on every failed submit */ focusKey?: unknown }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((e) => e.target + e.message).join("|");
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature, focusKey]);
  if (errors.length === 0) return null;
  return (
    // A region, so that it may carry the name its heading gives (HTML forbids aria-labelledby on a plain div).
    <div className="error-summary" role="region" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title" {...{ autofocus: "" }}>
      <h2 id="error-summary-title" className="error-summary__title">
        {t("errorSummary.title")}
      </h2>
      <ul className="error-summary__list">
        {errors.map((e) => (
          <li key={e.target + e.message}>
            <a href={e.href ?? `#${e.target}`} onClick={e.href ? undefined : (event) => focusTarget(event, e.target)}>
              {/* A message the server wrote with its readings (やさしい日本語) shows them as <ruby>. */}
              {withRuby(e.message)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
