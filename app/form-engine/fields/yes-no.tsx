import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { msg } from "../messages";
import { asString } from "../normalize";
import { RadioGroup } from "./radio";

const definition = z.object({ ...baseField, type: z.literal("yesNo") }).strict();

export const yesNoField = defineFieldType<z.infer<typeof definition>>({
  type: "yesNo",
  definition,
  requiredMessage: "validation.choice",
  hasValue: true,
  normalize: (raw) => asString(raw),
  choices: () => ({ values: ["yes", "no"] }),
  schema: () => z.enum(["yes", "no"], msg("validation.choice")),
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
