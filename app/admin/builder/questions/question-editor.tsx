/**
 * The question editor page: one input (or group of inputs) per property the question's type declares, texts in every
 * declared language, options, a group's own questions, conditions from menus and the prefill binding. Every button
 * posts the form; nothing needs JavaScript.
 */
import { Form, Link } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { Condition } from "../../../form-engine/conditions";
import { ErrorSummary, type SummaryError } from "../../../ui/error-summary";
import { ConditionEditor } from "./condition-editor-view";
import { inputId } from "./input-id";
import type { ConditionQuestion } from "./condition-editor";
import type { Property } from "./properties";
import type { QuestionPage } from "./question-editor.server";
import type { OptionDraft } from "./question-form";

const propertyLabel = (t: TFunction, key: string) => t(`admin.questions.property.${key}`, { defaultValue: key });
const languageLabel = (t: TFunction, lng: string) => t(`admin.questions.language.${lng}`, { defaultValue: lng });
const textIn = (value: unknown, lng: string) =>
  typeof value === "string" ? (lng === "ja" ? value : "") : value && typeof value === "object" ? ((value as Record<string, string>)[lng] ?? "") : "";

function ErrorText({ error }: { error?: string }) {
  const { t } = useTranslation();
  return error ? (
    <p className="field__error">
      <span className="visually-hidden">{t("field.errorPrefix")}</span>
      {error}
    </p>
  ) : null;
}

function Localized({
  name,
  label,
  value,
  languages,
  errors,
}: {
  name: string;
  label: string;
  value: unknown;
  languages: string[];
  errors: Map<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset localized">
      <legend className="field__label">{label}</legend>
      {languages.map((lng) => {
        const id = inputId(`${name}.${lng}`);
        const error = errors.get(id) ?? (lng === "ja" ? errors.get(inputId(name)) : undefined);
        return (
          <div key={lng} className={`field${error ? " field--error" : ""}`}>
            <label htmlFor={id} className="field__label">
              {languageLabel(t, lng)}
            </label>
            <ErrorText error={error} />
            <input id={id} name={`${name}.${lng}`} lang={lng} className="input" defaultValue={textIn(value, lng)} aria-invalid={error ? true : undefined} />
          </div>
        );
      })}
    </fieldset>
  );
}

function OptionsEditor({ property, list, languages, errors }: { property: Property; list: OptionDraft[]; languages: string[]; errors: Map<string, string> }) {
  const { t } = useTranslation();
  const key = property.key;
  return (
    <section aria-labelledby={inputId(`opt.${key}-title`)} className="options-editor">
      <h2 id={inputId(`opt.${key}-title`)}>{propertyLabel(t, key)}</h2>
      <p className="field__hint">{t("admin.questions.options.hint")}</p>
      {list.map((o, i) => {
        const valueId = inputId(`opt.${key}.${i}.value`);
        const error = errors.get(valueId);
        return (
          <fieldset key={i} className="fieldset box">
            <legend className="field__label">{t("admin.questions.options.legend", { n: i + 1 })}</legend>
            <div className={`field${error ? " field--error" : ""}`}>
              <label htmlFor={valueId} className="field__label">
                {t("admin.questions.options.value")}
              </label>
              <p className="field__hint" id={`${valueId}-hint`}>
                {t("admin.questions.options.valueHint")}
              </p>
              <ErrorText error={error} />
              <input
                id={valueId}
                name={`opt.${key}.${i}.value`}
                className="input"
                defaultValue={o.value}
                aria-describedby={`${valueId}-hint`}
                aria-invalid={error ? true : undefined}
              />
            </div>
            <Localized name={`opt.${key}.${i}.label`} label={t("admin.questions.options.label")} value={o.label} languages={languages} errors={errors} />
            <Localized name={`opt.${key}.${i}.hint`} label={t("admin.questions.options.optionHint")} value={o.hint} languages={languages} errors={errors} />
            <div className="actions">
              {i > 0 ? (
                <button type="submit" name="_action" value={`opt:up:${key}:${i}`} className="button button--secondary button--small">
                  {t("admin.questions.options.up", { n: i + 1 })}
                </button>
              ) : null}
              {i < list.length - 1 ? (
                <button type="submit" name="_action" value={`opt:down:${key}:${i}`} className="button button--secondary button--small">
                  {t("admin.questions.options.down", { n: i + 1 })}
                </button>
              ) : null}
              <button type="submit" name="_action" value={`opt:remove:${key}:${i}`} className="button button--secondary button--small">
                {t("admin.questions.options.remove", { n: i + 1 })}
              </button>
            </div>
          </fieldset>
        );
      })}
      <button type="submit" name="_action" value={`opt:add:${key}:0`} className="button button--secondary">
        {t("admin.questions.options.add")}
      </button>
    </section>
  );
}

function PrefillEditor({ page, errors }: { page: QuestionPage; errors: Map<string, string> }) {
  const { t } = useTranslation();
  const binding = (page.question.prefill ?? {}) as { path?: string; mode?: string; map?: Record<string, string>; filter?: Condition };
  const offer = page.prefill.paths.find((p) => p.path === binding.path);
  const pathId = inputId("p.prefill.path");
  const error = errors.get(pathId);
  const itemQuestions: ConditionQuestion[] = (offer?.itemKeys ?? []).map((k) => ({
    name: k,
    label: t(`admin.questions.prefill.itemKey.${k}`, { defaultValue: k }),
  }));
  return (
    <section aria-labelledby="prefill-title" className="prefill-editor">
      <h2 id="prefill-title">{t("admin.questions.prefill.title")}</h2>
      <p>{t("admin.questions.prefill.intro")}</p>
      <div className={`field${error ? " field--error" : ""}`}>
        <label htmlFor={pathId} className="field__label">
          {t("admin.questions.prefill.path")}
        </label>
        <ErrorText error={error} />
        <select id={pathId} name="p.prefill.path" className="input select" defaultValue={binding.path ?? ""}>
          <option value="">{t("admin.questions.prefill.none")}</option>
          {binding.path && !offer ? <option value={binding.path}>{binding.path}</option> : null}
          {page.prefill.paths.map((p) => (
            <option key={p.path} value={p.path}>
              {t(`admin.questions.prefill.paths.${p.path.replace(/\./g, "_")}`, { defaultValue: p.path })}
              {p.itemKeys ? ` ${t("admin.questions.prefill.list")}` : ""}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="fieldset">
        <legend className="field__label">{t("admin.questions.prefill.mode")}</legend>
        <div className="choices">
          {(["confirm", "fixed"] as const).map((mode) => (
            <div className="choice" key={mode}>
              <input
                type="radio"
                className="choice__input"
                id={inputId(`p.prefill.mode.${mode}`)}
                name="p.prefill.mode"
                value={mode}
                defaultChecked={(binding.mode ?? "confirm") === mode}
                aria-describedby={inputId(`p.prefill.mode.${mode}-hint`)}
              />
              <label htmlFor={inputId(`p.prefill.mode.${mode}`)} className="choice__label">
                {t(`admin.questions.prefill.modes.${mode}`)}
              </label>
              <p id={inputId(`p.prefill.mode.${mode}-hint`)} className="field__hint choice__hint">
                {t(`admin.questions.prefill.modes.${mode}Hint`)}
              </p>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" name="_action" value="refresh" className="button button--secondary button--small">
          {t("admin.questions.prefill.showKeys")}
        </button>
      </div>
      {offer?.itemKeys && page.children ? (
        <fieldset className="fieldset">
          <legend className="field__label">{t("admin.questions.prefill.map")}</legend>
          {page.children.map((c) => {
            const id = inputId(`p.prefill.map.${c.name}`);
            return (
              <div className="field" key={c.name}>
                <input type="hidden" name="p.prefill.mapKeys" value={c.name} />
                <label htmlFor={id} className="field__label">
                  {c.label}
                </label>
                <select id={id} name={`p.prefill.map.${c.name}`} className="input select" defaultValue={binding.map?.[c.name] ?? ""}>
                  <option value="">{t("admin.questions.prefill.notMapped")}</option>
                  {itemQuestions.map((k) => (
                    <option key={k.name} value={k.name}>
                      {k.label}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
        </fieldset>
      ) : null}
      {offer?.itemKeys ? (
        <ConditionEditor
          prefix="p.prefill.filter"
          condition={binding.filter}
          questions={itemQuestions}
          title={t("admin.questions.prefill.filter")}
          none={t("admin.questions.prefill.noFilter")}
        />
      ) : null}
    </section>
  );
}

function PropertyEditor({ page, property, errors }: { page: QuestionPage; property: Property; errors: Map<string, string> }) {
  const { t } = useTranslation();
  const value = page.question[property.key];
  const name = `p.${property.key}`;
  const id = inputId(name);
  const error = errors.get(id);
  const label = propertyLabel(t, property.key);
  const hint = t(`admin.questions.propertyHint.${property.key}`, { defaultValue: "" });
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const wrap = (control: JSX.Element) => (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{t("field.errorPrefix")}</span>
          {error}
        </p>
      ) : null}
      {control}
    </div>
  );
  switch (property.kind) {
    case "name": {
      const nameId = inputId("name");
      const nameError = errors.get(nameId);
      return (
        <div className={`field${nameError ? " field--error" : ""}`}>
          <label htmlFor={nameId} className="field__label">
            {t("admin.questions.property.name")}
          </label>
          <p className="field__hint" id={`${nameId}-hint`}>
            {t(page.nameEditable ? "admin.questions.name.editable" : "admin.questions.name.locked")}
          </p>
          <ErrorText error={nameError} />
          {page.nameEditable ? (
            <input
              id={nameId}
              name="name"
              className="input"
              defaultValue={String(page.question.name ?? "")}
              aria-describedby={`${nameId}-hint`}
              spellCheck={false}
            />
          ) : (
            <input id={nameId} className="input" value={String(page.question.name ?? "")} readOnly aria-describedby={`${nameId}-hint`} />
          )}
        </div>
      );
    }
    case "text":
      return wrap(
        <input
          id={id}
          name={name}
          className="input"
          defaultValue={value === undefined ? "" : String(value)}
          aria-describedby={described}
          aria-invalid={error ? true : undefined}
        />,
      );
    case "number":
      return wrap(
        <input
          id={id}
          name={name}
          className="input input--short"
          inputMode="numeric"
          defaultValue={value === undefined ? "" : String(value)}
          placeholder={property.default === undefined ? undefined : String(property.default)}
          aria-describedby={described}
          aria-invalid={error ? true : undefined}
        />,
      );
    case "enum":
      return wrap(
        <select id={id} name={name} className="input select" defaultValue={value === undefined ? "" : String(value)} aria-describedby={described}>
          {property.required ? null : <option value="">{t("admin.questions.unset")}</option>}
          {property.enum!.map((v) => (
            <option key={v} value={v}>
              {t(`admin.questions.enum.${property.key}.${v}`, { defaultValue: v })}
            </option>
          ))}
        </select>,
      );
    case "boolean":
      return (
        <div className="choice">
          <input
            type="checkbox"
            className="choice__input"
            id={id}
            name={name}
            value="yes"
            defaultChecked={Boolean(value ?? property.default)}
            aria-describedby={hint ? `${id}-hint` : undefined}
          />
          <label htmlFor={id} className="choice__label">
            {label}
          </label>
          {hint ? (
            <p className="field__hint choice__hint" id={`${id}-hint`}>
              {hint}
            </p>
          ) : null}
        </div>
      );
    case "localized":
      return <Localized name={name} label={label} value={value} languages={page.languages} errors={errors} />;
    case "options":
      return <OptionsEditor property={property} list={Array.isArray(value) ? (value as OptionDraft[]) : []} languages={page.languages} errors={errors} />;
    case "condition":
      return page.conditionsWithoutMenus.includes(property.key) ? (
        <JsonOnly page={page} property={property} />
      ) : (
        <ConditionEditor
          prefix={name}
          condition={value as Condition | undefined}
          questions={page.conditionQuestions}
          title={label}
          none={t(`admin.questions.condition.none.${property.key}`, { defaultValue: t("admin.questions.condition.none.default") })}
        />
      );
    case "prefill":
      return <PrefillEditor page={page} errors={errors} />;
    case "fields":
      return <ChildQuestions page={page} label={label} />;
    default:
      return <JsonOnly page={page} property={property} />;
  }
}

function JsonOnly({ page, property }: { page: QuestionPage; property: Property }) {
  const { t } = useTranslation();
  const value = page.question[property.key];
  const id = inputId(`json.${property.key}`);
  return (
    <section aria-labelledby={id} className="json-only">
      <h2 id={id}>{propertyLabel(t, property.key)}</h2>
      <p>
        {t("admin.questions.json.intro")} <Link to={`/admin/forms/${page.formId}/json`}>{t("admin.questions.json.link")}</Link>
      </p>
      <pre className="json">{value === undefined ? t("admin.questions.json.unset") : JSON.stringify(value, null, 2)}</pre>
    </section>
  );
}

function ChildQuestions({ page, label }: { page: QuestionPage; label: string }) {
  const { t } = useTranslation();
  const base = `/admin/forms/${page.formId}/edit/steps/${page.stepId}/questions/${String(page.question.name)}/fields`;
  return (
    <section aria-labelledby="children-title">
      <h2 id="children-title">{label}</h2>
      <ul className="list">
        {(page.children ?? []).map((c) => (
          <li key={c.name}>
            <Link to={`${base}/${encodeURIComponent(c.name)}`}>{c.label}</Link>{" "}
            <span className="muted">{t(`admin.questions.types.${c.type}`, { defaultValue: c.type })}</span>{" "}
            <button type="submit" name="_action" value={`child:remove:${c.name}`} className="button button--secondary button--small">
              {t("admin.questions.children.remove", { label: c.label })}
            </button>
          </li>
        ))}
      </ul>
      <div className="field">
        <label htmlFor="child-type" className="field__label">
          {t("admin.questions.children.type")}
        </label>
        <select id="child-type" name="child.type" className="input select">
          {(page.childTypes ?? []).map((type) => (
            <option key={type} value={type}>
              {t(`admin.questions.types.${type}`, { defaultValue: type })}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" name="_action" value="child:add" className="button button--secondary">
        {t("admin.questions.children.add")}
      </button>
    </section>
  );
}

export function QuestionEditor({ page, errors, saved }: { page: QuestionPage; errors: SummaryError[]; saved: boolean }) {
  const { t, i18n } = useTranslation();
  const byInput = new Map(errors.map((e) => [e.target, e.message]));
  const label = textIn(page.question.label, i18n.language) || textIn(page.question.label, "ja") || String(page.question.name ?? "");
  const stepPath = `/admin/forms/${page.formId}/edit/steps/${page.stepId}`;
  const backTo = page.parent ? `${stepPath}/questions/${page.parent.name}` : stepPath;
  return (
    <>
      <p className="back-link">
        <Link to={backTo}>
          {page.parent ? t("admin.questions.backToGroup", { label: page.parent.label }) : t("admin.questions.backToStep", { title: page.stepTitle })}
        </Link>
      </p>
      <ErrorSummary errors={errors} />
      {saved && errors.length === 0 ? (
        <p className="notice" role="status">
          {t("admin.questions.saved")}
        </p>
      ) : null}
      <p className="caption">
        {page.stepTitle}
        {page.parent ? ` › ${page.parent.label}` : ""}
      </p>
      <h1>{t("admin.questions.title", { label })}</h1>
      <p>{t("admin.questions.type", { type: t(`admin.questions.types.${page.question.type}`, { defaultValue: page.question.type }) })}</p>
      {page.findings.length ? (
        <div className="warning" role="region" aria-labelledby="findings-title">
          <h2 id="findings-title">{t("admin.questions.findings")}</h2>
          <ul>
            {page.findings.map((f, i) => (
              <li key={i}>
                {t(`admin.questions.severity.${f.severity}`)}:{" "}
                {t(f.message.key, { ...f.message.params, defaultValue: f.message.params?.problem ?? f.message.key })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="post" id="question-form" noValidate>
        <input type="hidden" name="updatedAt" value={page.updatedAt} />
        {/* The form's first submit button is what Enter in a text input presses: saving, not an option's button. */}
        <div className="actions">
          <button type="submit" name="_action" value="save" className="button">
            {t("admin.questions.saveFirst")}
          </button>
        </div>
        {page.typeKnown ? null : <p className="warning">{t("admin.questions.unknownType")}</p>}
        {page.properties.map((p) => (
          <PropertyEditor key={p.key} page={page} property={p} errors={byInput} />
        ))}
        <div className="actions">
          <button type="submit" name="_action" value="save" className="button">
            {t("admin.questions.save")}
          </button>
        </div>
      </Form>
    </>
  );
}
