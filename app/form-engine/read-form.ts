type Tree = Record<string, unknown>;
const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Puts one posted value where the server's parse (qs) puts it: `guardians[0][certificate]` → guardians.0.certificate,
 * a numbered part making a list (a person's own page posts `persons[2][…]` alone, and it keeps its place), a name
 * posted twice making a list (checkboxes). A chosen file beside files already kept (`{ keep }`) goes under `files`.
 * The browser reads its own form this way to show a follow-up question; the server parses posts with qs.
 */
function place(tree: Tree, key: string, value: unknown) {
  const path = key.replace(/\]/g, "").split("[");
  if (path.some((p) => FORBIDDEN.has(p))) return;
  // `keep[]`: an empty last part adds to the list the name before it names (the files a field keeps).
  const list = path.length > 1 && path.at(-1) === "";
  if (list) path.pop();
  const last = path.pop()!;
  let node = tree;
  path.forEach((part, i) => {
    if (typeof node[part] !== "object" || node[part] === null) node[part] = /^\d+$/.test(path[i + 1] ?? last) ? [] : {};
    node = node[part] as Tree;
  });
  const current = node[last];
  const isFile = typeof value === "object";
  if (current === undefined || (isFile && current === "")) node[last] = list ? [value] : value;
  else if (Array.isArray(current)) current.push(value);
  else if (isFile && typeof current === "object" && current !== null && !("pending" in current))
    (current as Tree).files = [...(((current as Tree).files as unknown[]) ?? []), value];
  else node[last] = [current, value];
}

/** What a form holds, shaped like the server's parse (files as pending descriptors). */
export function readFormData(data: FormData): Record<string, unknown> {
  const tree: Tree = {};
  const files: [string, unknown][] = [];
  for (const [k, v] of data.entries()) {
    if (typeof v === "string") place(tree, k, v);
    else if (v.size > 0) files.push([k, { pending: true, name: v.name, type: v.type, size: v.size }]);
  }
  for (const [k, file] of files) place(tree, k, file);
  return tree;
}

/** The browser's view of a step form. */
export const readForm = (form: HTMLFormElement) => readFormData(new FormData(form));
