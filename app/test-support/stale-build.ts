// Integration tests run the production build (build/index.js), and `vitest run --project integration`
// does not rebuild: after an edit, a subset run would quietly test the old code. The global setup refuses
// such a build instead. One stat walk per run (about 700 files), not per test file.
import fs from "node:fs";
import path from "node:path";

// What the build is made of: source and styles under app/ and search/. Tests, the test harness and the
// relevance judgements are not part of it.
const SOURCE = /\.(ts|tsx|js|jsx|mjs|css|json)$/;
const NOT_BUILT = /(\.test\.tsx?$|^app\/test-support\/|^search\/relevance\/)/;

export function newestSource(root: string, dirs: string[]): { file: string; mtimeMs: number } | null {
  let newest: { file: string; mtimeMs: number } | null = null;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        walk(rel);
      } else if (SOURCE.test(entry.name) && !NOT_BUILT.test(rel)) {
        const { mtimeMs } = fs.statSync(path.join(root, rel));
        if (!newest || mtimeMs > newest.mtimeMs) newest = { file: rel, mtimeMs };
      }
    }
  };
  for (const dir of dirs) if (fs.existsSync(path.join(root, dir))) walk(dir);
  return newest;
}

/** Throws when build/index.js is missing or older than the newest source it was built from. */
export function assertBuildIsFresh(root: string): void {
  const built = path.join(root, "build/index.js");
  if (!fs.existsSync(built))
    throw new Error("build/index.js is missing: run `npx remix build` before the integration tests");
  const builtAt = fs.statSync(built).mtimeMs;
  const newest = newestSource(root, ["app", "search"]);
  // TEST_STALE_BUILD=ok runs anyway: for a tree someone else is editing while the tests start.
  if (newest && newest.mtimeMs > builtAt && process.env.TEST_STALE_BUILD !== "ok") {
    throw new Error(
      `build/ is older than ${newest.file}: run \`npx remix build\` (integration tests load build/index.js and would test the old code; TEST_STALE_BUILD=ok runs them anyway)`,
    );
  }
}
