import { defineFieldView } from "../field-view";
import { labelOf } from "./choices";
import { Fieldset } from "../../ui/field";
import { Localized, wrapperProps } from "./shell";
import type { CheckboxesDef } from "./checkboxes.rules";

const toList = (raw: unknown): string[] =>
  (Array.isArray(raw) ? raw : raw === undefined || raw === null || raw === "" ? [] : [raw]).map(String).filter(Boolean);

export const checkboxesView = defineFieldView<CheckboxesDef>({
  type: "checkboxes",
  hasValue: true,
  // Keeps the definition's order whatever order the browser sent, and drops duplicates.
  normalize: (raw, def) => {
    const chosen = new Set(toList(raw));
    const known = def.options.map((o) => o.value).filter((v) => chosen.has(v));
    return [...known, ...[...chosen].filter((v) => !known.includes(v))];
  },
  isEmpty: (v) => !Array.isArray(v) || v.length === 0,
  format: (v, def, lng) =>
    toList(v)
      .map((x) => labelOf(def.options, x, lng))
      .join("、"),
  Render: ({ def, id, name, value, error, required, lng, t }) => {
    const chosen = toList(value);
    return (
      <Fieldset {...wrapperProps({ id, def, error, required, lng, t })}>
        <div className="choices">
          {def.options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${i}`;
            return (
              <div className="choice" key={o.value}>
                <input type="checkbox" id={optionId} name={name} value={o.value} defaultChecked={chosen.includes(o.value)} className="choice__input" />
                <label htmlFor={optionId} className="choice__label">
                  <Localized text={o.label} lng={lng} />
                </label>
              </div>
            );
          })}
        </div>
      </Fieldset>
    );
  },
});
