import type { TFunction } from "i18next";
import { textLanguage } from "../i18n/text-language";
import { createContext, Fragment, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { evaluate, referencedFields, type Condition } from "./conditions";
import type { FieldDef } from "./definition";
import { fieldId, normalizeStep, type Answers } from "./step-values";
import { Localized } from "./fields/shell";
import type { LocalizedText } from "./localized";
import { readForm } from "./read-form";
import { getFieldView } from "./field-views";
import { withRuby } from "../i18n/ruby";

/** `label` and `note`: the binding's own words, shown instead of the source's (a planned date to check, not the legal one). */
export type PrefillMark = { sourceKey: string; noteKey: string; mode: "confirm" | "fixed"; label?: LocalizedText; note?: LocalizedText };
export type StepView = {
  fields: FieldDef[];
  values: Answers;
  errors: Record<string, string>;
  answers?: Answers;
  prefill?: Record<string, PrefillMark>;
  ownItems?: Record<string, number[]>;
  focus?: string;
  /**
   * Fields asked one item per page: per field, the items that need answers (shown in the list); `only`: this page is
   * one item's own page.
   */
  itemPages?: { attention: Record<string, number[]>; only?: { field: string; index: number } };
};

/** A value as the city holds it; Japanese in a page of another language is marked so (an address in an English page). */
function FixedText({ id, text, lng }: { id: string; text: string; lng: string }) {
  return (
    <p className="fixed-value__value" id={id} tabIndex={-1} lang={textLanguage(text, lng)}>
      {text}
    </p>
  );
}

/**
 * A value the city holds and the resident may not change here: shown as text with its source and how to have it
 * corrected (not a disabled or read-only input).
 */
function FixedValue({ def, value, mark, error, lng, t }: { def: FieldDef; value: unknown; mark: PrefillMark; error?: string; lng: string; t: TFunction }) {
  const id = `${def.name}-fixed`;
  return (
    <div className={`field fixed-value${error ? " field--error" : ""}`} id={`${def.name}-field`}>
      <p className="field__label" id={`${id}-label`}>
        <Localized text={def.label} lng={lng} />
      </p>
      {error ? (
        <p id={`${def.name}-error`} className="field__error">
          <span className="visually-hidden">{t("field.errorPrefix")}</span>
          {withRuby(error)}
        </p>
      ) : null}
      <FixedText id={id} text={getFieldView(def.type).format(value, def, lng, t)} lng={lng} />
      <p className="field__hint">
        <SourceTag mark={mark} lng={lng} t={t} /> {mark.note ? <Localized text={mark.note} lng={lng} /> : t("prefill.fixedNote")}
      </p>
    </div>
  );
}

/** The source of a value filled in from the city's records, shown above the question. */
function SourceMark({ mark, lng, t }: { mark: PrefillMark; lng: string; t: TFunction }) {
  return (
    <p className="prefill-mark">
      <SourceTag mark={mark} lng={lng} t={t} /> {mark.note ? <Localized text={mark.note} lng={lng} /> : t(mark.noteKey)}
    </p>
  );
}

function SourceTag({ mark, lng, t }: { mark: PrefillMark; lng: string; t: TFunction }) {
  return <span className="tag tag--source">{mark.label ? <Localized text={mark.label} lng={lng} /> : t(mark.sourceKey)}</span>;
}

type PageContext = {
  fields: FieldDef[];
  /** Earlier answers, and the values the page shows: what a follow-up question's condition reads on load. */
  answers: Answers;
  values: Answers;
  errors: Record<string, string>;
  marks: Record<string, PrefillMark>;
  /** Per field made of items: the places of the items that are the signed-in resident's own. */
  ownItems: Record<string, number[]>;
  focus?: string;
  itemPages?: StepView["itemPages"];
  lng: string;
  t: TFunction;
};

const StepContext = createContext<PageContext | null>(null);

/** The name under which a follow-up question says it was on the page (`_asked`); the server asks the rest next. */
export const ASKED = "_asked";

/**
 * A follow-up question: its condition reads an answer on the same page. The server renders it only when the answers
 * shown already open it; otherwise it is hidden and disabled, so without JavaScript it is neither seen nor sent,
 * and the server asks it on the next page once the answer that opens it is known. With JavaScript it appears and
 * disappears as the page is filled in, by the same evaluate() the server uses. The hidden `_asked` input tells the
 * server the question was on the page (a disabled input is not sent).
 */
function Reveal({ condition, path, group, index, children }: { condition: Condition; path: string; group?: string; index?: number; children: ReactNode }) {
  const page = useContext(StepContext)!;
  const ref = useRef<HTMLDivElement>(null);
  const scopeOf = (values: Answers) => {
    // Items keep their place when normalised, so the item at `index` is the one this question belongs to.
    const item = group !== undefined && index !== undefined ? (values[group] as Answers[] | undefined)?.[index] : undefined;
    return { answers: { ...page.answers, ...values }, item };
  };
  const [shown, setShown] = useState(() => evaluate(condition, scopeOf(page.values)));
  const { fields, answers } = page;
  useEffect(() => {
    const form = ref.current?.closest("form");
    if (!form) return;
    const update = () => {
      const values = normalizeStep({ fields }, readForm(form));
      const item = group !== undefined && index !== undefined ? (values[group] as Answers[] | undefined)?.[index] : undefined;
      setShown(evaluate(condition, { answers: { ...answers, ...values }, item }));
    };
    update();
    form.addEventListener("input", update);
    form.addEventListener("change", update);
    return () => {
      form.removeEventListener("input", update);
      form.removeEventListener("change", update);
    };
  }, [condition, fields, answers, group, index]);
  // Asked next after the answer that opened it (no JavaScript): the question takes focus on arrival.
  const arrivedHere = page.focus !== undefined && page.focus.startsWith(fieldId(path));
  return (
    <div ref={ref} hidden={!shown} {...(arrivedHere ? { tabIndex: -1, autofocus: "" } : {})}>
      <fieldset className="reveal" role="none" disabled={!shown}>
        <input type="hidden" name={ASKED} value={path} />
        {children}
      </fieldset>
    </div>
  );
}

function dependsOnThisPage(def: FieldDef, names: Set<string>) {
  return def.showIf ? referencedFields(def.showIf).some((n) => names.has(n)) : false;
}

/** Renders one field from the registry; fields made of items render their items' fields through the same function. */
function FieldView({
  def,
  path,
  htmlName,
  value,
  forSomeoneElse,
}: {
  def: FieldDef;
  path: string;
  htmlName: string;
  value: unknown;
  forSomeoneElse?: boolean;
}) {
  const page = useContext(StepContext)!;
  const { errors, marks, lng, t } = page;
  const type = getFieldView(def.type);
  const id = fieldId(path);
  const itemsHook = type.items;
  // A field asked one item per page shows its rows, or (on an item's page) that one item.
  const pages =
    page.itemPages && itemsHook?.onePerPage?.(def)
      ? { attention: page.itemPages.attention[def.name] ?? [], only: page.itemPages.only?.field === def.name ? page.itemPages.only.index : undefined }
      : undefined;
  const props = { def, id, name: htmlName, value, error: errors[path], required: def.required, lng, t, forSomeoneElse, focus: page.focus, itemPages: pages };
  if (!itemsHook) return <type.Render {...props} />;
  const items = Array.isArray(value) ? (value as Answers[]) : [];
  const siblings = new Set(itemsHook.fields(def).map((c) => c.name));
  const own = page.ownItems[def.name] ?? [];
  return (
    <type.Render
      {...props}
      renderItemField={(child: FieldDef, i: number) => {
        const childPath = `${path}.${i}.${child.name}`;
        // Another person's item: the browser must not fill in the resident's own name or birthday there.
        const input = (
          <FieldView
            def={child}
            path={childPath}
            htmlName={`${htmlName}[${i}][${child.name}]`}
            value={items[i]?.[child.name]}
            forSomeoneElse={!own.includes(i)}
          />
        );
        // A value in the resident's own item from another source (勤務先 they kept) is marked like any other.
        const mark = marks[childPath];
        const view = mark ? (
          <div key={`${i}-${child.name}`} className="prefilled">
            <SourceMark mark={mark} lng={lng} t={t} />
            {input}
          </div>
        ) : (
          <Fragment key={`${i}-${child.name}`}>{input}</Fragment>
        );
        return child.showIf && dependsOnThisPage(child, siblings) ? (
          <Reveal key={`${i}-${child.name}`} condition={child.showIf} path={childPath} group={def.name} index={i}>
            {view}
          </Reveal>
        ) : (
          view
        );
      }}
    />
  );
}

export function StepFields({ view, lng, t }: { view: StepView; lng: string; t: TFunction }) {
  const names = new Set(view.fields.map((f) => f.name));
  const context = useMemo(
    () => ({
      fields: view.fields,
      answers: view.answers ?? {},
      values: view.values,
      errors: view.errors,
      marks: view.prefill ?? {},
      ownItems: view.ownItems ?? {},
      focus: view.focus,
      itemPages: view.itemPages,
      lng,
      t,
    }),
    [view, lng, t],
  );
  return (
    <StepContext.Provider value={context}>
      {view.fields.map((f) => {
        const mark = view.prefill?.[f.name];
        if (mark?.mode === "fixed") {
          return <FixedValue key={f.name} def={f} value={view.values[f.name]} mark={mark} error={view.errors[f.name]} lng={lng} t={t} />;
        }
        const input = <FieldView key={f.name} def={f} path={f.name} htmlName={f.name} value={view.values[f.name]} />;
        const field = mark ? (
          <div key={f.name} className="prefilled">
            <SourceMark mark={mark} lng={lng} t={t} />
            {input}
          </div>
        ) : (
          input
        );
        return f.showIf && dependsOnThisPage(f, names) ? (
          <Reveal key={f.name} condition={f.showIf} path={f.name}>
            {field}
          </Reveal>
        ) : (
          field
        );
      })}
    </StepContext.Provider>
  );
}
