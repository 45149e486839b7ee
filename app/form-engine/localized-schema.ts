import { z } from "zod";
import type { LocalizedText } from "./localized";

/** A text of a definition (localized.ts): a plain Japanese string or { ja, en, … } with ja required, none empty. */
export const localizedText: z.ZodType<LocalizedText> = z.union([z.string().min(1), z.object({ ja: z.string().min(1) }).catchall(z.string().min(1))]);
