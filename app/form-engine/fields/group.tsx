import type { TFunction } from "i18next";
import type { FieldDef } from "../definition";
import type { Answers } from "../engine";
import { type BaseField } from "../field-type";
import { defineFieldView, type AnyFieldView, type RenderProps } from "../field-view";
import { EXCLUDED, isExcluded, OFFERED, offeredIndex } from "../item-keys";
import { localizeText, type LocalizedText } from "../localized";
import { RequiredTag } from "../../ui/field";
import { Localized } from "./shell";
import { withRuby } from "../../i18n/ruby";

/**
 * A repeating group (persons moving, children, 希望施設 第1〜第5): each item is a set of fields. Without
 * JavaScript, "add" and "remove" are submit buttons handled by the step action.
 */
export type GroupDef = BaseField & {
  type: "group";
  /** "人目", "希望": shown as "{itemLabel} {n}" above each item. */
  itemLabel: LocalizedText;
  minItems: number;
  maxItems: number;
  fields: (BaseField & { type: string })[];
};

export const items = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? (v as Record<string, unknown>[]) : v && typeof v === "object" ? Object.values(v) : [];

export const included = (v: unknown) => items(v).filter((item) => !isExcluded(item));
/** The items the list page shows as rows: offered people (ticked or not) and the people added who are not blank. */
export const rows = (v: unknown) => items(v).flatMap((item, index) => (offeredIndex(item) !== undefined || !isExcluded(item) ? [{ item, index }] : []));

/** The group's heading, hint and error, as a list of rows and as items on the page alike. */
function GroupHeading({ def, id, error, required, lng, t }: RenderProps<GroupDef>) {
  return (
    <>
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
          {withRuby(error)}
        </p>
      ) : null}
    </>
  );
}

/** A person offered from the city's records is part of the application when ticked, and stays offered until submission. */
function IncludeChoice({ id, name, index, item, label }: { id: string; name: string; index: number; item: Record<string, unknown>; label: string }) {
  if (typeof item[OFFERED] !== "number") return null;
  return (
    <div className="choice group__include">
      <input type="hidden" name={`${name}[${index}][${OFFERED}]`} value={String(item[OFFERED])} />
      <input
        type="checkbox"
        id={`${id}-${index}-include`}
        name={`${name}[${index}][_include]`}
        value="yes"
        defaultChecked={!isExcluded(item)}
        className="choice__input"
      />
      <label htmlFor={`${id}-${index}-include`} className="choice__label">
        {label}
      </label>
    </div>
  );
}

export function createGroupFieldView(leafTypes: AnyFieldView[]) {
  const typeOf = (t: string) => leafTypes.find((ft) => ft.type === t)!;
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
  /** What a row says about a person besides the name: the first few answers every item is asked (生年月日, 続柄). */
  const facts = (def: GroupDef, item: Record<string, unknown>, lng: string, t: TFunction) =>
    def.fields
      .filter((f) => !f.showIf && typeOf(f.type).hasValue && !typeOf(f.type).personName && !typeOf(f.type).isEmpty(item[f.name]))
      .slice(0, 3)
      .map((f) => ({ name: f.name, label: localizeText(f.label, lng), value: typeOf(f.type).format(item[f.name], f, lng, t) }));

  return defineFieldView<GroupDef>({
    type: "group",
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
    Render: (props: RenderProps<GroupDef>) => {
      const { def, id, name, value, error, lng, t, focus, itemPages } = props;
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
            <GroupHeading {...props} />
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
                    <IncludeChoice id={id} name={name} index={i} item={item} label={t("field.group.include", { item: person })} />
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
          <GroupHeading {...props} />
          {shown.map((item, i) => (
            <fieldset className="group__item" key={i} id={`${id}-${i}`} {...focusHere(focus === `${id}-${i}`)}>
              <legend className="group__legend">{itemName(def, i, item, lng, t)}</legend>
              {/* People offered from the city's records are chosen by ticking, and stay offered until submission. */}
              <IncludeChoice id={id} name={name} index={i} item={item} label={t("field.group.include", { item: itemName(def, i, item, lng, t) })} />
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
