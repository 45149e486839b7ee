/** A local SMTP server for tests (smtp-server on 127.0.0.1, a free port): the mails that arrive, decoded. */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { setMailSettings } from "../notify/mailer.server";

export type ReceivedMail = { to: string[]; subject: string; text: string };

/** Decodes MIME encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=) in a header. */
function decodeHeader(value: string): string {
  return value.replace(/\s*\r?\n\s+/g, " ").replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
    enc.toLowerCase() === "b"
      ? Buffer.from(data, "base64").toString("utf8")
      : Buffer.from(
          data.replace(/_/g, " ").replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
          "latin1",
        ).toString("utf8"),
  );
}

function decodeBody(headers: string, body: string): string {
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

function parse(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf("\r\n\r\n");
  const headers = raw.slice(0, split);
  const subject = /^subject:(.*(?:\r?\n[ \t].*)*)/im.exec(headers)?.[1]?.trim() ?? "";
  return { to, subject: decodeHeader(subject), text: decodeBody(headers, raw.slice(split + 4)).replace(/\r\n/g, "\n") };
}

/** Starts the server and points the mailer at it; `stop()` closes it and switches mail off again. */
export async function startSmtpServer() {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push(
          parse(
            Buffer.concat(chunks).toString("latin1"),
            session.envelope.rcptTo.map((r) => r.address),
          ),
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  setMailSettings({ url: `smtp://127.0.0.1:${port}`, from: "まどぐち市 <noreply@city.madoguchi.example>" });
  return {
    mails,
    port,
    stop: () => {
      setMailSettings(undefined);
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
