/** The HTML id of an editor input from its form name ("p.label.ja" → "q-p-label-ja"): ids allow no dots in CSS. */
export const inputId = (name: string) => `q-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
