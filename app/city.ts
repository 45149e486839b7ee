import { z } from "zod";

/**
 * The city that runs this portal: its name, prefecture, 地方公共団体コード, the site's name and whom residents contact.
 * Nothing in app code names a city; this configuration (app/city.server.ts reads it) does.
 */

/** Text residents read: Japanese always, English when the city translated it (otherwise Japanese is shown). */
const text = z.string().trim().min(1, "must not be empty");
export const cityText = z.strictObject({ ja: text, en: text.optional() });
export type CityText = z.infer<typeof cityText>;

/**
 * The check digit of a 全国地方公共団体コード (総務省): the five digits weighted 6, 5, 4, 3, 2 from the left, summed;
 * the last digit of 11 minus the sum's remainder modulo 11 (so remainder 0 gives 1 and remainder 1 gives 0).
 */
export function localGovernmentCheckDigit(fiveDigits: string): number {
  if (!/^\d{5}$/.test(fiveDigits)) throw new Error(`not five digits: ${fiveDigits}`);
  const sum = [...fiveDigits].reduce((s, d, i) => s + Number(d) * (6 - i), 0);
  return (11 - (sum % 11)) % 10;
}

const localGovernmentCode = z
  .string()
  .regex(/^\d{6}$/, "must be the 6-digit 地方公共団体コード (5 digits and the check digit)")
  .superRefine((code, ctx) => {
    if (!/^\d{6}$/.test(code)) return;
    const expected = localGovernmentCheckDigit(code.slice(0, 5));
    if (Number(code[5]) !== expected) ctx.addIssue({ code: "custom", message: `wrong check digit: ${code.slice(0, 5)} needs ${expected}` });
  });

export const citySchema = z.strictObject({
  /** 市区町村名 as in an address (まち・むら included), e.g. the part after the prefecture. */
  name: cityText,
  prefecture: cityText,
  localGovernmentCode,
  /** The site's name in the header and every page title. */
  siteName: cityText,
  /** Where residents ask about an application (shown after submitting). */
  contact: z.strictObject({
    department: cityText,
    phone: z.string().regex(/^[0-9０-９-]{6,20}$/, "must be a phone number of digits and hyphens"),
    hours: cityText,
    email: z.email().optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
  }),
});
export type City = z.infer<typeof citySchema>;

/** The city's texts in one language, for display (falls back to Japanese). */
export function cityTexts(city: City, lng: string) {
  // Other languages than Japanese take the English name (Latin letters are read by every one of them), else Japanese.
  const pick = (t: CityText) => (lng === "ja" ? t.ja : (t.en ?? t.ja));
  return {
    name: pick(city.name),
    prefecture: pick(city.prefecture),
    siteName: pick(city.siteName),
    contact: {
      department: pick(city.contact.department),
      phone: city.contact.phone,
      hours: pick(city.contact.hours),
      ...(city.contact.email ? { email: city.contact.email } : {}),
      ...(city.contact.url ? { url: city.contact.url } : {}),
    },
  };
}
export type CityTexts = ReturnType<typeof cityTexts>;
