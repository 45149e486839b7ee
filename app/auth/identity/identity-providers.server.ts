import { getEnv } from "../../env.server";
import { demoProvider } from "./demo.server";
import type { IdentityProvider } from "./provider.server";

/** Every identity provider the build knows; each decides from the environment whether it is on. */
const providers: IdentityProvider[] = [demoProvider];

export function enabledProviders(): IdentityProvider[] {
  const env = getEnv();
  return providers.filter((p) => p.isEnabled(env));
}

export function getEnabledProvider(id: string): IdentityProvider | undefined {
  return enabledProviders().find((p) => p.id === id);
}
