import type { TFunction } from "i18next";
import { z } from "zod";
import type { FieldDef } from "../definition";
import type { Answers } from "../engine";
import { baseField, defineFieldType, type AnyFieldType, type BaseField, type RenderProps } from "../field-type";
import { EXCLUDED, isExcluded, OFFERED, offeredIndex } from "../item-keys";
import { localizedText } from "../localized-schema";
import { localizeText } from "../localized";
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
  /** A list of people is asked one person per page once it shows two or more (ADR 0014). */
  const onePerPage = (def: GroupDef) => def.fields.some((f) => typeOf(f.type).personName !== undefined);
  /** The items the list page shows as rows: offered people (ticked or not) and the people added who are not blank. */
  const rows = (v: unknown) => items(v).flatMap((item, index) => (offeredIndex(item) !== undefined || !isExcluded(item) ? [{ item, index }] : []));
  /** What a row says about a person besides the name: the first few answers every item is asked (生年月日, 続柄). */
  const facts = (def: GroupDef, item: Record<string, unknown>, lng: string, t: TFunction) =>
    def.fields
      .filter((f) => !f.showIf && typeOf(f.type).hasValue && !typeOf(f.type).personName && !typeOf(f.type).isEmpty(item[f.name]))
      .slice(0, 3)
      .map((f) => ({ name: f.name, label: localizeText(f.label, lng), value: typeOf(f.type).format(item[f.name], f, lng, t) }));

  return defineFieldType<GroupDef>({
    type: "group",
    definition: definition as unknown as z.ZodType<GroupDef>,
    // The first leaf type (a text) as the group's one question: the administrator adds and changes the rest.
    example: (ctx) => ({
      itemLabel: ctx.text("admin.builder.example.itemLabel"),
      fields: [
        {
          type: leafTypes[0]!.type,
          name: "answer1",
          label: ctx.text("admin.builder.example.label", { n: 1 }),
          required: true,
          ...leafTypes[0]!.example?.(ctx),
        },
      ],
    }),
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
      onePerPage,
    },
    // Every item on the page stays, blank ones too: "add" next to an empty first item makes a second. A person
    // offered from the city's records is unticked, never removed.
    command: (def, value, verb, arg) => {
      const list = [...items(value)];
      if (onePerPage(def)) {
        // One person per page: "add" opens a blank person's page (nothing blank is kept in the list), 「変更」 opens theirs.
        if (verb === "add") {
          const kept = rows(list).map(({ item }) => item);
          return kept.length < def.maxItems ? { value: kept, focus: "-field", open: kept.length } : undefined;
        }
        if (verb === "edit") {
          const index = Number(arg);
          return Number.isInteger(index) && index >= 0 && index < list.length ? { value: list, focus: `-${index}`, open: index } : undefined;
        }
      }
      // What a command keeps is never longer than the field allows, whatever was posted (the finding: 151 items over
      // maxItems were kept through "add another").
      if (verb === "add") {
        if (list.length >= def.maxItems) return { value: list.slice(0, def.maxItems), focus: "-field" };
        list.push({});
        return { value: list, focus: `-${list.length - 1}` };
      }
      if (verb === "remove") {
        const index = Number(arg);
        if (Number.isInteger(index) && offeredIndex(list[index]) === undefined) list.splice(index, 1);
        return { value: list.slice(0, def.maxItems), focus: "-field" };
      }
      return undefined;
    },
    Render: (props: RenderProps<GroupDef>) => {
      const { def, id, name, value, error, required, lng, t, focus, itemPages } = props;
      // The item just added (or the group after a removal) takes focus on load, with or without JavaScript.
      const focusHere = (target: boolean) => (target ? { tabIndex: -1, autofocus: "" } : {});
      const list = items(value);
      const listed = rows(value);
      if (itemPages && onePerPage(def) && itemPages.only !== undefined) {
        // One person's own page: the page's heading names them; the legend names the group of inputs for assistive tech.
        const i = itemPages.only;
        return (
          <div className="field group" id={`${id}-field`}>
            <fieldset className="group__item group__item--page" id={`${id}-${i}`}>
              <legend className="visually-hidden">{itemName(def, i, list[i], lng, t)}</legend>
              {def.fields.map((f) => props.renderItemField?.(f, i))}
            </fieldset>
          </div>
        );
      }
      // Two people or more: a row each. One person is asked right here (a short page, follow-ups in place).
      if (itemPages && onePerPage(def) && listed.length > 1) {
        return (
          <div
            className={`field group${error ? " field--error" : ""}`}
            id={`${id}-field`}
            data-focus-self=""
            tabIndex={-1}
            {...focusHere(focus === `${id}-field`)}
          >
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
            <ul className="people">
              {listed.map(({ item, index: i }) => {
                const person = itemName(def, i, item, lng, t);
                const attention = itemPages.attention.includes(i);
                return (
                  <li
                    key={i}
                    className={`person${attention ? " person--attention" : ""}`}
                    id={`${id}-${i}`}
                    data-focus-self=""
                    tabIndex={-1}
                    {...focusHere(focus === `${id}-${i}`)}
                  >
                    <h3 className="person__name">{person}</h3>
                    {attention ? <p className="tag tag--attention">{t("field.group.attention")}</p> : null}
                    <dl className="person__facts">
                      {facts(def, item, lng, t).map((f) => (
                        <div key={f.name}>
                          <dt>{f.label}</dt>
                          <dd>{f.value}</dd>
                        </div>
                      ))}
                    </dl>
                    {/* Who is part of the application is chosen here, by ticking, as on a page of everyone. */}
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
                          {t("field.group.include", { item: person })}
                        </label>
                      </div>
                    ) : null}
                    <p className="person__actions">
                      <button type="submit" name="_action" value={`edit:${name}:${i}`} className="button button--secondary button--small" formNoValidate>
                        {t("field.group.edit")}
                        <span className="visually-hidden">{t("field.group.editWhat", { item: person })}</span>
                      </button>
                      {listed.length > def.minItems && typeof item[OFFERED] !== "number" ? (
                        <button type="submit" name="_action" value={`remove:${name}:${i}`} className="button button--secondary button--small" formNoValidate>
                          {t("field.group.remove", { item: person })}
                        </button>
                      ) : null}
                    </p>
                  </li>
                );
              })}
            </ul>
            {listed.length < def.maxItems ? (
              <button type="submit" name="_action" value={`add:${name}`} className="button button--secondary" formNoValidate>
                {t("field.group.addPerson")}
              </button>
            ) : null}
          </div>
        );
      }
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
              {t(onePerPage(def) ? "field.group.addPerson" : "field.group.add")}
            </button>
          ) : null}
        </div>
      );
    },
  });
}
