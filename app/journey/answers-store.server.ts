/**
 * Where a journey keeps its answers: a resident's draft, or an administrator's preview (form_previews). The step and
 * check pages read an AnswersState and write through an AnswersStore, so a preview runs the same pages and the same
 * server validation as a resident without ever being a draft.
 */
import type { Provenance } from "../../db/schema";
import type { FieldDef } from "../form-engine/definition";
import type { Answers } from "../form-engine/engine";
import type { StoredForm } from "../procedures/store.server";
import type { Prefilled } from "../prefill/provenance";
import { receiveUploads, type ReceivedForm } from "../submissions/attachments.server";
import { saveStep, saveWorkingValues, type Draft } from "../submissions/drafts.server";

/** What the pages read: the answers so far, the steps done, what the city knew and where each answer came from. */
export type AnswersState = { answers: Answers; completedSteps: string[]; prefill: Prefilled; provenance: Record<string, Provenance> };

export interface AnswersStore {
  /** Checks the step's uploads and puts what was received (never what was posted in its place) into `raw`. */
  receiveUploads(fields: FieldDef[], received: ReceivedForm, raw: Record<string, unknown>): Promise<void>;
  /** Unvalidated input of a field being edited ("add another"); the step is not done until saved again. */
  saveWorkingValues(stepId: string, values: Answers): void;
  /** A validated step: answers pruned by the definition, the step done, provenance noted. */
  saveStep(stepId: string, values: Answers): AnswersState;
}

/** The definition being filled in: a published version, or (a preview) a working copy that has no version yet. */
export type JourneyForm = Pick<StoredForm, "formId" | "definition">;

/** A draft's store. It follows its own saves, so a page saving several steps at once (the counter's) keeps each. */
export const draftStore = (draft: Draft, form: StoredForm): AnswersStore => {
  let current = draft;
  return {
    receiveUploads: (fields, received, raw) => receiveUploads(current, fields, received, raw),
    saveWorkingValues: (stepId, values) => void (current = saveWorkingValues(current, stepId, values)),
    saveStep: (stepId, values) => (current = saveStep(current, form, stepId, values)),
  };
};
