import type { TFunction } from "i18next";
import { isJapanese } from "../../i18n/text-language";
import { defineFieldView } from "../field-view";
import { localizeText } from "../localized";
import { Localized } from "./shell";
import type { FeeDef } from "./fee.rules";

/** What is stored: the total, and how it was reached. */
export type FeeAnswer = { totalYen: number; amountYen: number; count: number };

const isFee = (v: unknown): v is FeeAnswer => typeof v === "object" && v !== null && typeof (v as FeeAnswer).totalYen === "number";
const yen = (n: number, lng: string) => n.toLocaleString(isJapanese(lng) ? "ja-JP" : "en-US");

function format(v: unknown, def: FeeDef, lng: string, t: TFunction) {
  if (!isFee(v)) return "";
  if (def.per === undefined) return t("field.fee.total", { total: yen(v.totalYen, lng) });
  return t("field.fee.breakdown", { total: yen(v.totalYen, lng), amount: yen(v.amountYen, lng), count: v.count, unit: localizeText(def.unit, lng) });
}

/**
 * A fee nobody types: the amount times a number answer (1通300円 × 通数), computed by the server from the answers
 * and shown on the step, the check page, the receipt, the staff view and the PDF (「600円（300円×2通）」).
 */
export const feeView = defineFieldView<FeeDef>({
  type: "fee",
  hasValue: true,
  normalize: () => undefined,
  isEmpty: (v) => !isFee(v),
  format,
  Render: ({ def, id, value, lng, t }) => (
    <div className="field fee" id={`${id}-field`}>
      <p className="field__label" id={`${id}-label`}>
        <Localized text={def.label} lng={lng} />
      </p>
      <p className="fixed-value__value" id={id}>
        {isFee(value) ? format(value, def, lng, t) : t("field.fee.perUnit", { amount: yen(def.amountYen, lng), unit: localizeText(def.unit, lng) })}
      </p>
      {def.hint ? (
        <p className="field__hint">
          <Localized text={def.hint} lng={lng} />
        </p>
      ) : null}
    </div>
  ),
});
