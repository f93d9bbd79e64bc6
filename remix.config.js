import { flatRoutes } from "remix-flat-routes";

// Test files and server-only modules may sit next to the routes they belong to.
const notRoutes = ["**/.*", "**/*.test.*", "**/*.server.*"];

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  // Routes come from remix-flat-routes below, not from Remix's own convention:
  // app/routes is grouped in folders such as `_staff+/`. A folder whose name
  // starts with "_" and ends with "+" only groups files; the file name alone
  // is the route, in Remix's flat-routes convention, so
  // `_staff+/staff.matches._index.tsx` is /staff/matches.
  ignoredRouteFiles: ["**/*"],
  routes: (defineRoutes) => flatRoutes("routes", defineRoutes, { ignoredRouteFiles: notRoutes }),
  serverModuleFormat: "esm",
  serverPlatform: "node",
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: false,
  },
};
