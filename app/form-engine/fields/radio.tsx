import { type BaseField } from "../field-type";
import { defineFieldView, type RenderProps } from "../field-view";
import { asString } from "../normalize";
import { singleChoiceView, type Option } from "./choices";
import { Fieldset } from "../../ui/field";
import { Localized, wrapperProps } from "./shell";
import type { RadioDef } from "./radio.rules";

/** Radios, also used by yes/no: a fieldset with one labelled input per option. */
export function RadioGroup({ def, id, name, value, error, required, lng, t, opts }: RenderProps<BaseField> & { opts: Option[] }) {
  return (
    <Fieldset {...wrapperProps({ id, def, error, required, lng, t })}>
      <div className="choices">
        {opts.map((o, i) => {
          const optionId = i === 0 ? id : `${id}-${i}`;
          return (
            <div className="choice" key={o.value}>
              <input
                type="radio"
                id={optionId}
                name={name}
                value={o.value}
                defaultChecked={asString(value) === o.value}
                className="choice__input"
                aria-describedby={o.hint ? `${optionId}-hint` : undefined}
              />
              <label htmlFor={optionId} className="choice__label">
                <Localized text={o.label} lng={lng} />
              </label>
              {o.hint ? (
                <p id={`${optionId}-hint`} className="field__hint choice__hint">
                  <Localized text={o.hint} lng={lng} />
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}

export const radioView = defineFieldView<RadioDef>({
  type: "radio",
  ...singleChoiceView,
  Render: (props) => <RadioGroup {...props} opts={props.def.options} />,
});
