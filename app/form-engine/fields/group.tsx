import type { TFunction } from "i18next";
import { z } from "zod";
import type { FieldDef } from "../definition";
import type { Answers } from "../engine";
import { baseField, defineFieldType, type AnyFieldType, type BaseField, type RenderProps } from "../field-type";
import { EXCLUDED, isExcluded, OFFERED, offeredIndex } from "../item-keys";
import { localizedText, localizeText } from "../localized";
import { RequiredTag } from "../../ui/field";
import { Localized } from "./shell";

/**
 * A repeating group (persons moving, children, 希望施設 第1〜第5): each item is a set of fields. Without
 * JavaScript, "add" and "remove" are submit buttons handled by the step action.
 */
export function createGroupFieldType(leafTypes: AnyFieldType[]) {
  const child = z.discriminatedUnion("type", leafTypes.map((ft) => ft.definition) as unknown as [z.ZodObject, ...z.ZodObject[]]);
  const definition = z
    .object({
      ...baseField,
      type: z.literal("group"),
      /** "人目", "希望": shown as "{itemLabel} {n}" above each item. */
      itemLabel: localizedText,
      minItems: z.number().int().min(0).default(1),
      maxItems: z.number().int().min(1).max(50).default(10),
      fields: z.array(child).min(1),
    })
    .strict();
  type GroupDef = Omit<z.infer<typeof definition>, "fields"> & { fields: (BaseField & { type: string })[] };
  const typeOf = (t: string) => leafTypes.find((ft) => ft.type === t)!;
  const items = (v: unknown): Record<string, unknown>[] =>
    Array.isArray(v) ? (v as Record<string, unknown>[]) : v && typeof v === "object" ? Object.values(v) : [];
  const included = (v: unknown) => items(v).filter((item) => !isExcluded(item));
  /** An item is named by its person when it has a name (「伊藤 湊さん」), else by its place (「異動者 1」). */
  const itemName = (def: GroupDef, index: number, item: Answers | undefined, lng: string, t: TFunction) => {
    for (const f of def.fields) {
      const person = item ? typeOf(f.type).personName?.(item[f.name]) : undefined;
      if (person) return t("field.group.person", { name: person.name });
    }
    return `${localizeText(def.itemLabel, lng)} ${index + 1}`;
  };

  return defineFieldType<GroupDef>({
    type: "group",
    definition: definition as unknown as z.ZodType<GroupDef>,
    hasValue: true,
    // Items keep their position on the page (so an error points at the right one). An item offered from the city's
    // records and not ticked, or left completely blank, is marked excluded: not validated, not stored.
    normalize: (raw, def) =>
      items(raw).map((item) => {
        const values = Object.fromEntries(def.fields.filter((f) => typeOf(f.type).hasValue).map((f) => [f.name, typeOf(f.type).normalize(item?.[f.name], f)]));
        const offered = /^\d{1,3}$/.test(String(item?._offered ?? "")) ? Number(item._offered) : undefined;
        const blank = !def.fields.some((f) => typeOf(f.type).hasValue && !typeOf(f.type).isEmpty(values[f.name]));
        // A posted offered item says its index as text and is in when ticked; a stored (normalised) one has a number.
        const ticked = typeof item?._offered === "string" ? item?._include === "yes" : !isExcluded(item);
        const excluded = offered === undefined ? blank : !ticked;
        return { ...values, ...(offered === undefined ? {} : { [OFFERED]: offered }), ...(excluded ? { [EXCLUDED]: true } : {}) };
      }),
    isEmpty: (v) => included(v).length === 0,
    // Item fields are validated one by one by the engine (they have their own conditions); this checks the count.
    schema: (def) =>
      z.array(z.record(z.string(), z.unknown())).superRefine((list, ctx) => {
        const n = included(list).length;
        if (n < def.minItems) ctx.addIssue({ code: "custom", message: `validation.minItems|${JSON.stringify({ min: def.minItems })}` });
        if (n > def.maxItems) ctx.addIssue({ code: "custom", message: `validation.maxItems|${JSON.stringify({ max: def.maxItems })}` });
      }),
    format: (v) => `${included(v).length}`,
    firstInputId: (id, def) => `${id}-0-${def.fields[0]!.name}`,
    items: {
      fields: (def) => def.fields as FieldDef[],
      included: (v) => items(v).flatMap((item, index) => (isExcluded(item) ? [] : [{ index, item: item as Answers }])),
      // Which offered person an item is stays with it (provenance, and the offer shown again on going back).
      prune: (v, keep) =>
        included(v).map((item) => {
          const offered = offeredIndex(item);
          return { ...(offered === undefined ? {} : { [OFFERED]: offered }), ...keep(item) };
        }),
      label: (def, index, item, lng, t) => itemName(def, index, item, lng, t),
    },
    // Every item on the page stays, blank ones too: "add" next to an empty first item makes a second. A person
    // offered from the city's records is unticked, never removed.
    command: (def, value, verb, arg) => {
      const list = [...items(value)];
      if (verb === "add") {
        list.push({});
        return { value: list, focus: `-${list.length - 1}` };
      }
      if (verb === "remove") {
        const index = Number(arg);
        if (Number.isInteger(index) && offeredIndex(list[index]) === undefined) list.splice(index, 1);
        return { value: list, focus: "-field" };
      }
      return undefined;
    },
    Render: (props: RenderProps<GroupDef>) => {
      const { def, id, name, value, error, required, lng, t, focus } = props;
      // The item just added (or the group after a removal) takes focus on load, with or without JavaScript.
      const focusHere = (target: boolean) => (target ? { tabIndex: -1, autofocus: "" } : {});
      const list = items(value);
      const shown = list.length > 0 ? list : def.minItems > 0 ? [{}] : [];
      return (
        <div className={`field group${error ? " field--error" : ""}`} id={`${id}-field`} {...focusHere(focus === `${id}-field`)}>
          <h2 className="group__title">
            <Localized text={def.label} lng={lng} /> <RequiredTag required={required} t={t} />
          </h2>
          {def.hint ? (
            <p className="field__hint">
              <Localized text={def.hint} lng={lng} />
            </p>
          ) : null}
          {error ? (
            <p id={`${id}-error`} className="field__error">
              <span className="visually-hidden">{t("field.errorPrefix")}</span>
              {error}
            </p>
          ) : null}
          {shown.map((item, i) => (
            <fieldset className="group__item" key={i} id={`${id}-${i}`} {...focusHere(focus === `${id}-${i}`)}>
              <legend className="group__legend">{itemName(def, i, item, lng, t)}</legend>
              {/* People offered from the city's records are chosen by ticking, and stay offered until submission. */}
              {typeof item[OFFERED] === "number" ? (
                <div className="choice group__include">
                  <input type="hidden" name={`${name}[${i}][${OFFERED}]`} value={String(item[OFFERED])} />
                  <input
                    type="checkbox"
                    id={`${id}-${i}-include`}
                    name={`${name}[${i}][_include]`}
                    value="yes"
                    defaultChecked={!isExcluded(item)}
                    className="choice__input"
                  />
                  <label htmlFor={`${id}-${i}-include`} className="choice__label">
                    {t("field.group.include", { item: itemName(def, i, item, lng, t) })}
                  </label>
                </div>
              ) : null}
              {def.fields.map((f) => props.renderItemField?.(f, i))}
              {shown.length > def.minItems && typeof item[OFFERED] !== "number" ? (
                <button type="submit" name="_action" value={`remove:${name}:${i}`} className="button button--secondary button--small" formNoValidate>
                  {t("field.group.remove", { item: itemName(def, i, item, lng, t) })}
                </button>
              ) : null}
            </fieldset>
          ))}
          {shown.length < def.maxItems ? (
            <button type="submit" name="_action" value={`add:${name}`} className="button button--secondary" formNoValidate>
              {t("field.group.add")}
            </button>
          ) : null}
        </div>
      );
    },
  });
}
