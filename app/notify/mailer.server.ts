/**
 * The SMTP transport (nodemailer), configured by SMTP_URL and MAIL_FROM. Without SMTP_URL no mail is sent: notices
 * are not even queued (a later configuration must not send old news), and that is logged once.
 */
import { log } from "../log.server";
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "../env.server";

export type MailSettings = { url: string; from: string };
export type Mail = { to: string; subject: string; text: string };

let override: MailSettings | null | undefined;
let transport: { url: string; transporter: Transporter } | undefined;
let toldOff = false;

/** Tests point the mailer at their own SMTP server (or switch it off); `undefined` returns to the environment. */
export function setMailSettings(settings: MailSettings | null | undefined) {
  override = settings;
  transport?.transporter.close();
  transport = undefined;
}

function settings(): MailSettings | null {
  if (override !== undefined) return override;
  const env = getEnv();
  return env.SMTP_URL ? { url: env.SMTP_URL, from: env.MAIL_FROM } : null;
}

/** Whether e-mail notices can be sent at all. */
export function mailEnabled(): boolean {
  const on = settings() !== null;
  if (!on && !toldOff) {
    toldOff = true;
    log.info("SMTP_URL is not set: no e-mail notices are sent.");
  }
  return on;
}

/** Sends one plain-text mail; throws when the server refuses it or cannot be reached. */
export async function sendMail(mail: Mail): Promise<void> {
  const s = settings();
  if (!s) throw new Error("SMTP_URL is not set");
  if (transport?.url !== s.url) {
    transport?.transporter.close();
    // Short timeouts: a slow mail server delays a retry, never a resident's page (delivery runs after the response).
    transport = {
      url: s.url,
      transporter: nodemailer.createTransport({ url: s.url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }),
    };
  }
  await transport.transporter.sendMail({ from: s.from, to: mail.to, subject: mail.subject, text: mail.text });
}
