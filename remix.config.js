/** @type {import('@remix-run/dev').AppConfig} */
export default {
  // The Express server (CSRF check, security headers, static files) is compiled together with the app
  // so it can share typed modules (env, database, migrations) with the routes.
  server: "./app/server.ts",
  serverBuildPath: "build/index.js",
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // i18n-iso-countries: its name lists are JSON files, which Node's ESM loader would only import with an attribute.
  // drizzle-orm: Node reads its 179 KB package.json again for each of the 450 files it would load (ADR 0046).
  serverDependenciesToBundle: [/^i18n-iso-countries\//, /^drizzle-orm/],
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
