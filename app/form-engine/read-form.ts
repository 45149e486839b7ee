import qs from "qs";

/** The browser's view of a step form, shaped like the server's parse (files as pending descriptors). */
export function readForm(form: HTMLFormElement): Record<string, unknown> {
  const params = new URLSearchParams();
  const files: Record<string, unknown> = {};
  for (const [k, v] of new FormData(form).entries()) {
    if (typeof v === "string") params.append(k, v);
    else if (v.size > 0) files[k] = { pending: true, name: v.name, type: v.type, size: v.size };
  }
  return { ...(qs.parse(params.toString(), { depth: 6, arrayLimit: 100 }) as Record<string, unknown>), ...files };
}
