import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLanguage } from "../i18n/languages.server";
import { serverResources } from "../i18n/resources.server";

/** Translations for the browser's i18next (entry.client.tsx). */
export function loader({ params }: LoaderFunctionArgs) {
  const lng = params.lng;
  if (!isLanguage(lng)) throw new Response("Not Found", { status: 404 });
  const namespaces: Record<string, unknown> = serverResources()[lng]!;
  const ns = params.ns ?? "";
  // Own keys only: "constructor" is in every object.
  if (!Object.hasOwn(namespaces, ns)) throw new Response("Not Found", { status: 404 });
  return Response.json(namespaces[ns], { headers: { "Cache-Control": "public, max-age=300" } });
}
