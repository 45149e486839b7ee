/**
 * What checking a definition finds, for the builder, the JSON view, import and publishing: where (the JSON path, and
 * the line in a text when there is one; the step and question it belongs to) and what (an i18n key with parameters).
 * Errors block publishing; warnings are shown and do not.
 */
export type Finding = {
  rule: string;
  severity: "error" | "warning";
  path: (string | number)[];
  line?: number;
  column?: number;
  stepId?: string;
  fieldName?: string;
  message: { key: string; params?: Record<string, string | number> };
};

export const blocksPublishing = (findings: Finding[]) => findings.some((f) => f.severity === "error");
