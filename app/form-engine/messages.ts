/**
 * Validation messages travel as i18n keys with parameters, encoded in zod's message string
 * ("validation.tooLong|{\"max\":50}"), and are translated where they are shown, in the reader's language.
 */
export type Message = { key: string; params?: Record<string, string | number> };

export const msg = (key: string, params?: Record<string, string | number>) => (params ? `${key}|${JSON.stringify(params)}` : key);

export function decodeMessage(encoded: string): Message {
  const bar = encoded.indexOf("|");
  if (bar < 0) return { key: encoded };
  return { key: encoded.slice(0, bar), params: JSON.parse(encoded.slice(bar + 1)) as Message["params"] };
}
