import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { builderAction, builderView } from "../admin/builder/routes.server";
import { BuilderLayout, Hidden, LanguageInputs, Notice, QuickForm, focusProps, noticeOf, useFetcherFocus, useServerFocus } from "../admin/builder/ui";
import { afterSubmitPrefix } from "../admin/builder/condition-edits";
import type { ConditionQuestion } from "../admin/builder/questions/condition-editor";
import { ConditionEditor } from "../admin/builder/questions/condition-editor-view";
import type { Condition } from "../form-engine/conditions";
import { ErrorSummary } from "../ui/error-summary";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return builderView(request, params.formId!, { page: "overview" });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const outcome = await builderAction(request, params.formId!, { page: "overview" });
  if ("redirect" in outcome) throw redirect(outcome.redirect);
  return data(outcome.body, { status: outcome.status });
}

type Overview = Extract<Awaited<ReturnType<typeof loader>>, { page: "overview" }>;

export default function BuilderOverview() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const fetched = useFetcherFocus();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const view = ((actionData && "view" in actionData ? actionData.view : undefined) ?? loaderData) as Overview;
  const errors = (actionData && "errors" in actionData ? actionData.errors : undefined) ?? (fetched && !fetched.ok ? fetched.errors : []);
  const focus = actionData || fetched ? undefined : (params.get("focus") ?? undefined);
  useServerFocus(focus);
  const notice = fetched?.ok ? noticeOf(t, fetched.done) : !actionData ? noticeOf(t, params.get("done")) : undefined;
  const errorMap = Object.fromEntries(errors.map((e) => [e.target ?? "", e.message]));
  const { settings, languages, updatedAt } = view;
  return (
    <>
      <p className="back-link">
        <Link to={`/admin/forms/${view.formId}`}>{t("admin.builder.backToProcedure")}</Link>
      </p>
      <ErrorSummary errors={errors.map((e) => ({ target: e.target ?? "steps-title", message: e.message }))} focusKey={actionData ?? fetched} />
      <Notice text={notice} focus={focus ?? "builder-notice"} />
      <p className="caption">{view.formTitle}</p>
      <h1>{t("admin.builder.overview.title")}</h1>
      <p>{t("admin.builder.overview.lead")}</p>
      <p className="actions">
        <a href={`/admin/forms/${view.formId}/preview`}>{t("admin.builder.previewLink")}</a>
        <a href={`/admin/forms/${view.formId}/json`}>{t("admin.builder.jsonLink")}</a>
      </p>
      <BuilderLayout formId={view.formId} updatedAt={updatedAt}>
        {view.findingCount > 0 ? (
          <div className="warning" role="region" aria-labelledby="findings-title">
            <h2 id="findings-title">{t("admin.builder.findings.title", { count: view.findingCount })}</h2>
            {view.findings.length ? (
              <ul>
                {view.findings.map((f, i) => (
                  <li key={i}>{f.message}</li>
                ))}
              </ul>
            ) : null}
            <p>{t("admin.builder.findings.perStep")}</p>
          </div>
        ) : null}

        <section aria-labelledby="steps-title">
          <h2 id="steps-title" tabIndex={-1} {...focusProps("steps-title", focus)}>
            {t("admin.builder.steps.title")}
          </h2>
          <ol className="builder-list">
            {view.steps.map((step, i) => (
              <li key={step.id} id={`step-${step.id}`} className="builder-list__item">
                <p className="builder-list__name">
                  <a href={`/admin/forms/${view.formId}/edit/steps/${step.id}`} id={`step-${step.id}-link`} {...focusProps(`step-${step.id}-link`, focus)}>
                    {step.title}
                  </a>
                </p>
                <p className="builder-list__meta">
                  {t("admin.builder.steps.questions", { count: step.questions })}
                  {step.conditional ? <span className="tag">{t("admin.builder.conditional")}</span> : null}
                  {step.findings ? <span className="tag tag--required">{t("admin.builder.steps.findings", { count: step.findings })}</span> : null}
                </p>
                <div className="builder-list__actions">
                  {i > 0 ? (
                    <QuickForm>
                      <Hidden intent="moveStep" updatedAt={updatedAt} values={{ stepId: step.id, direction: "up" }} />
                      <button
                        type="submit"
                        className="button button--secondary button--small"
                        id={`move-up-step-${step.id}`}
                        {...focusProps(`move-up-step-${step.id}`, focus)}
                      >
                        {t("admin.builder.moveUp")}
                        <span className="visually-hidden">{t("admin.builder.itemName", { name: step.title })}</span>
                      </button>
                    </QuickForm>
                  ) : null}
                  {i < view.steps.length - 1 ? (
                    <QuickForm>
                      <Hidden intent="moveStep" updatedAt={updatedAt} values={{ stepId: step.id, direction: "down" }} />
                      <button
                        type="submit"
                        className="button button--secondary button--small"
                        id={`move-down-step-${step.id}`}
                        {...focusProps(`move-down-step-${step.id}`, focus)}
                      >
                        {t("admin.builder.moveDown")}
                        <span className="visually-hidden">{t("admin.builder.itemName", { name: step.title })}</span>
                      </button>
                    </QuickForm>
                  ) : null}
                  <Form method="post" className="builder-quick">
                    <Hidden intent="removeStep" updatedAt={updatedAt} values={{ stepId: step.id }} />
                    <button type="submit" className="button button--secondary button--small button--warning" id={`remove-step-${step.id}`}>
                      {t("admin.builder.remove")}
                      <span className="visually-hidden">{t("admin.builder.itemName", { name: step.title })}</span>
                    </button>
                  </Form>
                </div>
              </li>
            ))}
          </ol>
          <Form method="post" className="box" aria-labelledby="new-step-title">
            <h3 id="new-step-title">{t("admin.builder.steps.addTitle")}</h3>
            <Hidden intent="addStep" updatedAt={updatedAt} />
            <LanguageInputs
              id="new-step-title"
              label={t("admin.builder.steps.newTitle")}
              hint={t("admin.builder.steps.newTitleHint")}
              languages={languages}
              values={{}}
              errors={errorMap}
              required
            />
            <button type="submit" className="button">
              {t("admin.builder.steps.add")}
            </button>
          </Form>
        </section>

        <Form
          method="post"
          aria-labelledby="settings-title"
          key={`${updatedAt}:${JSON.stringify(settings.afterSubmit.map((a) => a.showIf ?? null))}`}
          noValidate
        >
          <h2 id="settings-title">{t("admin.builder.settings.title")}</h2>
          <Hidden intent="settings" updatedAt={updatedAt} />
          {/* First in the form, so that Enter in a text saves rather than pressing a condition editor's button. */}
          <div className="actions">
            <button type="submit" name="_action" value="save" className="button">
              {t("admin.builder.settings.saveFirst")}
            </button>
          </div>
          <LanguageInputs id="title" label={t("admin.builder.settings.formTitle")} languages={languages} values={settings.title} errors={errorMap} required />
          <LanguageInputs
            id="description"
            label={t("admin.builder.settings.description")}
            hint={t("admin.builder.settings.descriptionHint")}
            languages={languages}
            values={settings.description}
            errors={errorMap}
            multiline
            required
          />
          <LanguageInputs
            id="duration"
            label={t("admin.builder.settings.duration")}
            hint={t("admin.builder.settings.durationHint")}
            languages={languages}
            values={settings.duration}
            errors={errorMap}
            required
          />
          <TextList
            id="whatYouNeed"
            title={t("admin.builder.settings.whatYouNeed")}
            hint={t("admin.builder.settings.listHint")}
            items={settings.whatYouNeed}
            languages={languages}
            errors={errorMap}
          />
          <TextList
            id="notes"
            title={t("admin.builder.settings.notes")}
            hint={t("admin.builder.settings.listHint")}
            items={settings.notes}
            languages={languages}
            errors={errorMap}
          />
          <LanguageInputs
            id="declaration"
            label={t("admin.builder.settings.declaration")}
            hint={t("admin.builder.settings.declarationHint")}
            languages={languages}
            values={settings.declaration}
            errors={errorMap}
            multiline
            required
          />
          <TextList
            id="afterSubmit"
            title={t("admin.builder.settings.afterSubmit")}
            hint={t("admin.builder.settings.afterSubmitHint")}
            items={settings.afterSubmit.map((a) => a.texts)}
            conditions={settings.afterSubmit}
            conditionQuestions={view.conditionQuestions}
            languages={languages}
            errors={errorMap}
          />
          <LanguageInputs
            id="pdfTitle"
            label={t("admin.builder.settings.pdfTitle")}
            hint={t("admin.builder.settings.pdfTitleHint")}
            languages={languages}
            values={settings.pdfTitle}
            errors={errorMap}
          />
          <AnswerSelect
            id="applicantName"
            label={t("admin.builder.settings.applicantName")}
            hint={t("admin.builder.settings.applicantNameHint")}
            value={settings.applicantName}
            choices={view.answers.filter((a) => a.personName)}
            error={errorMap.applicantName}
          />
          <AnswerSelect
            id="contactEmail"
            label={t("admin.builder.settings.contactEmail")}
            hint={t("admin.builder.settings.contactEmailHint")}
            value={settings.contactEmail}
            choices={view.answers}
            error={errorMap.contactEmail}
          />
          <div className="field">
            <div className="choice">
              <input className="choice__input" type="checkbox" id="signInRequired" name="signInRequired" value="yes" defaultChecked={settings.signInRequired} />
              <label className="choice__label" htmlFor="signInRequired">
                {t("admin.builder.settings.signInRequired")}
              </label>
            </div>
          </div>
          <button type="submit" className="button">
            {t("admin.builder.settings.save")}
          </button>
        </Form>
      </BuilderLayout>
    </>
  );
}

/** A list of texts (what to have ready, notes, after submitting): one row per item and one blank row to add one. */
function TextList({
  id,
  title,
  hint,
  items,
  conditions = [],
  conditionQuestions = [],
  languages,
  errors,
}: {
  id: string;
  title: string;
  hint: string;
  items: Record<string, string>[];
  conditions?: { condition?: string; showIf?: Condition; menus: boolean }[];
  conditionQuestions?: ConditionQuestion[];
  languages: string[];
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const rows = [...items, {}];
  return (
    <fieldset className="fieldset builder-text-list" aria-describedby={`${id}-hint`}>
      <legend className="field__label">{title}</legend>
      <p className="field__hint" id={`${id}-hint`}>
        {hint}
      </p>
      <input type="hidden" name={`${id}-count`} value={rows.length} />
      {rows.map((values, i) => (
        <div key={i} className="builder-text-list__item">
          <LanguageInputs
            id={`${id}-${i}`}
            label={i < items.length ? t("admin.builder.settings.item", { n: i + 1 }) : t("admin.builder.settings.newItem")}
            languages={languages}
            values={values}
            errors={errors}
          />
          {i >= conditions.length ? null : conditions[i]!.menus ? (
            <>
              <input type="hidden" name={`${afterSubmitPrefix(i)}-menus`} value="yes" />
              <ConditionEditor
                prefix={afterSubmitPrefix(i)}
                condition={conditions[i]!.showIf}
                questions={conditionQuestions}
                title={t("admin.builder.settings.itemConditionTitle", { n: i + 1 })}
                none={t("admin.builder.settings.itemAlways")}
                level={3}
              />
            </>
          ) : (
            <p className="field__hint">{t("admin.builder.settings.itemCondition", { condition: conditions[i]!.condition })}</p>
          )}
        </div>
      ))}
    </fieldset>
  );
}

function AnswerSelect({
  id,
  label,
  hint,
  value,
  choices,
  error,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  choices: { path: string; label: string }[];
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label className="field__label" htmlFor={id}>
        {label} <span className="tag">{t("field.optional")}</span>
      </label>
      <p className="field__hint" id={`${id}-hint`}>
        {hint}
      </p>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t("field.errorPrefix")}</span>
          {error}
        </p>
      ) : null}
      <select
        className="input select"
        id={id}
        name={id}
        defaultValue={value}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        aria-invalid={error ? true : undefined}
      >
        <option value="">{t("admin.builder.settings.none")}</option>
        {choices.map((c) => (
          <option key={c.path} value={c.path}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}
