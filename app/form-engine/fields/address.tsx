import { z } from "zod";
import { baseField, defineFieldType, personalToken } from "../field-type";
import { msg } from "../messages";
import { asString, digitsOnly, trim } from "../normalize";
import { describedBy, Fieldset } from "../../ui/field";
import { wrapperProps } from "./shell";

export const PREFECTURES = [
  "北海道",
  "青森県",
  "岩手県",
  "宮城県",
  "秋田県",
  "山形県",
  "福島県",
  "茨城県",
  "栃木県",
  "群馬県",
  "埼玉県",
  "千葉県",
  "東京都",
  "神奈川県",
  "新潟県",
  "富山県",
  "石川県",
  "福井県",
  "山梨県",
  "長野県",
  "岐阜県",
  "静岡県",
  "愛知県",
  "三重県",
  "滋賀県",
  "京都府",
  "大阪府",
  "兵庫県",
  "奈良県",
  "和歌山県",
  "鳥取県",
  "島根県",
  "岡山県",
  "広島県",
  "山口県",
  "徳島県",
  "香川県",
  "愛媛県",
  "高知県",
  "福岡県",
  "佐賀県",
  "長崎県",
  "熊本県",
  "大分県",
  "宮崎県",
  "鹿児島県",
  "沖縄県",
] as const;

const definition = z.object({ ...baseField, type: z.literal("address") }).strict();

export type AddressValue = { postalCode: string; prefecture: string; city: string; town: string; building: string };

/** 郵便番号, 都道府県, 市区町村, 町域・番地, 方書 (building and room), each with its autocomplete token. */
export const addressField = defineFieldType<z.infer<typeof definition>>({
  type: "address",
  definition,
  hasValue: true,
  normalize: (raw) => {
    const r = (raw ?? {}) as Record<string, unknown>;
    return {
      postalCode: digitsOnly(asString(r.postalCode)).replace(/^〒/, ""),
      prefecture: trim(asString(r.prefecture)),
      city: trim(asString(r.city)),
      town: trim(asString(r.town)),
      building: trim(asString(r.building)),
    } satisfies AddressValue;
  },
  schema: () =>
    z.object({
      postalCode: z.string().regex(/^\d{7}$/, msg("validation.postalCode")),
      prefecture: z.enum(PREFECTURES, msg("validation.address.prefectureRequired")),
      city: z
        .string()
        .min(1, msg("validation.address.cityRequired"))
        .max(50, msg("validation.tooLong", { max: 50 })),
      town: z
        .string()
        .min(1, msg("validation.address.townRequired"))
        .max(100, msg("validation.tooLong", { max: 100 })),
      building: z.string().max(100, msg("validation.tooLong", { max: 100 })),
    }),
  format: (v) => {
    const a = v as AddressValue;
    const postal = a.postalCode ? `〒${a.postalCode.slice(0, 3)}-${a.postalCode.slice(3)} ` : "";
    return `${postal}${a.prefecture}${a.city}${a.town}${a.building ? ` ${a.building}` : ""}`;
  },
  firstInputId: (id, _def, part) => `${id}-${part ?? "postalCode"}`,
  Render: ({ def, id, name, value, error, required, lng, t, forSomeoneElse }) => {
    const v = (value ?? {}) as Record<string, string>;
    const input = (key: keyof AddressValue, token: string, extra: Record<string, string> = {}, cls = "") => (
      <div className="field field--nested">
        <label htmlFor={`${id}-${key}`} className="date-input__label">
          {t(`field.address.${key}`)} {key === "building" ? <span className="tag">{t("field.optional")}</span> : null}
        </label>
        {key === "postalCode" ? (
          <p className="field__hint" id={`${id}-postalCode-hint`}>
            {t("field.address.postalCodeHint")}
          </p>
        ) : null}
        <input
          id={`${id}-${key}`}
          name={`${name}[${key}]`}
          className={`input ${cls}`}
          defaultValue={asString(v[key])}
          autoComplete={personalToken({ forSomeoneElse }, token)}
          aria-invalid={error ? true : undefined}
          aria-describedby={[describedBy(id, def.hint, error), key === "postalCode" ? `${id}-postalCode-hint` : null].filter(Boolean).join(" ") || undefined}
          {...extra}
        />
      </div>
    );
    return (
      <Fieldset {...wrapperProps({ id, def, error, required, lng, t })}>
        {input("postalCode", "postal-code", { inputMode: "numeric" }, "input--medium")}
        <div className="field field--nested">
          <label htmlFor={`${id}-prefecture`} className="date-input__label">
            {t("field.address.prefecture")}
          </label>
          <select
            id={`${id}-prefecture`}
            name={`${name}[prefecture]`}
            className="input select input--medium"
            defaultValue={asString(v.prefecture)}
            autoComplete={personalToken({ forSomeoneElse }, "address-level1")}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(id, def.hint, error)}
          >
            <option value="">{t("field.choose")}</option>
            {PREFECTURES.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
        {input("city", "address-level2")}
        {input("town", "address-line1")}
        {input("building", "address-line2")}
      </Fieldset>
    );
  },
});
