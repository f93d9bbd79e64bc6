import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

// The app's URL map as Remix sees it, reduced to what a visitor can observe:
// each route's full URL pattern, whether it is an index route, and the URL of
// the route it renders inside. Route ids and file names are left out on
// purpose, so files can move between folders while this stays the same.
// `npx tsx scripts/route-manifest.ts` prints it; routes.test.ts compares it
// with the committed snapshot.

interface RouteNode {
  id: string;
  path?: string;
  index?: boolean;
  children?: RouteNode[];
}

function join(parent: string, segment: string | undefined): string {
  if (!segment) return parent;
  return parent === "/" ? `/${segment}` : `${parent}/${segment}`;
}

export function manifestLines(tree: RouteNode[]): string[] {
  const lines: string[] = [];
  const walk = (nodes: RouteNode[], parentUrl: string, parentLabel: string) => {
    for (const node of nodes) {
      const url = join(parentUrl, node.path);
      const label = node.id === "root" ? "root" : `${url}${node.index ? " (index)" : ""}`;
      if (node.id !== "root") lines.push(`${label}  <-  ${parentLabel}`);
      walk(node.children ?? [], url, label);
    }
  };
  walk(tree, "/", "");
  return lines.sort();
}

export function readRouteTree(cwd: string): RouteNode[] {
  const remix = path.join(cwd, "node_modules", ".bin", "remix");
  const json = execFileSync(remix, ["routes", "--json"], {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  return JSON.parse(json) as RouteNode[];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const cwd = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  process.stdout.write(manifestLines(readRouteTree(cwd)).join("\n") + "\n");
}
