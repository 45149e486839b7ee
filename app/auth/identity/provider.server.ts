/**
 * Identity providers for residents. A city plugs in its own (マイナンバーカード via JPKI, or any OIDC provider)
 * by writing one module that implements `IdentityProvider` and listing it in `registry.server.ts`.
 *
 * The flow is the same for every provider:
 *   /login                          lists the enabled providers (links to each `startPath`)
 *   startPath                        the provider's own page or a redirect to its authorisation endpoint
 *   /login/:provider/callback        GET or POST back from the provider → `complete` → session → redirect
 */
import type { Env } from "../../env.server";

/** What a provider asserts about a person (基本4情報 and links into the city's records when known). */
export type ResidentIdentity = {
  provider: string;
  /** The provider's stable identifier of the person. */
  subject: string;
  name: string;
  nameKana?: string | null;
  birthDate?: string | null;
  sex?: string | null;
  address?: string | null;
  /** 住民記録 person id, for current residents. */
  personId?: string | null;
  /** Pending move-in person id, for people moving in. */
  moveInPersonId?: string | null;
};

export type SignInResult = { ok: true; identity: ResidentIdentity; redirectTo?: string } | { ok: false; errorKey: string };

export interface IdentityProvider {
  id: string;
  /** i18n keys for the sign-in chooser. */
  labelKey: string;
  descriptionKey: string;
  isEnabled(env: Env): boolean;
  /** Where the sign-in starts (an absolute path of ours). */
  startPath: string;
  /** Verifies the provider's answer (the callback request) and returns who signed in. */
  complete(request: Request): Promise<SignInResult>;
}
