import type { i18n as I18n } from "i18next";

/** Far more keys than the locales have, and languages × namespaces × prefixes: what comes from input cannot grow them. */
const KEPT_KEYS = 5_000;
const KEPT_FUNCTIONS = 200;

/**
 * Keeps the answers of an i18next instance's t() called with a key alone. i18next works each call out anew (options,
 * interpolation, nesting, post-processing: about 6 µs), and a page makes some forty calls, most of them with a key
 * alone, whose answer depends only on the language, namespace, prefix and key. The server's translations are read once
 * and never change; should they ever be added to, the kept answers are dropped. Calls with options are not kept: their
 * values can be a resident's data.
 */
export function memoizeT<T extends I18n>(instance: T): T {
  type AnyT = ((...args: unknown[]) => unknown) & { lng?: unknown; ns?: unknown; keyPrefix?: unknown };
  const getFixedT = instance.getFixedT.bind(instance) as unknown as (lng: unknown, ns?: unknown, keyPrefix?: unknown) => AnyT;
  const answers = new Map<string, Map<string, unknown>>();
  // Emptied in place: a t() already handed out (a render under way) keeps its map.
  const forget = () => answers.forEach((kept) => kept.clear());
  instance.store.on("added", forget);
  instance.store.on("removed", forget);
  const memoized = (lng: unknown, ns?: unknown, keyPrefix?: unknown): AnyT => {
    const t = getFixedT(lng, ns, keyPrefix);
    const id = JSON.stringify([lng ?? instance.language, ns ?? null, keyPrefix ?? null]);
    let kept = answers.get(id);
    if (!kept && answers.size < KEPT_FUNCTIONS) answers.set(id, (kept = new Map()));
    if (!kept) return t;
    const keptT = (key: unknown, ...rest: unknown[]) => {
      if (rest.length > 0 || typeof key !== "string") return t(key, ...rest);
      if (kept.has(key)) return kept.get(key);
      const answer = t(key);
      if (kept.size < KEPT_KEYS) kept.set(key, answer);
      return answer;
    };
    return Object.assign(keptT, { lng: t.lng, ns: t.ns, keyPrefix: t.keyPrefix });
  };
  instance.getFixedT = memoized as unknown as I18n["getFixedT"];
  return instance;
}
