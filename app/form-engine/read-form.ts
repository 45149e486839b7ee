import qs from "qs";

type Tree = Record<string, unknown>;

/**
 * Puts a chosen file where the server's parse puts its answer (`guardians[0][certificate]` → guardians.0.certificate):
 * several files of one input become a list; next to files already kept (`{ keep }`) they go under `files`.
 */
function placeFile(tree: Tree, key: string, file: unknown) {
  const path = key.replace(/\]/g, "").split("[");
  if (path.some((p) => p === "__proto__" || p === "constructor" || p === "prototype")) return;
  const last = path.pop()!;
  let node = tree;
  for (const part of path) {
    if (typeof node[part] !== "object" || node[part] === null) node[part] = {};
    node = node[part] as Tree;
  }
  const current = node[last];
  if (current === undefined || current === "") node[last] = file;
  else if (Array.isArray(current)) current.push(file);
  else if (typeof current === "object" && current !== null && "pending" in current) node[last] = [current, file];
  else if (typeof current === "object" && current !== null) (current as Tree).files = [...(((current as Tree).files as unknown[]) ?? []), file];
}

/** The browser's view of a step form, shaped like the server's parse (files as pending descriptors). */
export function readForm(form: HTMLFormElement): Record<string, unknown> {
  const params = new URLSearchParams();
  const files: [string, unknown][] = [];
  for (const [k, v] of new FormData(form).entries()) {
    if (typeof v === "string") params.append(k, v);
    else if (v.size > 0) files.push([k, { pending: true, name: v.name, type: v.type, size: v.size }]);
  }
  // Sparse: a person's own page sends one item (`persons[2][…]`), which must keep its place.
  const tree = qs.parse(params.toString(), { depth: 6, arrayLimit: 100, allowSparse: true }) as Tree;
  for (const [k, file] of files) placeFile(tree, k, file);
  return tree;
}
