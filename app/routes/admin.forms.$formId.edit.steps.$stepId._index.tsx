import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { builderAction, builderView } from "../admin/builder/routes.server";
import { BuilderLayout, Hidden, LanguageInputs, Notice, QuickForm, focusProps, noticeOf, useFetcherFocus, useServerFocus } from "../admin/builder/ui";
import { ConditionEditor } from "../admin/builder/questions/condition-editor-view";
import { ErrorSummary } from "../ui/error-summary";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return builderView(request, params.formId!, { page: "step", stepId: params.stepId! });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const outcome = await builderAction(request, params.formId!, { page: "step", stepId: params.stepId! });
  if ("redirect" in outcome) throw redirect(outcome.redirect);
  return data(outcome.body, { status: outcome.status });
}

type StepView = Extract<Awaited<ReturnType<typeof loader>>, { page: "step" }>;

export default function BuilderStep() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const fetched = useFetcherFocus();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const view = ((actionData && "view" in actionData ? actionData.view : undefined) ?? loaderData) as StepView;
  const errors = (actionData && "errors" in actionData ? actionData.errors : undefined) ?? (fetched && !fetched.ok ? fetched.errors : []);
  const focus = actionData || fetched ? undefined : (params.get("focus") ?? undefined);
  useServerFocus(focus);
  const notice = fetched?.ok ? noticeOf(t, fetched.done) : !actionData ? noticeOf(t, params.get("done")) : undefined;
  const errorMap = Object.fromEntries(errors.map((e) => [e.target ?? "", e.message]));
  const { step, updatedAt, languages, formId } = view;
  const base = `/admin/forms/${formId}/edit/steps/${step.id}`;
  return (
    <>
      <p className="back-link">
        <Link to={`/admin/forms/${formId}/edit`}>{t("admin.builder.step.back")}</Link>
      </p>
      <ErrorSummary errors={errors.map((e) => ({ target: e.target ?? "questions-title", message: e.message }))} focusKey={actionData ?? fetched} />
      <Notice text={notice} focus={focus ?? "builder-notice"} />
      <p className="caption">
        {view.formTitle}
        <span className="progress">{t("admin.builder.step.position", { n: step.number, total: step.total })}</span>
      </p>
      <h1>{step.title}</h1>
      <BuilderLayout formId={formId} updatedAt={updatedAt}>
        {view.findings.length > 0 ? (
          <div className="warning" role="region" aria-labelledby="findings-title">
            <h2 id="findings-title">{t("admin.builder.findings.stepTitle", { count: view.findings.length })}</h2>
            <ul>
              {view.findings.map((f, i) => (
                <li key={i}>
                  {f.fieldName ? (
                    <a href={`${base}/questions/${f.fieldName}`}>{t("admin.builder.findings.question", { question: f.question, message: f.message })}</a>
                  ) : (
                    f.message
                  )}
                  {f.severity === "warning" ? <span className="tag"> {t("admin.builder.findings.warning")}</span> : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        <section aria-labelledby="questions-title">
          <h2 id="questions-title" tabIndex={-1} {...focusProps("questions-title", focus)}>
            {t("admin.builder.questions.title", { count: view.questions.length })}
          </h2>
          {view.questions.length === 0 ? <p>{t("admin.builder.questions.none")}</p> : null}
          <ol className="builder-list">
            {view.questions.map((q, i) => (
              <li key={q.name} id={`question-${q.name}`} className="builder-list__item">
                <p className="builder-list__name">
                  <a href={`${base}/questions/${q.name}`} id={`question-${q.name}-link`} {...focusProps(`question-${q.name}-link`, focus)}>
                    {q.label}
                  </a>
                </p>
                <p className="builder-list__meta">
                  <span>{q.known ? t(`admin.fieldTypes.${q.type}`) : t("admin.builder.questions.unknownType", { type: q.type })}</span>
                  <span className={q.required ? "tag tag--required" : "tag"}>{t(q.required ? "field.required" : "field.optional")}</span>
                  {q.conditional ? <span className="tag">{t("admin.builder.conditional")}</span> : null}
                </p>
                <div className="builder-list__actions">
                  {i > 0 ? (
                    <QuickForm>
                      <Hidden intent="moveQuestion" updatedAt={updatedAt} values={{ name: q.name, direction: "up" }} />
                      <button
                        type="submit"
                        className="button button--secondary button--small"
                        id={`move-up-question-${q.name}`}
                        {...focusProps(`move-up-question-${q.name}`, focus)}
                      >
                        {t("admin.builder.moveUp")}
                        <span className="visually-hidden">{t("admin.builder.itemName", { name: q.label })}</span>
                      </button>
                    </QuickForm>
                  ) : null}
                  {i < view.questions.length - 1 ? (
                    <QuickForm>
                      <Hidden intent="moveQuestion" updatedAt={updatedAt} values={{ name: q.name, direction: "down" }} />
                      <button
                        type="submit"
                        className="button button--secondary button--small"
                        id={`move-down-question-${q.name}`}
                        {...focusProps(`move-down-question-${q.name}`, focus)}
                      >
                        {t("admin.builder.moveDown")}
                        <span className="visually-hidden">{t("admin.builder.itemName", { name: q.label })}</span>
                      </button>
                    </QuickForm>
                  ) : null}
                  {view.otherSteps.length ? (
                    <Form method="post" className="builder-quick builder-move">
                      <Hidden intent="moveQuestionTo" updatedAt={updatedAt} values={{ name: q.name }} />
                      <label htmlFor={`move-to-${q.name}`} className="visually-hidden">
                        {t("admin.builder.questions.moveToLabel", { name: q.label })}
                      </label>
                      <select className="input select builder-move__select" id={`move-to-${q.name}`} name="to">
                        {view.otherSteps.map((s) => (
                          <option key={s.id} value={s.id}>
                            {s.title}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className="button button--secondary button--small">
                        {t("admin.builder.questions.moveTo")}
                        <span className="visually-hidden">{t("admin.builder.itemName", { name: q.label })}</span>
                      </button>
                    </Form>
                  ) : null}
                  <Form method="post" className="builder-quick">
                    <Hidden intent="removeQuestion" updatedAt={updatedAt} values={{ name: q.name }} />
                    <button type="submit" className="button button--secondary button--small button--warning" id={`remove-question-${q.name}`}>
                      {t("admin.builder.remove")}
                      <span className="visually-hidden">{t("admin.builder.itemName", { name: q.label })}</span>
                    </button>
                  </Form>
                </div>
              </li>
            ))}
          </ol>
          <Form method="post" className="box" aria-labelledby="new-question-title">
            <h3 id="new-question-title">{t("admin.builder.questions.addTitle")}</h3>
            <Hidden intent="addQuestion" updatedAt={updatedAt} />
            <div className={`field${errorMap["new-question-type"] ? " field--error" : ""}`}>
              <label className="field__label" htmlFor="new-question-type">
                {t("admin.builder.questions.type")}
              </label>
              <p className="field__hint" id="new-question-type-hint">
                {t("admin.builder.questions.typeHint")}
              </p>
              <select className="input select" id="new-question-type" name="type" aria-describedby="new-question-type-hint">
                {view.fieldTypes.map((type) => (
                  <option key={type} value={type}>
                    {t(`admin.fieldTypes.${type}`)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button">
              {t("admin.builder.questions.add")}
            </button>
          </Form>
        </section>

        <Form method="post" aria-labelledby="step-settings-title" key={updatedAt} noValidate>
          <h2 id="step-settings-title">{t("admin.builder.step.settingsTitle")}</h2>
          <Hidden intent="editStep" updatedAt={updatedAt} />
          <LanguageInputs id="title" label={t("admin.builder.step.titleLabel")} languages={languages} values={step.titleTexts} errors={errorMap} required />
          <LanguageInputs
            id="description"
            label={t("admin.builder.step.description")}
            hint={t("admin.builder.step.descriptionHint")}
            languages={languages}
            values={step.descriptionTexts}
            errors={errorMap}
            multiline
          />
          <button type="submit" className="button">
            {t("admin.builder.step.save")}
          </button>
        </Form>

        {step.conditionHasMenus ? (
          <Form method="post" className="box" key={`${updatedAt}:${JSON.stringify(step.showIf ?? null)}`} noValidate>
            <Hidden intent="stepCondition" updatedAt={updatedAt} />
            <ConditionEditor
              prefix="showIf"
              condition={step.showIf}
              questions={view.conditionQuestions}
              title={t("admin.builder.step.conditionTitle")}
              none={t(view.conditionQuestions.length ? "admin.builder.step.always" : "admin.builder.step.noQuestionsBefore")}
            >
              {step.showIf ? (
                <>
                  <p>{t("admin.builder.step.conditionSet")}</p>
                  {/* First in the form, so that Enter in the value saves rather than pressing an editor's button. */}
                  <button type="submit" name="_action" value="save" className="button">
                    {t("admin.builder.step.saveCondition")}
                  </button>
                </>
              ) : null}
            </ConditionEditor>
            {!step.showIf && step.condition ? (
              <button type="submit" name="_action" value="save" className="button">
                {t("admin.builder.step.saveCondition")}
              </button>
            ) : null}
          </Form>
        ) : (
          <section aria-labelledby="condition-title" className="box">
            <h2 id="condition-title">{t("admin.builder.step.conditionTitle")}</h2>
            <p>{t("admin.builder.step.conditionSet")}</p>
            <pre className="builder-condition">{step.condition}</pre>
            <p>
              {t("admin.builder.step.conditionEdit")} <a href={`/admin/forms/${formId}/json`}>{t("admin.builder.jsonLink")}</a>
            </p>
            <Form method="post">
              <Hidden intent="removeCondition" updatedAt={updatedAt} />
              <button type="submit" className="button button--secondary">
                {t("admin.builder.step.removeCondition")}
              </button>
            </Form>
          </section>
        )}
      </BuilderLayout>
    </>
  );
}
