/** Translations for tests and benchmarks: the app's own resources and options, in a fixed language. */
import i18next, { type TFunction } from "i18next";
import { i18nConfig, type Language } from "../i18n/config";
import { resources } from "../i18n/resources";

const instance = i18next.createInstance({ ...i18nConfig, resources, lng: "ja" });
// With its resources given and initImmediate off, init finishes before it returns: no await, no beforeAll.
void instance.init({ initImmediate: false });

export const testT = (lng: Language = "ja"): TFunction => instance.getFixedT(lng);
