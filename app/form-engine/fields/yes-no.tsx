import { defineFieldView } from "../field-view";
import { asString } from "../normalize";
import { RadioGroup } from "./radio";
import type { YesNoDef } from "./yes-no.rules";

export const yesNoView = defineFieldView<YesNoDef>({
  type: "yesNo",
  hasValue: true,
  normalize: (raw) => asString(raw),
  format: (v, _def, _lng, t) => (v === "yes" ? t("field.yes") : v === "no" ? t("field.no") : ""),
  Render: (props) => (
    <RadioGroup
      {...props}
      opts={[
        { value: "yes", label: props.t("field.yes") },
        { value: "no", label: props.t("field.no") },
      ]}
    />
  ),
});
