/** Translations for tests and benchmarks: the app's own resources and options, in a fixed language. */
import type { TFunction } from "i18next";
import { getFixedT } from "../i18n/i18next.server";
import { catalogueOfServer } from "../i18n/languages.server";

export const testT = (lng = "ja"): TFunction => getFixedT(lng);

/** A language's interface texts as its locale file has them (no city, no fallback). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests walk these freely
export const localeTexts = (lng: string): Record<string, any> => catalogueOfServer().texts[lng]!;
