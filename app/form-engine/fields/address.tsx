import { useEffect, useRef, useState, type MouseEvent } from "react";
import { type PostalAddress } from "../field-type";
import { defineFieldView, personalToken, type RenderProps } from "../field-view";
import { asString, digitsOnly, trim } from "../normalize";
import { describedBy, Fieldset } from "../../ui/field";
import { wrapperProps } from "./shell";
import type { AddressDef } from "./address.rules";

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

export type AddressValue = { postalCode: string; prefecture: string; city: string; town: string; building: string };

/**
 * What the last 「住所を検索」 found, kept with the working answer only (normalize drops it): the page that comes back
 * says it, and offers the 町域 when a code has several.
 */
export type PostalLookup = { status: "found" | "several" | "notFound" | "invalid"; code: string; matches: PostalAddress[] };

/** The resource route the browser asks while the resident types (the list itself stays on the server). */
export const postalCodeUrl = (code: string) => `/api/postal-codes/${code}`;

export const isPrefecture = (p: string): p is (typeof PREFECTURES)[number] => (PREFECTURES as readonly string[]).includes(p);

/**
 * The 町域 a lookup found, joined with what the resident typed: a 番地 typed first ("1-2-3") is kept after it, a town
 * that already starts with it is kept whole, and anything else is replaced (the resident looked up another code).
 */
export function fillTown(current: string, found: string): string {
  if (!found) return current;
  if (current.startsWith(found)) return current;
  return /^[0-9０-９]/.test(current) ? `${found}${current}` : found;
}

/** Several 町域: the 都道府県 and 市区町村 they share are filled in already. */
export function applyShared(v: AddressValue, matches: PostalAddress[]): AddressValue {
  const [first] = matches;
  if (!first) return v;
  const samePrefecture = matches.every((m) => m.prefecture === first.prefecture);
  const sameCity = samePrefecture && matches.every((m) => m.city === first.city);
  return {
    ...v,
    prefecture: samePrefecture && isPrefecture(first.prefecture) ? first.prefecture : v.prefecture,
    city: sameCity ? first.city : v.city,
  };
}

const postalLookupOf = (value: unknown): PostalLookup | undefined => {
  const l = (value as { postalLookup?: PostalLookup } | undefined)?.postalLookup;
  return l && typeof l.status === "string" && Array.isArray(l.matches) ? l : undefined;
};

const joined = (a: PostalAddress) => `${a.prefecture}${a.city}${a.town}`;

/** 郵便番号, 都道府県, 市区町村, 町域・番地, 方書 (building and room), each with its autocomplete token. */
export const addressView = defineFieldView<AddressDef>({
  type: "address",
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
  format: (v) => {
    const a = v as AddressValue;
    const postal = a.postalCode ? `〒${a.postalCode.slice(0, 3)}-${a.postalCode.slice(3)} ` : "";
    return `${postal}${a.prefecture}${a.city}${a.town}${a.building ? ` ${a.building}` : ""}`;
  },
  firstInputId: (id, _def, part) => `${id}-${part ?? "postalCode"}`,
  Render: (props) => <AddressInput {...props} />,
});

function AddressInput({ def, id, name, value, error, required, lng, t, forSomeoneElse }: RenderProps<AddressDef>) {
  const v = (value ?? {}) as Record<string, string>;
  const [found, setFound] = useState<PostalLookup | undefined>(() => postalLookupOf(value));
  const lastCode = useRef(found?.code ?? asString(v.postalCode));
  const moveFocus = useRef<string | null>(null);
  const ref = (key: string) => () => document.getElementById(`${id}-${key}`) as HTMLInputElement | HTMLSelectElement | null;
  const [postalCodeInput, prefectureInput, cityInput, townInput] = [ref("postalCode"), ref("prefecture"), ref("city"), ref("town")];
  // Commands reach fields at the top of a step; inside a group the lookup runs only in the browser, as one types.
  const hasButton = name === def.name;

  useEffect(() => {
    if (!moveFocus.current) return;
    document.getElementById(`${id}-${moveFocus.current}`)?.focus();
    moveFocus.current = null;
  }, [found, id]);

  /**
   * Puts an address into the inputs. As one types (`overwrite` false) only blank parts are filled, so neither the
   * browser's autofill nor what the resident already typed is replaced; the button and a chosen 町域 replace.
   * Returns whether anything changed.
   */
  const fill = (a: PostalAddress, overwrite: boolean): boolean => {
    let changed = false;
    const set = (el: HTMLInputElement | HTMLSelectElement | null, to: string) => {
      // As one types, nothing is written into the part the resident is in: an answer that comes late would land under
      // their cursor, and the city found and the city typed would run together.
      if (!el || !to || el.value === to || (!overwrite && (el.value !== "" || el === document.activeElement))) return;
      el.value = to;
      changed = true;
    };
    if (isPrefecture(a.prefecture)) set(prefectureInput(), a.prefecture);
    set(cityInput(), a.city);
    const tw = townInput();
    if (tw) set(tw, overwrite ? fillTown(tw.value, a.town) : a.town);
    return changed;
  };

  /** Looks the code up through the resource route; false when the browser could not ask (the form then posts). */
  const lookUp = async (code: string, explicit: boolean): Promise<boolean> => {
    if (!/^\d{7}$/.test(code)) {
      setFound({ status: "invalid", code, matches: [] });
      return true;
    }
    let matches: PostalAddress[];
    try {
      const res = await fetch(postalCodeUrl(code), { headers: { Accept: "application/json" } });
      if (!res.ok) return false;
      matches = ((await res.json()) as { addresses: PostalAddress[] }).addresses;
    } catch {
      return false;
    }
    if (matches.length === 1) {
      // Typed over an address already there: nothing changes, so nothing is announced (and no earlier news stays).
      if (!fill(matches[0]!, explicit) && !explicit) {
        setFound(undefined);
        return true;
      }
    } else if (matches.length > 1) {
      if (!explicit && townInput()?.value) {
        setFound(undefined);
        return true;
      }
      const shared = applyShared({ postalCode: code, prefecture: "", city: "", town: "", building: "" }, matches);
      fill({ prefecture: shared.prefecture, city: shared.city, town: "" }, explicit);
    }
    if (explicit) moveFocus.current = matches.length === 1 ? "town" : matches.length > 1 ? "match-0" : "postalCode";
    setFound({ status: matches.length === 1 ? "found" : matches.length > 1 ? "several" : "notFound", code, matches });
    return true;
  };

  const onPostalInput = (raw: string) => {
    const code = digitsOnly(raw).replace(/^〒/, "");
    if (!/^\d{7}$/.test(code) || code === lastCode.current) return;
    lastCode.current = code;
    void lookUp(code, false);
  };

  // A code typed before the page's scripts ran (a slow phone) is looked up once they run, as if typed then.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the field first runs in the browser
  useEffect(() => onPostalInput(asString(postalCodeInput()?.value)), []);

  const onLookup = (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    const button = event.currentTarget;
    const code = digitsOnly(asString(postalCodeInput()?.value)).replace(/^〒/, "");
    lastCode.current = code;
    void lookUp(code, true).then((done) => {
      if (!done) button.form?.requestSubmit(button);
    });
  };

  const onChoose = (event: MouseEvent<HTMLButtonElement>, a: PostalAddress) => {
    event.preventDefault();
    fill(a, true);
    moveFocus.current = "town";
    setFound({ status: "found", code: found?.code ?? "", matches: [a] });
  };

  const status =
    found?.status === "found"
      ? t("field.address.found", { address: joined(found.matches[0]!) })
      : found?.status === "several"
        ? t("field.address.several", { count: found.matches.length })
        : found?.status === "notFound"
          ? t("field.address.notFound")
          : found?.status === "invalid"
            ? t("field.address.invalid")
            : "";

  const input = (key: keyof AddressValue, token: string, extra: Record<string, string> = {}, cls = "") => (
    <div className="field field--nested">
      <label htmlFor={`${id}-${key}`} className="date-input__label">
        {t(`field.address.${key}`)} {key === "building" ? <span className="tag">{t("field.optional")}</span> : null}
      </label>
      <input
        id={`${id}-${key}`}
        name={`${name}[${key}]`}
        className={`input ${cls}`}
        defaultValue={asString(v[key])}
        autoComplete={personalToken({ forSomeoneElse }, token)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, def.hint, error)}
        {...extra}
      />
    </div>
  );
  return (
    <Fieldset {...wrapperProps({ id, def, error, required, lng, t })}>
      <div className="field field--nested">
        <label htmlFor={`${id}-postalCode`} className="date-input__label">
          {t("field.address.postalCode")}
        </label>
        <p className="field__hint" id={`${id}-postalCode-hint`}>
          {t(hasButton ? "field.address.postalCodeHintLookup" : "field.address.postalCodeHint")}
        </p>
        <div className="postal-code">
          <input
            id={`${id}-postalCode`}
            name={`${name}[postalCode]`}
            className="input input--medium"
            defaultValue={asString(v.postalCode)}
            autoComplete={personalToken({ forSomeoneElse }, "postal-code")}
            inputMode="numeric"
            aria-invalid={error ? true : undefined}
            aria-describedby={[describedBy(id, def.hint, error), `${id}-postalCode-hint`].filter(Boolean).join(" ")}
            onInput={(e) => onPostalInput(e.currentTarget.value)}
          />
          {hasButton ? (
            <button type="submit" name="_action" value={`lookup:${name}`} className="button button--secondary" formNoValidate onClick={onLookup}>
              {t("field.address.lookup")}
            </button>
          ) : null}
        </div>
        <p className="postal-code__status" role="status" id={`${id}-lookup-status`}>
          {status}
        </p>
        {found?.status === "several" ? (
          <ul className="postal-code__matches" aria-label={t("field.address.matches")}>
            {found.matches.map((a, i) => (
              <li key={joined(a)}>
                <button
                  type="submit"
                  id={`${id}-match-${i}`}
                  name="_action"
                  value={`choose:${name}:${i}`}
                  className="button button--secondary button--small"
                  formNoValidate
                  onClick={(e) => onChoose(e, a)}
                >
                  {a.town ? joined(a) : t("field.address.townNotListed", { address: joined(a) })}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
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
}
