/**
 * The trivial Remix page `npm run bench` measures madoguchi against (issue 13 point 8): the same Remix, React and
 * Express from the same node_modules, one route with a loader, nothing else. Built by scripts/bench-pages.ts.
 * @type {import('@remix-run/dev').AppConfig}
 */
export default {
  serverBuildPath: "build/index.js",
  serverModuleFormat: "esm",
  serverPlatform: "node",
  future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true, v3_singleFetch: true },
};
