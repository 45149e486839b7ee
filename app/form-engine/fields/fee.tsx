import { z } from "zod";
import { isJapanese } from "../../i18n/text-language";
import { baseField, defineFieldType } from "../field-type";
import { localizedText } from "../localized-schema";
import { localizeText } from "../localized";
import { Localized } from "./shell";

const definition = z
  .object({
    ...baseField,
    required: z.boolean().default(false),
    type: z.literal("fee"),
    /** The fee for one (copy, certificate …), in yen. */
    amountYen: z.number().int().min(0),
    /** The number answer that multiplies it (通数); without it the fee is charged once. */
    per: z.string().optional(),
    /** What `per` counts ("通"), shown in the breakdown. */
    unit: localizedText.optional(),
  })
  .strict();

type FeeDef = z.infer<typeof definition>;
/** What is stored: the total, and how it was reached. */
export type FeeAnswer = { totalYen: number; amountYen: number; count: number };

const isFee = (v: unknown): v is FeeAnswer => typeof v === "object" && v !== null && typeof (v as FeeAnswer).totalYen === "number";
const yen = (n: number, lng: string) => n.toLocaleString(isJapanese(lng) ? "ja-JP" : "en-US");

/**
 * A fee nobody types: the amount times a number answer (1通300円 × 通数), computed by the server from the answers
 * and shown on the step, the check page, the receipt, the staff view and the PDF (「600円（300円×2通）」).
 */
export const feeField = defineFieldType<FeeDef>({
  type: "fee",
  definition,
  example: () => ({ amountYen: 300 }),
  hasValue: true,
  normalize: () => undefined,
  isEmpty: (v) => !isFee(v),
  schema: () => z.unknown(),
  derive: (def, scope) => {
    const count = def.per === undefined ? 1 : Number(scope.answers[def.per]);
    if (!Number.isInteger(count) || count < 1) return undefined;
    return { totalYen: def.amountYen * count, amountYen: def.amountYen, count } satisfies FeeAnswer;
  },
  format: (v, def, lng, t) => {
    if (!isFee(v)) return "";
    if (def.per === undefined) return t("field.fee.total", { total: yen(v.totalYen, lng) });
    return t("field.fee.breakdown", { total: yen(v.totalYen, lng), amount: yen(v.amountYen, lng), count: v.count, unit: localizeText(def.unit, lng) });
  },
  Render: ({ def, id, value, lng, t }) => (
    <div className="field fee" id={`${id}-field`}>
      <p className="field__label" id={`${id}-label`}>
        <Localized text={def.label} lng={lng} />
      </p>
      <p className="fixed-value__value" id={id}>
        {isFee(value) ? feeField.format(value, def, lng, t) : t("field.fee.perUnit", { amount: yen(def.amountYen, lng), unit: localizeText(def.unit, lng) })}
      </p>
      {def.hint ? (
        <p className="field__hint">
          <Localized text={def.hint} lng={lng} />
        </p>
      ) : null}
    </div>
  ),
});
