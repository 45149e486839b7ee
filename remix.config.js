/** @type {import('@remix-run/dev').AppConfig} */
export default {
  // The Express server (CSRF check, security headers, static files) is compiled together with the app
  // so it can share typed modules (env, database, migrations) with the routes.
  server: "./app/server.ts",
  serverBuildPath: "build/index.js",
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // Its name lists are JSON files, which Node's ESM loader would only import with an attribute: compiled in instead.
  serverDependenciesToBundle: [/^i18n-iso-countries\//],
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
