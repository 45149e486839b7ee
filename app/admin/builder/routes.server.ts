/**
 * What the builder's routes do, so that they stay thin: who may ask (administrators only), the working copy as a page,
 * and a posted command → redirect back with a notice and the element to focus (PRG), or the page again with what is
 * wrong (409 when another administrator saved in between: the page then shows the current state).
 */
import { requireAdmin } from "../../auth/guards.server";
import { getLocaleT } from "../../i18n/i18next.server";
import { pageTitle } from "../../i18n/title";
import { applyCommand, openWorkingCopy, overviewPage, stepPage, translator } from "./builder.server";
import { parseCommand, type BuilderCommand } from "./commands";
import { afterSubmitPrefix, STEP_CONDITION } from "./condition-edits";
import { applyConditionCommand } from "./questions/condition-editor";
import { formLanguages, type Settings } from "./definition-edits";
import type { Condition } from "../../form-engine/conditions";
import { readFormBody } from "../../security/form-body.server";

type Where = { page: "overview" } | { page: "step"; stepId: string };

const notFound = () => new Response("Not Found", { status: 404 });

async function load(request: Request, formId: string, where: Where, error = false) {
  const principal = await requireAdmin(request);
  const { t, lng } = await getLocaleT(request);
  const working = openWorkingCopy(formId, { staffId: principal.staff.id });
  if (!working) throw notFound();
  if (where.page === "overview") {
    const view = overviewPage(formId, working, lng, t);
    return {
      principal,
      t,
      lng,
      working,
      view: { page: "overview" as const, title: pageTitle(t, t("admin.builder.overview.pageTitle", { form: view.formTitle }), { error }), ...view },
    };
  }
  const view = stepPage(formId, where.stepId, working, lng, t);
  if (!view) throw notFound();
  return {
    principal,
    t,
    lng,
    working,
    view: {
      page: "step" as const,
      title: pageTitle(t, t("admin.builder.step.pageTitle", { step: view.step.title, form: view.formTitle }), { error }),
      ...view,
    },
  };
}

export async function builderView(
  request: Request,
  formId: string,
  where: { page: "overview" },
): Promise<Awaited<ReturnType<typeof load>>["view"] & { page: "overview" }>;
export async function builderView(
  request: Request,
  formId: string,
  where: { page: "step"; stepId: string },
): Promise<Awaited<ReturnType<typeof load>>["view"] & { page: "step" }>;
export async function builderView(request: Request, formId: string, where: Where) {
  return (await load(request, formId, where)).view;
}

export type ActionOutcome =
  | { redirect: string }
  | { status: number; body: { view: Awaited<ReturnType<typeof load>>["view"]; errors: { target?: string; message: string }[]; title: string } }
  | { status: number; body: { ok: true; done: string; focus?: string } | { ok: false; errors: { target?: string; message: string }[] } };

export async function builderAction(request: Request, formId: string, where: Where): Promise<ActionOutcome> {
  const { principal, t, lng, working } = await load(request, formId, where);
  const form = await readFormBody(request);
  const viaFetcher = form.get("_fetch") === "1";
  const command = parseCommand(form, formLanguages(working.definition), where.page);
  const expectedUpdatedAt = Number(form.get("expectedUpdatedAt"));
  const fail = async (status: number, errors: { target?: string; message: string }[]) => {
    if (viaFetcher) return { status, body: { ok: false as const, errors } };
    const { view } = await load(request, formId, where, true);
    // A refused settings form comes back as it was typed (a stale one shows what is stored now).
    if (status === 400 && command?.intent === "settings" && view.page === "overview") view.settings = keepTyped(command.settings, view.settings);
    if (status === 400 && command?.intent === "stepCondition" && view.page === "step") view.step.showIf = command.condition;
    return { status, body: { view, errors, title: view.title } };
  };
  if (!command || !Number.isFinite(expectedUpdatedAt)) return fail(400, [{ message: t("admin.builder.refusal.badRequest") }]);
  if ("button" in command && command.button.verb !== "save") {
    // A condition editor's button: the page again as edited, nothing saved (the save button stores it).
    const { view } = await load(request, formId, where);
    showEdited(view, command);
    return { status: 200, body: { view, errors: [], title: view.title } };
  }
  const outcome = applyCommand(
    formId,
    { staffId: principal.staff.id },
    { expectedUpdatedAt, command, stepId: where.page === "step" ? where.stepId : undefined },
    await translator(),
    lng,
    t,
  );
  if (!outcome.ok) return outcome.stale ? fail(409, [{ message: t("admin.builder.refusal.stale") }]) : fail(400, outcome.problems);
  if (viaFetcher) return { status: 200, body: { ok: true, done: outcome.done, focus: outcome.focus } };
  const path = new URL(request.url).pathname;
  const query = new URLSearchParams({ done: outcome.done, ...(outcome.focus ? { focus: outcome.focus } : {}) });
  return { redirect: `${path}?${query}${outcome.focus ? `#${outcome.focus}` : ""}` };
}

type View = Awaited<ReturnType<typeof load>>["view"];

/** The page as a condition editor's button left it: the posted conditions (and texts) with the button applied. */
function showEdited(view: View, command: BuilderCommand) {
  if (!("button" in command)) return;
  const { button } = command;
  const apply = (condition: Condition | undefined, prefix: string) =>
    button.verb === "cond" ? applyConditionCommand(condition, prefix, button.what, button.path) : condition;
  if (command.intent === "stepCondition" && view.page === "step") view.step.showIf = apply(command.condition, STEP_CONDITION);
  if (command.intent === "settings" && view.page === "overview") {
    const typed = keepTyped(command.settings, view.settings);
    typed.afterSubmit = typed.afterSubmit.map((item, i) =>
      command.settings.afterSubmitShowIf?.[i] === undefined ? item : { ...item, showIf: apply(item.showIf, afterSubmitPrefix(i)) },
    );
    view.settings = typed;
  }
}

type SettingsView = ReturnType<typeof overviewPage>["settings"];
const trimBlank = (items: Record<string, string>[]) => {
  const out = [...items];
  while (out.length && Object.values(out[out.length - 1]!).every((v) => v.trim() === "")) out.pop();
  return out;
};
function keepTyped(typed: Settings, stored: SettingsView): SettingsView {
  return {
    ...typed,
    whatYouNeed: trimBlank(typed.whatYouNeed),
    notes: trimBlank(typed.notes),
    afterSubmit: trimBlank(typed.afterSubmit).map((texts, i) => {
      const posted = typed.afterSubmitShowIf?.[i];
      const kept = stored.afterSubmit[i];
      // A refused form shows each condition as posted; one the menus cannot show stays as stored.
      return posted === undefined
        ? { texts, condition: kept?.condition, showIf: kept?.showIf, menus: kept?.menus ?? true }
        : { texts, condition: undefined, showIf: posted ?? undefined, menus: true };
    }),
  };
}
