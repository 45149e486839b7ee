import { defineFieldView } from "../field-view";
import { Localized } from "./shell";
import type { GuidanceDef } from "./guidance.rules";

/** Static guidance text between questions: nothing to answer. */
export const guidanceView = defineFieldView<GuidanceDef>({
  type: "guidance",
  hasValue: false,
  normalize: () => undefined,
  isEmpty: () => true,
  format: () => "",
  Render: ({ def, id, lng }) => (
    <div className="guidance" id={id}>
      <h2 className="guidance__title">
        <Localized text={def.label} lng={lng} />
      </h2>
      {def.body.map((p, i) => (
        <p key={i}>
          <Localized text={p} lng={lng} />
        </p>
      ))}
    </div>
  ),
});
