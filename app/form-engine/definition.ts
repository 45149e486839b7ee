/**
 * The meta-schema of a procedure definition (forms/*.json): the single source of truth for the format.
 * forms/definition.schema.json is generated from it (npm run forms:schema) so editors validate and complete files.
 */
import { z } from "zod";
import { referencedFields, type Condition } from "./conditions";
import { condition } from "./conditions-schema";
import type { BaseField } from "./field-type";
import { localizedText } from "./localized-schema";
import { type LocalizedText } from "./localized";
import { fieldTypes, getFieldType } from "./field-types";
import { isSharedFact, proposalRule, SHARED_ANSWERS, SHARED_LIST, sharedFact, unknownFacts } from "./life-events";

export const fieldDefinition = z.discriminatedUnion("type", fieldTypes.map((ft) => ft.definition) as unknown as [z.ZodObject, ...z.ZodObject[]]);

export type FieldDef = BaseField & { type: string; fields?: FieldDef[] } & Record<string, unknown>;

const stepDefinition = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, "a step id is lower-case letters, digits and -"),
    title: localizedText,
    description: localizedText.optional(),
    showIf: condition.optional(),
    fields: z.array(fieldDefinition).min(1),
  })
  .strict();

const definitionObject = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, "a form id is lower-case letters, digits and -"),
    /** The author's label for this edition (the store numbers revisions itself). */
    version: z.string().min(1),
    /**
     * The languages every text of the form is written in ("ja" first, and always). Without it, the languages of
     * `title`. Lint reports a text missing in one of them; a resident in another language sees the Japanese.
     */
    languages: z
      .array(z.string().regex(/^[a-z]{2,3}$/, "a language is a code like ja or en"))
      .min(1)
      .refine((l) => l[0] === "ja", "ja comes first: it is the language every text has")
      .refine((l) => new Set(l).size === l.length, "a language is listed once")
      .optional(),
    title: localizedText,
    description: localizedText,
    /** The start page: what to have ready, how long it takes, and anything else to know first. */
    guidance: z
      .object({
        whatYouNeed: z.array(localizedText).default([]),
        duration: localizedText,
        notes: z.array(localizedText).default([]),
      })
      .strict(),
    /** The answer naming the applicant in the staff queue: a personName field, or one in a group ("persons.0.name"). */
    applicantName: z.string().optional(),
    /**
     * The person the case is about, when not the applicant: a 保育所 case names the child ("children.0.name"). The
     * queue shows this name; without it, the applicant's.
     */
    subjectName: z.string().optional(),
    /**
     * 保存年限: the years a submission's answers and files are kept after it was made (the city's 文書管理規程). Then the
     * retention job anonymises it: 受付番号, status and dates stay, what the resident wrote goes. Unset: kept.
     */
    retentionYears: z.number().int().min(1).max(100).optional(),
    /** 標準処理期間: the days the city takes to decide; the queue shows each case's 期限 from it. */
    processingDays: z.number().int().min(1).max(365).default(14),
    /** The applicant's birth date, with the name telling one person's second open application ("persons.0.birthDate"). */
    applicantBirthDate: z.string().optional(),
    /** The answer that is the applicant's e-mail address for notices (受付, 補正依頼, 完了/却下), e.g. "email". */
    contactEmail: z.string().optional(),
    /** Whether a resident must sign in to use the procedure (e.g. to prefill from 住民記録). */
    signInRequired: z.boolean().default(false),
    steps: z.array(stepDefinition).min(1),
    /**
     * When the counter proposes this procedure to a visit (書かない窓口): the first rule that holds gives the reason
     * shown to the clerk (「3歳のお子さんがいるため」). Without rules the procedure is never proposed, only chosen.
     */
    proposeWhen: z.array(proposalRule).optional(),
    /**
     * Answers shared within a counter visit: shared name → this form's answer. An answer given in an earlier procedure
     * of the visit under the same shared name fills this one (転入届's new address → 児童手当's address). A `{ value }`
     * is a fact the procedure makes true by being done (国保 加入 → the insurance is 国保), given, never received.
     */
    shares: z.partialRecord(z.enum(SHARED_ANSWERS), z.union([z.string().min(1), z.array(z.string().min(1)).min(1), sharedFact])).optional(),
    /** The statement agreed to on the check page before submitting. */
    declaration: localizedText,
    /**
     * What happens after submitting, shown on the confirmation page. An item may apply only when a condition holds
     * (「就労証明書は後日提出してください」 only when none was uploaded), and may name a top-level answer as {{name}}
     * (「手数料 {{fee}} 分の定額小為替」), which is shown formatted.
     */
    afterSubmit: z.array(z.union([localizedText, z.object({ text: localizedText, showIf: condition.optional() }).strict()])).min(1),
    pdf: z
      .object({
        /** The printed form's title (often the legal name, e.g. 住民異動届). */
        title: localizedText.optional(),
        /**
         * The clerk's boxes at the top right of the paper form (受付, 入力, 審査 …). A box with choices is a row of its
         * own under them, each choice a tick box (本人確認書類: □運転免許証 □マイナンバーカード …); an empty list of
         * choices is a box to write in (手数料, 届出人署名).
         */
        staffBoxes: z
          .array(z.union([z.string(), z.object({ label: z.string().min(1), choices: z.array(z.string().min(1)).default([]) }).strict()]))
          .default(["受付", "入力", "審査"]),
      })
      .strict()
      .default({ staffBoxes: ["受付", "入力", "審査"] }),
  })
  .strict();

type RawDefinition = z.infer<typeof definitionObject>;

/** The languages a definition declares: its `languages`, or those its title is written in. */
export function declaredLanguages(def: { languages?: string[]; title: LocalizedText }): string[] {
  if (def.languages) return def.languages;
  return typeof def.title === "string" ? ["ja"] : ["ja", ...Object.keys(def.title).filter((l) => l !== "ja")];
}

/** An afterSubmit item as text and its condition (a plain text always applies). */
export function afterSubmitItem(item: RawDefinition["afterSubmit"][number]): { text: LocalizedText; showIf?: Condition } {
  return typeof item === "object" && !("ja" in item) ? (item as { text: LocalizedText; showIf?: Condition }) : { text: item as LocalizedText };
}
type StepDef = Omit<RawDefinition["steps"][number], "fields"> & { fields: FieldDef[] };
export type FormDefinition = Omit<RawDefinition, "steps"> & { steps: StepDef[] };

/**
 * What prefill sources offer, derived from the registered sources (the form engine knows none of them): every path,
 * the lists among them with the keys their items offer, and the sources holding the resident's own data.
 */
export type BindingCatalog = {
  paths: readonly string[];
  lists: Readonly<Record<string, readonly string[]>>;
  ownItemSources: readonly string[];
  /** Paths whose value is the city's record of a legal fact (住民記録の氏名), which a `fixed` binding may show. */
  authoritative?: readonly string[];
  /** The autocomplete token (WCAG 1.3.5) of paths holding the resident's own personal data ("profile.phone": "tel"). */
  purposes?: Readonly<Record<string, string>>;
  /** The life events a `proposeWhen` rule may name (the app's catalogue, forms/catalogues/life-events.json). */
  lifeEvents?: readonly string[];
};

/** Bindings must name what a source offers: a list fills a field made of items, and a map names keys its items have. */
function checkBindings(def: RawDefinition, catalog: BindingCatalog, ctx: z.RefinementCtx) {
  const known = catalog.lifeEvents;
  def.proposeWhen?.forEach((rule, i) =>
    rule.events?.forEach((event, e) => {
      if (known && !known.includes(event)) ctx.addIssue({ code: "custom", path: ["proposeWhen", i, "events", e], message: `no life event "${event}"` });
    }),
  );
  const steps = def.steps as unknown as StepDef[];
  steps.forEach((step, s) =>
    step.fields.forEach((field, f) => {
      const binding = field.prefill;
      if (!binding) return;
      const path = ["steps", s, "fields", f, "prefill", "path"];
      if (!catalog.paths.includes(binding.path)) {
        ctx.addIssue({ code: "custom", path, message: `no prefill source offers "${binding.path}"` });
        return;
      }
      const itemKeys = catalog.lists[binding.path];
      const hasItems = Boolean(getFieldType(field.type).items);
      if (hasItems && !itemKeys) ctx.addIssue({ code: "custom", path, message: `a group binds to a list; "${binding.path}" is not one` });
      if (!hasItems && itemKeys) ctx.addIssue({ code: "custom", path, message: `"${binding.path}" is a list: bind it to a group` });
      for (const [child, key] of Object.entries(binding.map ?? {})) {
        if (!field.fields?.some((c) => c.name === child))
          ctx.addIssue({ code: "custom", path: ["steps", s, "fields", f, "prefill", "map", child], message: `no field "${child}" in the group` });
        if (itemKeys && !itemKeys.includes(key))
          ctx.addIssue({ code: "custom", path: ["steps", s, "fields", f, "prefill", "map", child], message: `"${binding.path}" items offer no "${key}"` });
      }
    }),
  );
  // A field inside a group may bind only to the resident's own data (profile.*), filled into their own item.
  const own = catalog.ownItemSources.map((id) => `${id}.*`).join(" or ");
  steps.forEach((step, s) =>
    step.fields.forEach((field, f) =>
      field.fields?.forEach((child, c) => {
        if (!child.prefill) return;
        const path = ["steps", s, "fields", f, "fields", c, "prefill"];
        const listed = field.prefill && catalog.lists[field.prefill.path]?.includes("self");
        if (!catalog.ownItemSources.includes(child.prefill.path.split(".")[0]!) || !catalog.paths.includes(child.prefill.path)) {
          ctx.addIssue({
            code: "custom",
            path: [...path, "path"],
            message: `a field in a group binds only to ${own} (the resident's own item); "${child.prefill.path}" is not`,
          });
        }
        if (!listed)
          ctx.addIssue({
            code: "custom",
            path,
            message: `"${child.name}" is in a group that is not offered from a list of people, so there is no own item to fill`,
          });
        if (child.prefill.mode !== "confirm" || child.prefill.filter || child.prefill.map)
          ctx.addIssue({ code: "custom", path, message: "a field in a group binds in confirm mode, without filter or map" });
      }),
    ),
  );
}

/** Cross-field rules the shape alone cannot say: unique names, and conditions that point at real, earlier fields. */
function checkReferences(def: RawDefinition, ctx: z.RefinementCtx) {
  const steps = def.steps as unknown as StepDef[];
  const stepOfField = new Map<string, number>();
  const stepIds = new Set<string>();
  steps.forEach((step, s) => {
    if (stepIds.has(step.id)) ctx.addIssue({ code: "custom", path: ["steps", s, "id"], message: `duplicate step id "${step.id}"` });
    stepIds.add(step.id);
    step.fields.forEach((field, f) => {
      if (stepOfField.has(field.name)) {
        ctx.addIssue({ code: "custom", path: ["steps", s, "fields", f, "name"], message: `duplicate field name "${field.name}"` });
      }
      stepOfField.set(field.name, s);
      const childNames = new Set<string>();
      field.fields?.forEach((child, c) => {
        if (childNames.has(child.name)) {
          ctx.addIssue({
            code: "custom",
            path: ["steps", s, "fields", f, "fields", c, "name"],
            message: `duplicate field name "${child.name}" in group "${field.name}"`,
          });
        }
        childNames.add(child.name);
      });
    });
  });

  const checkCondition = (cond: Condition | undefined, path: (string | number)[], stepIndex: number, siblings?: Set<string>) => {
    if (!cond) return;
    for (const name of referencedFields(cond)) {
      if (siblings?.has(name)) continue;
      const at = stepOfField.get(name);
      if (at === undefined) ctx.addIssue({ code: "custom", path, message: `condition refers to a field that does not exist: "${name}"` });
      else if (at > stepIndex) ctx.addIssue({ code: "custom", path, message: `condition refers to "${name}", a field on a later step` });
    }
  };
  for (const key of ["applicantName", "subjectName"] as const) {
    const [top, index, child] = def[key]?.split(".") ?? [];
    if (top === undefined) continue;
    const field = steps.flatMap((st) => st.fields).find((f) => f.name === top);
    const target = child !== undefined && /^\d+$/.test(index ?? "") ? field?.fields?.find((c) => c.name === child) : index === undefined ? field : undefined;
    if (!target || !getFieldType(target.type).personName)
      ctx.addIssue({ code: "custom", path: [key], message: `"${def[key]}" is not a personName answer (a field, or group.index.field)` });
  }
  // Answers named by path must exist: a field, or a field of a group's item ("group.0.field").
  for (const key of ["applicantBirthDate", "contactEmail"] as const) {
    const [top, index, child] = def[key]?.split(".") ?? [];
    if (top === undefined) continue;
    const field = steps.flatMap((st) => st.fields).find((f) => f.name === top);
    const target = child !== undefined && /^\d+$/.test(index ?? "") ? field?.fields?.find((c) => c.name === child) : index === undefined ? field : undefined;
    if (!target || !getFieldType(target.type).hasValue)
      ctx.addIssue({ code: "custom", path: [key], message: `"${def[key]}" is not an answer (a field, or group.index.field)` });
  }
  // A shared answer is a top-level answer; the household is a group offered from a list, every other one a value.
  const shareNames = Object.entries(def.shares ?? {}).flatMap(([k, v]) => (isSharedFact(v) ? [] : [v].flat().map((n) => [k, n] as const)));
  for (const [shared, name] of shareNames) {
    const field = steps.flatMap((st) => st.fields).find((f) => f.name === name);
    const path = ["shares", shared];
    if (!field || !getFieldType(field.type).hasValue) ctx.addIssue({ code: "custom", path, message: `"${name}" is not an answer of this form` });
    else if ((shared === SHARED_LIST) !== Boolean(getFieldType(field.type).items))
      ctx.addIssue({
        code: "custom",
        path,
        message: shared === SHARED_LIST ? `"${name}" is not a group of people` : `"${name}" is a group; only ${SHARED_LIST} is one`,
      });
  }
  if (isSharedFact(def.shares?.[SHARED_LIST])) ctx.addIssue({ code: "custom", path: ["shares", SHARED_LIST], message: "the household is people, not a fact" });
  def.proposeWhen?.forEach((rule, i) => {
    for (const name of rule.when ? unknownFacts(rule.when) : [])
      ctx.addIssue({ code: "custom", path: ["proposeWhen", i, "when"], message: `a visit has no fact "${name}"` });
  });
  // A value derived from other answers reads earlier steps only, so it is known when its own step is shown.
  steps.forEach((step, s) =>
    step.fields.forEach((field, f) => {
      const rules = Array.isArray(field.rules) ? (field.rules as { when?: Condition }[]) : [];
      rules.forEach((r, i) => checkCondition(r.when, ["steps", s, "fields", f, "rules", i, "when"], s - 1));
      if (typeof field.per === "string") checkCondition({ field: field.per, op: "notEmpty" }, ["steps", s, "fields", f, "per"], s - 1);
    }),
  );
  def.afterSubmit.map(afterSubmitItem).forEach((item, i) => {
    checkCondition(item.showIf, ["afterSubmit", i, "showIf"], steps.length);
    const texts = typeof item.text === "string" ? [item.text] : Object.values(item.text);
    for (const name of texts.flatMap((text) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!)))
      if (!stepOfField.has(name)) ctx.addIssue({ code: "custom", path: ["afterSubmit", i, "text"], message: `{{${name}}} names no answer` });
  });
  steps.forEach((step, s) => {
    checkCondition(step.showIf, ["steps", s, "showIf"], s - 1);
    step.fields.forEach((field, f) => {
      checkCondition(field.showIf, ["steps", s, "fields", f, "showIf"], s);
      checkCondition(field.requiredIf, ["steps", s, "fields", f, "requiredIf"], s);
      const siblings = new Set(field.fields?.map((c) => c.name));
      field.fields?.forEach((child, c) => {
        checkCondition(child.showIf, ["steps", s, "fields", f, "fields", c, "showIf"], s, siblings);
        checkCondition(child.requiredIf, ["steps", s, "fields", f, "fields", c, "requiredIf"], s, siblings);
      });
    });
  });
}

/**
 * The meta-schema. With a catalog (the app passes the one derived from its prefill sources) bindings are checked
 * against what the sources offer; without one, only their shape is.
 */
export function definitionSchema(catalog?: BindingCatalog) {
  return definitionObject.superRefine((def, ctx) => {
    checkReferences(def, ctx);
    if (catalog) checkBindings(def, catalog, ctx);
  });
}

const withoutCatalog = definitionSchema();
const schemaCache = new WeakMap<BindingCatalog, ReturnType<typeof definitionSchema>>();

export type DefinitionResult = { ok: true; definition: FormDefinition } | { ok: false; problems: string[] };

/** One thing wrong in a definition: where (the JSON path in the file) and what, in the meta-schema's words. */
export type DefinitionProblem = { path: (string | number)[]; message: string };

export type DefinitionCheck = { ok: true; definition: FormDefinition } | { ok: false; problems: DefinitionProblem[] };

const missing = (i: z.core.$ZodIssue) => i.code === "invalid_type" && i.message.endsWith("received undefined");

/**
 * zod's issues as problems a person can find in the file: an unknown key is named at its own path; of a union's
 * alternatives (a text is a string or { ja, … }) the one that got furthest says what is wrong.
 */
function toProblems(issue: z.core.$ZodIssue, base: PropertyKey[] = []): DefinitionProblem[] {
  const path = [...base, ...issue.path].filter((p): p is string | number => typeof p !== "symbol");
  if (issue.code === "unrecognized_keys") return issue.keys.map((key) => ({ path: [...path, key], message: `unknown key "${key}"` }));
  if (issue.code === "invalid_union" && issue.errors.length > 0) {
    const branches = issue.errors.filter((b) => b.length > 0);
    if (branches.every((b) => b.every(missing))) return [{ path, message: "required" }];
    // The deeper an alternative got, the closer it is to what was meant; a wrong value beats a missing one.
    const depth = (b: z.core.$ZodIssue[]) => Math.max(...b.map((i) => i.path.length + (missing(i) ? 0 : 0.5)));
    const best = branches.reduce((a, b) => (depth(b) > depth(a) ? b : a));
    return best.flatMap((i) => toProblems(i, path));
  }
  if (missing(issue)) return [{ path, message: "required" }];
  return [{ path, message: issue.message }];
}

/** Checks a definition against the meta-schema, with every problem at its path in the file. */
export function checkDefinition(input: unknown, catalog?: BindingCatalog): DefinitionCheck {
  let schema = withoutCatalog;
  if (catalog) {
    schema = schemaCache.get(catalog) ?? definitionSchema(catalog);
    schemaCache.set(catalog, schema);
  }
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, definition: result.data as unknown as FormDefinition };
  return { ok: false, problems: result.error.issues.flatMap((i) => toProblems(i)) };
}

/** Parses a definition; problems name the path of what is wrong ("steps.2.fields.0.showIf: …"). */
export function parseDefinition(input: unknown, catalog?: BindingCatalog): DefinitionResult {
  const checked = checkDefinition(input, catalog);
  if (checked.ok) return checked;
  return { ok: false, problems: checked.problems.map((p) => `${p.path.join(".")}: ${p.message}`) };
}
