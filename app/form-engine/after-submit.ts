import type { TFunction } from "i18next";
import { evaluate } from "./conditions";
import { afterSubmitItem, type FormDefinition } from "./definition";
import type { Answers } from "./engine";
import { getFieldType } from "./field-types";
import { localize } from "./localized";

/**
 * What happens next, for these answers (the receipt page): the definition's afterSubmit items whose condition
 * holds, with {{name}} replaced by that answer as the check page shows it, and the language each is in.
 */
export function nextSteps(definition: FormDefinition, answers: Answers, lng: string, t: TFunction): { text: string; lang: string }[] {
  const fields = new Map(definition.steps.flatMap((s) => s.fields).map((f) => [f.name, f]));
  const answer = (name: string) => {
    const def = fields.get(name);
    const type = def && getFieldType(def.type);
    return type && !type.isEmpty(answers[name]) ? type.format(answers[name], def, lng, t) : "";
  };
  return definition.afterSubmit.flatMap((item) => {
    const { text, showIf } = afterSubmitItem(item);
    if (!evaluate(showIf, { answers })) return [];
    const line = localize(text, lng);
    return [{ text: line.text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => answer(name)), lang: line.lang }];
  });
}
