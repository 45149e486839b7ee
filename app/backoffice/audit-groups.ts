/**
 * The audit list as a clerk reads it: consecutive 「内容を表示」 by the same person are one line with a count, so
 * opening a case again (or reloading it) does not push the other entries away. Every view is still in the log.
 */
export type AuditLine = { id: number; at: string; actor: string; action: string };
export type AuditGroup = AuditLine & { count: number; firstAt: string };

/** Actions that repeat on every visit and say nothing new when repeated. */
const COLLAPSED = new Set(["submission.viewed"]);

/** Groups a newest-first list; a group keeps its newest entry's id and time and its oldest time. */
export function groupAudit(lines: AuditLine[]): AuditGroup[] {
  const out: AuditGroup[] = [];
  for (const line of lines) {
    const last = out.at(-1);
    if (last && COLLAPSED.has(line.action) && last.action === line.action && last.actor === line.actor) {
      last.count += 1;
      last.firstAt = line.at;
    } else out.push({ ...line, count: 1, firstAt: line.at });
  }
  return out;
}
