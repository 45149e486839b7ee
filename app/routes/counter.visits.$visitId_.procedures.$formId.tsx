import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireStaff } from "../auth/guards.server";
import { openVisitProcedure } from "../counter/visit-work.server";
import { getLocaleT } from "../i18n/i18next.server";
import { postSections, showSections, type SectionsPage } from "../journey/sections.server";
import { answersChanged } from "../counter/visit-submit.server";
import { readStepForm } from "../submissions/attachments.server";
import { CounterVisitNav } from "../ui/counter-visit-nav";
import { ProcedureSections } from "../ui/procedure-sections";

const notFound = () => new Response("Not Found", { status: 404 });

async function context(request: Request, params: LoaderFunctionArgs["params"]) {
  const principal = await requireStaff(request);
  const locale = await getLocaleT(request);
  const clerk = { role: principal.role, id: principal.staff.id };
  const work = openVisitProcedure(clerk, params.visitId!, params.formId!, locale.lng);
  if (!work) throw notFound();
  return { work, locale, clerk };
}

const shape = (work: NonNullable<ReturnType<typeof openVisitProcedure>>, page: SectionsPage & { fix?: string | null }) => ({
  ...page,
  fix: page.fix ?? null,
  visitId: work.visit.id,
  progress: work.progress,
  next: work.next,
  confirmed: Boolean(work.visit.confirmedAt),
  submitted: Boolean(work.visit.submittedAt),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { work, locale } = await context(request, params);
  return shape(work, showSections(work.ctx, locale, new URL(request.url).searchParams.get("fix") ?? undefined));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { work, locale, clerk } = await context(request, params);
  const received = await readStepForm(request);
  if (work.visit.submittedAt) throw redirect(`/counter/visits/${work.visit.id}/confirm`);
  const outcome = await postSections(work.ctx, received, locale);
  answersChanged(work.visit.id);
  if ("saved" in outcome) {
    const base = `/counter/visits/${work.visit.id}`;
    // A correction the resident asked for goes straight back to their confirmation.
    const corrected = work.visit.correction?.formId === params.formId;
    throw redirect(work.next && !corrected ? `${base}/procedures/${work.next}` : `${base}/confirm`);
  }
  // The list beside the form counts what is missing after this save.
  const after = openVisitProcedure(clerk, work.visit.id, params.formId!, locale.lng);
  return data(shape(after ?? work, outcome.page), { status: outcome.status });
}

export default function CounterProcedure() {
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const page = acted ?? loaded;
  const { t } = useTranslation();
  return (
    <div className="counter-work">
      <CounterVisitNav visitId={page.visitId} progress={page.progress} confirmed={page.confirmed} submitted={page.submitted} />
      <div className="counter-work__main counter-work__main--wide">
        <p>
          <Link to={`/counter/visits/${page.visitId}`}>{t("counter.work.backToVisit")}</Link>
        </p>
        {page.fix ? (
          <div className="notice" role="status">
            <p>{t("counter.work.fixNotice", { label: page.fix })}</p>
          </div>
        ) : null}
        <ProcedureSections
          key={page.formId}
          page={page}
          serverResult={acted}
          submitLabel={t(page.next ? "counter.work.saveNext" : "counter.work.saveConfirm")}
        />
      </div>
    </div>
  );
}
