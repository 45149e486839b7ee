/** Parts of the administrator's staff account pages (/admin/staff). */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DUTIES } from "../auth/staff-duties";
import { Fieldset } from "./field";

/** 窓口 / 審査 / 管理者 as radios; the first radio has the field's id, which the error summary links to. */
export function DutyRadios({ id, value, error, hint }: { id: string; value?: string; error?: string; hint?: string }) {
  const { t } = useTranslation();
  return (
    <Fieldset id={id} label={t("admin.staff.duty")} hint={hint} error={error} required t={t}>
      <div className="choices">
        {DUTIES.map((duty, i) => {
          const optionId = i === 0 ? id : `${id}-${duty}`;
          return (
            <div className="choice" key={duty}>
              <input type="radio" id={optionId} name="duty" value={duty} defaultChecked={value === duty} className="choice__input" />
              <label htmlFor={optionId} className="choice__label">
                {t(`roles.${duty}`)}
              </label>
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}

export type OneTimePasswordView = {
  kind: "created" | "reset";
  account: { id: string; username: string; displayName: string };
  password: string;
};

/**
 * The page an administrator sees once after creating an account or resetting its password. It is the response to the
 * POST itself (never a redirect): the password exists only in this response, not in a URL, a log or the database.
 */
export function OneTimePassword({ view }: { view: OneTimePasswordView }) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t(view.kind === "created" ? "admin.staff.password.createdTitle" : "admin.staff.password.resetTitle")}</h1>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t("admin.staff.username")}</dt>
          <dd>{view.account.username}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("admin.staff.displayName")}</dt>
          <dd>{view.account.displayName}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t(view.kind === "created" ? "admin.staff.password.initial" : "admin.staff.password.new")}</dt>
          <dd>
            <code className="one-time-password" translate="no">
              {view.password}
            </code>
          </dd>
        </div>
      </dl>
      <p className="warning">{t("admin.staff.password.warning")}</p>
      <p className="actions">
        <Link to={`/admin/staff/${view.account.id}`}>{t("admin.staff.password.toAccount")}</Link>
        <Link to="/admin/staff">{t("admin.staff.password.toList")}</Link>
      </p>
    </>
  );
}
