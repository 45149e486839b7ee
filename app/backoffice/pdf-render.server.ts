/**
 * PDFs are drawn off the request thread (issue 13 point 2): a batch of 1,000 submissions takes seconds of CPU, and
 * while it ran no other request was answered. The server (app/server.ts) starts a piscina pool of worker threads on its
 * own bundle; each worker renders with a memory limit and each job with a time limit, so a heavy print delays only the
 * prints queued behind it. Without the pool (tests, scripts) the PDF is drawn in the calling thread.
 */
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import { getFixedT } from "../i18n/i18next.server";
import { renderSubmissionsPdf, type PdfSubmission } from "./pdf.server";

export type PdfJob = { list: PdfSubmission[]; lng: string };

/** A job is stopped after this long (and its worker with it): the clerk gets an error page, the server goes on. */
const JOB_TIME_LIMIT_MS = 120_000;

let pool: Piscina | undefined;

/**
 * Starts the workers. `bundle`: the server build's own file, which exports renderPdfJob. One thread on a small machine
 * leaves a core to the requests; the old generation is capped so a hostile file cannot take the machine's memory.
 */
export function startPdfWorkers(bundle: string) {
  pool = new Piscina({
    filename: bundle,
    name: "renderPdfJob",
    minThreads: 0,
    maxThreads: Math.max(1, Math.min(4, availableParallelism() - 1)),
    idleTimeout: 60_000,
    maxQueue: 50,
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
  });
}

export async function stopPdfWorkers() {
  await pool?.destroy();
  pool = undefined;
}

/** The worker's side: one job, drawn with the language's texts. */
export async function renderPdfJob({ list, lng }: PdfJob): Promise<Uint8Array> {
  return renderSubmissionsPdf(list, getFixedT(lng));
}

/** Draws the PDF in a worker when the pool runs, in this thread otherwise. */
export async function renderPdf(list: PdfSubmission[], lng: string): Promise<Uint8Array> {
  if (!pool) return renderPdfJob({ list, lng });
  return pool.run({ list, lng } satisfies PdfJob, { signal: AbortSignal.timeout(JOB_TIME_LIMIT_MS) });
}
