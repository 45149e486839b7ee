/** The rules of the address field type (its definition's meta-schema, the answer's schema …): the server's part. */
import { z } from "zod";
import { baseField, defineFieldType, type CommandContext, type PostalAddress } from "../field-type";
import { msg } from "../messages";
import { PREFECTURES, type AddressValue, isPrefecture, fillTown, applyShared, addressView } from "./address";

const definition = z.object({ ...baseField, type: z.literal("address") }).strict();
export type AddressDef = z.infer<typeof definition>;

function applyAddress(v: AddressValue, a: PostalAddress): AddressValue {
  return { ...v, prefecture: isPrefecture(a.prefecture) ? a.prefecture : v.prefecture, city: a.city, town: fillTown(v.town, a.town) };
}

/** 「住所を検索」 and the choice of one 町域, on the server (no JavaScript) through the field's command hook. */
function lookup(v: AddressValue, ctx: CommandContext, chosen?: number): { value: unknown; focus: string } {
  const code = v.postalCode;
  if (!/^\d{7}$/.test(code)) return { value: { ...v, postalLookup: { status: "invalid", code, matches: [] } }, focus: "-postalCode" };
  const matches = ctx.lookupPostalCode(code);
  const pick = chosen === undefined ? (matches.length === 1 ? matches[0] : undefined) : matches[chosen];
  if (pick) return { value: { ...applyAddress(v, pick), postalLookup: { status: "found", code, matches: [pick] } }, focus: "-town" };
  if (matches.length === 0) return { value: { ...v, postalLookup: { status: "notFound", code, matches } }, focus: "-postalCode" };
  return { value: { ...applyShared(v, matches), postalLookup: { status: "several", code, matches } }, focus: "-match-0" };
}

export const addressField = defineFieldType(addressView, {
  definition,
  personalData: true,
  autocomplete: () => "street-address",
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
  command: (_def, value, verb, arg, ctx) => {
    const v = value as AddressValue;
    if (verb === "lookup") return lookup(v, ctx);
    if (verb === "choose" && /^\d{1,3}$/.test(arg ?? "")) return lookup(v, ctx, Number(arg));
    return undefined;
  },
});
