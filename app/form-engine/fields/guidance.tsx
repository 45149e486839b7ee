import { z } from "zod";
import { baseField, defineFieldType } from "../field-type";
import { localizedText } from "../localized-schema";
import { Localized } from "./shell";

const definition = z.object({ ...baseField, required: z.boolean().default(false), type: z.literal("guidance"), body: z.array(localizedText).min(1) }).strict();

/** Static guidance text between questions: nothing to answer. */
export const guidanceField = defineFieldType<z.infer<typeof definition>>({
  type: "guidance",
  definition,
  example: (ctx) => ({ body: [ctx.text("admin.builder.example.body")] }),
  hasValue: false,
  normalize: () => undefined,
  isEmpty: () => true,
  schema: () => z.undefined(),
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
