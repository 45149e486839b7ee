/** Small pieces the administrator's procedure pages share: messages, problem lists with line, path and question. */
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { SummaryError } from "../../ui/error-summary";
import type { PlacedProblem } from "./definition-files.server";
import type { InputProblem, Message } from "./procedures.server";

export const messageText = (t: TFunction, m: Message) => t(m.key, m.params ?? {});
export const summaryErrors = (t: TFunction, problems: InputProblem[]): SummaryError[] =>
  problems.map((p) => ({ target: p.target, message: messageText(t, p.message) }));

/** Every problem names where it is (line and column, JSON path, step and question) and what is wrong; no link. */
export function ProblemList({ problems, id }: { problems: PlacedProblem[]; id?: string }) {
  const { t } = useTranslation();
  return (
    <ul className="problem-list" id={id}>
      {problems.map((p, i) => (
        <li key={i} className={`problem-list__item problem-list__item--${p.severity}`}>
          <span className="tag">{t(`admin.forms.findings.${p.severity}`)}</span>{" "}
          {p.line ? <strong>{t("admin.forms.findings.line", { line: p.line, column: p.column ?? 1 })}</strong> : null} {p.path ? <code>{p.path}</code> : null}
          {p.stepId || p.question ? (
            <span className="muted"> {t("admin.forms.findings.where", { step: p.stepId ?? "–", question: p.question ?? "–" })}</span>
          ) : null}
          <br />
          {"key" in p.message
            ? t(p.message.key, p.message.params ?? {})
            : p.message.syntax
              ? t("admin.forms.findings.syntax", { detail: p.message.text })
              : p.message.text}
        </li>
      ))}
    </ul>
  );
}

/** A date and a time field (JST), named date and time, for scheduling a publication or a retirement. */
export function WhenFields({ prefix }: { prefix: string }) {
  const { t } = useTranslation();
  return (
    <div className="when-fields">
      <div className="field">
        <label className="field__label" htmlFor={`${prefix}-date`}>
          {t("admin.forms.schedule.date")}
        </label>
        <input className="input input--medium" type="date" id={`${prefix}-date`} name="date" required />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${prefix}-time`}>
          {t("admin.forms.schedule.time")}
        </label>
        <input className="input input--short" type="time" id={`${prefix}-time`} name="time" required />
      </div>
    </div>
  );
}
