import { useTranslation } from "react-i18next";
import type { ClosedProcedure } from "../journey/closed.server";

/** What a resident with a draft on a retired procedure reads: it has closed, the draft cannot be sent, whom to ask. */
export function ClosedNotice({ closed, headingLevel = 2 }: { closed: ClosedProcedure; headingLevel?: 1 | 2 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 1 ? "h1" : "h2";
  const { contact } = closed;
  return (
    <section className="warning" aria-labelledby="closed-title">
      <Heading id="closed-title">{t("journey.closed.title", { title: closed.title })}</Heading>
      <p>{t("journey.closed.body")}</p>
      <p>{t("journey.closed.whatToDo")}</p>
      <p>
        {t("journey.closed.contact", { department: contact.department, phone: contact.phone, hours: contact.hours })}
        {contact.email ? (
          <>
            <br />
            <a href={`mailto:${contact.email}`}>{contact.email}</a>
          </>
        ) : null}
      </p>
    </section>
  );
}
