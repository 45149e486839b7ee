/**
 * The texts of e-mail notices, in the language of the submission. Plain text with only what the resident needs to
 * recognise and act on it: the procedure, the 受付番号, the status, the city's message where there is one, a link and
 * the city's contact. No answers, no names: a mail may be read by others or forwarded.
 */
import type { NoticeKind } from "../../db/schema";
import { getEnv } from "../env.server";
import { localize } from "../form-engine/localized";
import { getFixedT } from "../i18n/i18next.server";
import { keepReadings, withReadingsOf } from "../i18n/ruby";
import { getFormVersion } from "../procedures/store.server";
import type { Mail } from "./mailer.server";

/** What a notice's text needs; kept with the notice in the outbox. */
export type NoticeParams = {
  /** The procedure's published version (its title is shown as the resident saw it). */
  formVersionId: number;
  receiptNumber?: string;
  /** The city's message to the resident: the 補正依頼 or the reason of a 却下. */
  message?: string;
  /** A path on this site (My page, a resume link); made absolute with PUBLIC_URL. */
  path?: string;
  /** For a resume link: how many hours it lasts. */
  hours?: string;
};

export function absoluteUrl(path: string): string {
  const env = getEnv();
  const base = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  return new URL(path, base).toString();
}

export async function noticeMail(kind: NoticeKind, to: string, language: string, p: NoticeParams): Promise<Mail> {
  const plain = getFixedT(language);
  // A mail is plain text: やさしい日本語's ふりがな go in parentheses after their kanji (受付（うけつけ）), not lost.
  const t = (key: string, options: Record<string, string> = {}) => withReadingsOf(plain(key, { ...options, ...keepReadings }));
  const title = getFormVersion(p.formVersionId)?.definition.title;
  const vars = { procedure: title ? withReadingsOf(localize(title, language).marked) : "", receipt: p.receiptNumber ?? "", hours: p.hours ?? "" };
  const lines = [t(`notice.${kind}.body`, vars), ""];
  if (p.receiptNumber) lines.push(t("notice.receiptLine", vars), t("notice.procedureLine", vars));
  if (kind !== "resume_link") lines.push(t("notice.statusLine", { status: t(`status.${kind}`) }));
  if (p.message) lines.push("", t(`notice.${kind}.messageTitle`), p.message);
  if (p.path) lines.push("", t(kind === "resume_link" ? "notice.resume_link.linkLine" : "notice.linkLine"), absoluteUrl(p.path));
  else if (kind !== "resume_link") lines.push("", t("notice.noLink"));
  lines.push("", t("notice.contact"), "", t("notice.footer"));
  return { to, subject: plain(`notice.${kind}.subject`, { ...vars, procedure: title ? localize(title, language).text : "" }), text: lines.join("\n") };
}
