import { z } from "zod";
import { baseField, defineFieldType, type AnyFieldType, type BaseField, type RenderProps } from "../field-type";
import { localizedText } from "../localized";
import { Localized, RequiredTag } from "./shell";

/**
 * A repeating group (persons moving, children, 希望施設 第1〜第5): each item is a set of fields. Without
 * JavaScript, "add" and "remove" are submit buttons handled by the step action.
 */
export function createGroupFieldType(leafTypes: AnyFieldType[]) {
  const child = z.discriminatedUnion(
    "type",
    leafTypes.map((ft) => ft.definition) as unknown as [z.ZodObject, ...z.ZodObject[]],
  );
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
  const items = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? (v as Record<string, unknown>[]) : v && typeof v === "object" ? Object.values(v) : []);

  return defineFieldType<GroupDef>({
    type: "group",
    definition: definition as unknown as z.ZodType<GroupDef>,
    hasValue: true,
    // Items keep their order; an item left completely blank, or offered from the city's records and not ticked, is dropped.
    normalize: (raw, def) =>
      items(raw)
        .filter((item) => !(item?._offered === "yes" && item?._include !== "yes"))
        .map((item) => Object.fromEntries(def.fields.filter((f) => typeOf(f.type).hasValue).map((f) => [f.name, typeOf(f.type).normalize(item?.[f.name], f)])))
        .filter((item) => def.fields.some((f) => typeOf(f.type).hasValue && !typeOf(f.type).isEmpty(item[f.name]))),
    isEmpty: (v) => items(v).length === 0,
    // Item fields are validated one by one by the engine (they have their own conditions); this checks the count.
    schema: (def) => z.array(z.record(z.string(), z.unknown())).min(def.minItems, `validation.minItems|${JSON.stringify({ min: def.minItems })}`).max(def.maxItems, `validation.maxItems|${JSON.stringify({ max: def.maxItems })}`),
    format: (v) => `${items(v).length}`,
    firstInputId: (id, def) => `${id}-0-${def.fields[0]!.name}`,
    Render: (props: RenderProps<GroupDef>) => {
      const { def, id, name, value, error, required, lng, t, offered = 0 } = props;
      // People offered from the city's records are chosen by ticking; all ticked when they fit, none when they do not.
      const tickedByDefault = offered <= def.maxItems;
      const list = items(value);
      const shown = list.length > 0 ? list : def.minItems > 0 ? [{}] : [];
      return (
        <div className={`field group${error ? " field--error" : ""}`} id={`${id}-field`}>
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
          {shown.map((_, i) => (
            <fieldset className="group__item" key={i}>
              <legend className="group__legend">
                <Localized text={def.itemLabel} lng={lng} /> {i + 1}
              </legend>
              {i < offered ? (
                <div className="choice group__include">
                  <input type="hidden" name={`${name}[${i}][_offered]`} value="yes" />
                  <input
                    type="checkbox"
                    id={`${id}-${i}-include`}
                    name={`${name}[${i}][_include]`}
                    value="yes"
                    defaultChecked={tickedByDefault}
                    className="choice__input"
                  />
                  <label htmlFor={`${id}-${i}-include`} className="choice__label">
                    {t("field.group.include", { item: `${typeof def.itemLabel === "string" ? def.itemLabel : (def.itemLabel[lng] ?? def.itemLabel.ja)} ${i + 1}` })}
                  </label>
                </div>
              ) : null}
              {def.fields.map((f) => props.renderItemField?.(f, i))}
              {shown.length > def.minItems && i >= offered ? (
                <button type="submit" name="_action" value={`remove:${name}:${i}`} className="button button--secondary button--small" formNoValidate>
                  {t("field.group.remove", { n: i + 1 })}
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
