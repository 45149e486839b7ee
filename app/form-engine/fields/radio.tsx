import { z } from "zod";
import { baseField, defineFieldType, type BaseField, type RenderProps } from "../field-type";
import { asString } from "../normalize";
import { options, singleChoice, type Option } from "./choices";
import { Fieldset } from "../../ui/field";
import { Localized, wrapperProps } from "./shell";

const definition = z.object({ ...baseField, type: z.literal("radio"), options }).strict();

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

export const radioField = defineFieldType<z.infer<typeof definition>>({
  type: "radio",
  definition,
  example: (ctx) => ({
    options: [
      { value: "option1", label: ctx.text("admin.builder.example.option", { n: 1 }) },
      { value: "option2", label: ctx.text("admin.builder.example.option", { n: 2 }) },
    ],
  }),
  ...singleChoice,
  Render: (props) => <RadioGroup {...props} opts={props.def.options} />,
});
