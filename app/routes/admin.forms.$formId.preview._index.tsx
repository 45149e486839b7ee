import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { previewPath, previewPlacePath, procedurePath } from "../admin/preview/paths";
import { previewChoices, startPreview, type PreviewSource } from "../admin/preview/preview.server";
import { requireAdmin } from "../auth/guards.server";
import { Localized } from "../form-engine/fields/shell";
import { formatDateTime } from "../i18n/dates";
import { getLocaleT } from "../i18n/i18next.server";
import { pageTitle } from "../i18n/title";
import { ErrorSummary } from "../ui/error-summary";
import { Field, Fieldset } from "../ui/field";
import { readFormBody } from "../security/form-body.server";

async function view(request: Request, formId: string) {
  const { t } = await getLocaleT(request);
  const choices = previewChoices(formId);
  if (!choices) throw new Response("Not Found", { status: 404 });
  return { t, choices };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { t, choices } = await view(request, params.formId!);
  return { title: pageTitle(t, t("admin.preview.start.title")), formId: params.formId!, ...choices, errors: {} as Errors, findings: null as Findings };
}

type Errors = { source?: string; resident?: string };
type Findings = { path: string; message: string; line?: number }[] | null;

const choice = z.object({
  source: z.union([z.literal("working"), z.string().regex(/^version:\d{1,9}$/)]),
  resident: z.string().max(200),
  view: z.enum(["page", "frame"]).catch("page"),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const principal = await requireAdmin(request);
  const formId = params.formId!;
  const { t, choices } = await view(request, formId);
  const posted = choice.safeParse(Object.fromEntries(await readFormBody(request)));
  const fail = (errors: Errors, findings: Findings = null) =>
    data({ title: pageTitle(t, t("admin.preview.start.title"), { error: true }), formId, ...choices, errors, findings }, { status: 400 });
  if (!posted.success) return fail({ source: t("admin.preview.start.errors.source") });
  const source: PreviewSource = posted.data.source === "working" ? { kind: "working" } : { kind: "version", versionId: Number(posted.data.source.slice(8)) };
  const outcome = startPreview({ staffId: principal.staff.id }, formId, source, posted.data.resident || null);
  switch (outcome.kind) {
    case "started":
      throw redirect(posted.data.view === "frame" ? previewPath(formId, outcome.previewId) : previewPlacePath(formId, outcome.previewId, outcome.place));
    case "notFound":
      return fail({ source: t("admin.preview.start.errors.source") });
    case "unknownResident":
      return fail({ resident: t("admin.preview.start.errors.resident") });
    case "invalid":
      return fail(
        {},
        outcome.findings.map((f) => ({
          path: f.path.join("."),
          line: f.line,
          // Until every lint rule has its text, a schema problem says itself.
          message: t(f.message.key, { ...f.message.params, defaultValue: String(f.message.params?.problem ?? f.message.key) }),
        })),
      );
  }
}

export default function PreviewStart() {
  const loaderData = useLoaderData<typeof loader>();
  const page = useActionData<typeof action>() ?? loaderData;
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { errors, findings } = page;
  const residents = (kind: "registry" | "move-in") => page.residents.filter((r) => r.kind === kind);
  return (
    <>
      <p className="back-link">
        <Link to={procedurePath(page.formId)}>{t("admin.preview.backToProcedure")}</Link>
      </p>
      <ErrorSummary
        errors={[
          ...(errors.source ? [{ target: "source", message: errors.source }] : []),
          ...(errors.resident ? [{ target: "resident", message: errors.resident }] : []),
        ]}
      />
      <p className="caption">
        <Localized text={page.procedureTitle} lng={lng} />
      </p>
      <h1>{t("admin.preview.start.title")}</h1>
      <p className="lead">{t("admin.preview.start.lead")}</p>
      {findings ? (
        // Takes focus like an error summary: the preview did not start, and this says why.
        <div className="warning" role="region" aria-labelledby="findings-title" tabIndex={-1} {...{ autofocus: "" }}>
          <h2 id="findings-title">{t("admin.preview.start.invalidTitle")}</h2>
          <p>{t("admin.preview.start.invalidBody")}</p>
          <ul>
            {findings.map((f, i) => (
              <li key={i}>
                {f.path ? <code>{f.path}</code> : null}
                {f.line ? t("admin.preview.start.line", { line: f.line }) : null} {f.message}
              </li>
            ))}
          </ul>
          <p>
            <Link to={`${procedurePath(page.formId)}/json`}>{t("admin.preview.start.fix")}</Link>
          </p>
        </div>
      ) : null}
      <Form method="post" noValidate>
        <Fieldset id="source" label={t("admin.preview.start.source")} error={errors.source} required t={t}>
          <div className="choices">
            {[
              ...(page.workingCopy
                ? [
                    {
                      value: "working",
                      label: t("admin.preview.workingCopy"),
                      hint: t("admin.preview.start.savedAt", { at: formatDateTime(page.workingCopy.updatedAt, lng) }),
                    },
                  ]
                : []),
              ...page.versions.map((v) => ({
                value: `version:${v.versionId}`,
                label: t("admin.preview.revision", { n: v.revision }) + (v.live ? t("admin.preview.start.live") : ""),
                hint: t("admin.preview.start.frozenAt", { at: formatDateTime(v.frozenAt, lng) }),
              })),
            ].map((o, i) => {
              const id = i === 0 ? "source" : `source-${i}`;
              return (
                <div className="choice" key={o.value}>
                  <input
                    type="radio"
                    id={id}
                    name="source"
                    value={o.value}
                    defaultChecked={i === 0}
                    className="choice__input"
                    aria-describedby={`${id}-hint`}
                  />
                  <label htmlFor={id} className="choice__label">
                    {o.label}
                  </label>
                  <p id={`${id}-hint`} className="field__hint choice__hint">
                    {o.hint}
                  </p>
                </div>
              );
            })}
          </div>
        </Fieldset>
        <Field
          id="resident"
          label={t("admin.preview.start.resident")}
          hint={t("admin.preview.start.residentHint")}
          error={errors.resident}
          required={false}
          t={t}
        >
          <select
            className="input select"
            id="resident"
            name="resident"
            defaultValue=""
            aria-describedby={["resident-hint", errors.resident ? "resident-error" : null].filter(Boolean).join(" ")}
            aria-invalid={errors.resident ? true : undefined}
          >
            <option value="">{t("admin.preview.start.noResident")}</option>
            {(["registry", "move-in"] as const).map((kind) =>
              residents(kind).length ? (
                <optgroup key={kind} label={t(`admin.preview.start.residentGroup.${kind}`)}>
                  {residents(kind).map((r) => (
                    <option key={r.subject} value={r.subject}>
                      {t("admin.preview.start.residentOption", { name: r.name, birthDate: r.birthDate, address: r.address })}
                    </option>
                  ))}
                </optgroup>
              ) : null,
            )}
          </select>
        </Field>
        <Fieldset id="view" label={t("admin.preview.start.view")} required={false} t={t}>
          <div className="choices">
            {(["page", "frame"] as const).map((v, i) => {
              const id = i === 0 ? "view" : `view-${i}`;
              return (
                <div className="choice" key={v}>
                  <input type="radio" id={id} name="view" value={v} defaultChecked={i === 0} className="choice__input" />
                  <label htmlFor={id} className="choice__label">
                    {t(`admin.preview.start.views.${v}`)}
                  </label>
                </div>
              );
            })}
          </div>
        </Fieldset>
        <button type="submit" className="button">
          {t("admin.preview.start.submit")}
        </button>
      </Form>
    </>
  );
}
