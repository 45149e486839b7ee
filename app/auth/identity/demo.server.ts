/**
 * Demonstration identity provider: a page lists the seeded residents and pending movers, and a click signs in
 * as that person. Only enabled with DEMO on; it proves nothing about who is at the keyboard.
 */
import { formatAddress, fullName, fullNameKana, getPendingMover, getRegistryPerson, previousAddressOf } from "../../residents/resident-records.server";
import type { IdentityProvider, ResidentIdentity } from "./provider.server";
import { readFormBody } from "../../security/form-body.server";

export const DEMO_PROVIDER_ID = "demo";

/** Resolves a demo subject (`registry:<person id>` or `move-in:<mover id>`) to the identity a real card would assert. */
export function demoIdentity(subject: string): ResidentIdentity | null {
  const [kind, id] = subject.split(":", 2);
  if (!id) return null;
  if (kind === "registry") {
    const row = getRegistryPerson(id);
    if (!row) return null;
    return {
      provider: DEMO_PROVIDER_ID,
      subject,
      name: fullName(row.person),
      nameKana: fullNameKana(row.person),
      birthDate: row.person.birthDate,
      sex: row.person.sex,
      address: formatAddress(row.household),
      personId: row.person.id,
    };
  }
  if (kind === "move-in") {
    const row = getPendingMover(id);
    if (!row) return null;
    // Before the 転入 is done, the card still carries the previous address.
    return {
      provider: DEMO_PROVIDER_ID,
      subject,
      name: fullName(row.person),
      nameKana: fullNameKana(row.person),
      birthDate: row.person.birthDate,
      sex: row.person.sex,
      address: formatAddress(previousAddressOf(row.moveIn)),
      moveInPersonId: row.person.id,
    };
  }
  return null;
}

export const demoProvider: IdentityProvider = {
  id: DEMO_PROVIDER_ID,
  labelKey: "login.demo.providerLabel",
  descriptionKey: "login.demo.providerDescription",
  startPath: "/login/demo",
  isEnabled: (env) => env.DEMO,
  async complete(request) {
    if (request.method !== "POST") return { ok: false, errorKey: "login.errors.failed" };
    const form = await readFormBody(request);
    const subject = form.get("subject");
    const identity = typeof subject === "string" ? demoIdentity(subject) : null;
    if (!identity) return { ok: false, errorKey: "login.errors.unknownPerson" };
    const redirectTo = form.get("redirectTo");
    return { ok: true, identity, redirectTo: typeof redirectTo === "string" ? redirectTo : undefined };
  },
};
