import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readRouteTree } from "./route-manifest";

// patches/@remix-run+router+1.23.3.patch makes the server match a URL only
// against the branches that can match its first segment (and keeps compiled
// patterns and ranked branches). The browser keeps the original code path,
// because a document exists there. This compares the two on the app's real
// route tree: every route's URL, with the variants a visitor can type, must
// pick the same routes with the same params.

type RouteNode = { id: string; path?: string; index?: boolean; children?: RouteNode[] };
type Match = { route: { id: string }; params: Record<string, string | undefined>; pathname: string };
type MatchRoutes = (routes: RouteNode[], location: string) => Match[] | null;

const require = createRequire(import.meta.url);
let serverMatch: MatchRoutes;
let browserMatch: MatchRoutes;
let tree: RouteNode[];

beforeAll(async () => {
  tree = readRouteTree(path.resolve("."));
  // The CommonJS copy is what the server loads; no document here, so it takes the patched path.
  serverMatch = (require("@remix-run/router") as { matchRoutes: MatchRoutes }).matchRoutes;
  // The ESM copy is a separate module instance; with a document it behaves as in the browser.
  (globalThis as { document?: unknown }).document = {};
  const browserRouter = path.resolve("node_modules/@remix-run/router/dist/router.js");
  browserMatch = ((await import(pathToFileURL(browserRouter).href)) as { matchRoutes: MatchRoutes }).matchRoutes;
}, 60_000);

afterAll(() => {
  delete (globalThis as { document?: unknown }).document;
});

function patterns(nodes: RouteNode[], parent = ""): string[] {
  return nodes.flatMap((node) => {
    const full = node.path ? `${parent}/${node.path}`.replace(/\/+/g, "/") : parent;
    return [full || "/", ...patterns(node.children ?? [], full)];
  });
}

function urlsFor(pattern: string): string[] {
  const filled = pattern.replace(/:[A-Za-z_]+\??/g, "x1").replace(/\*$/, "a/b");
  const withoutOptional = pattern.replace(/\/:[A-Za-z_]+\?/g, "").replace(/\*$/, "");
  return [filled, withoutOptional || "/", filled.toUpperCase(), `${filled}/`, `/${filled}`, `${filled}/extra`];
}

const shape = (matches: Match[] | null) =>
  matches?.map((m) => ({ id: m.route.id, params: m.params, pathname: m.pathname })) ?? null;

describe("server route matching (patched) agrees with the original", () => {
  it("picks the same routes and params for every URL of the app", { timeout: 60_000 }, () => {
    const urls = new Set<string>([
      "/",
      "",
      "/nope",
      "/ORGS",
      "/offers/%C4%91i%E1%BB%87n",
      "/offers/a%2Fb",
      "/major-problems/danh-muc/HN-2026-01",
      "/api/v1/unknown/thing",
      "/sitemap.xml",
    ]);
    for (const pattern of patterns(tree)) for (const url of urlsFor(pattern)) urls.add(url);
    expect(urls.size).toBeGreaterThan(400);
    let matchedSomething = 0;
    for (const url of urls) {
      // Twice on the server: the second answer comes from the kept candidates.
      const first = shape(serverMatch(tree, url));
      const second = shape(serverMatch(tree, url));
      const reference = shape(browserMatch(tree, url));
      expect({ url, matches: first }).toEqual({ url, matches: reference });
      expect(second).toEqual(first);
      if (reference && reference.at(-1)?.id !== "routes/_public+/$") matchedSomething += 1;
    }
    // Most URLs reach a real route, not only the catch-all 404.
    expect(matchedSomething).toBeGreaterThan(urls.size / 2);
  });
});
