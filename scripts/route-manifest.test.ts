import path from "node:path";
import { describe, expect, it } from "vitest";
import { manifestLines, readRouteTree } from "./route-manifest";

// Moving or renaming a route file must not move a URL or change which route
// renders inside which. If this fails after an intended URL change, update
// the snapshot with `npx vitest run --project unit scripts/route-manifest.test.ts -u`
// and let the diff show the new URLs in review.
describe("route manifest", () => {
  it("serves the committed set of URLs with the committed nesting", { timeout: 60_000 }, async () => {
    const lines = manifestLines(readRouteTree(path.resolve(".")));
    expect(lines.length).toBeGreaterThan(100);
    await expect(lines.join("\n") + "\n").toMatchFileSnapshot("./__snapshots__/route-manifest.txt");
  });
});
