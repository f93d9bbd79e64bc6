import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assertBuildIsFresh } from "./stale-build";

describe("the integration harness refuses a stale build", () => {
  let root: string;
  const write = (file: string, secondsAgo: number) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), "x");
    const at = new Date(Date.now() - secondsAgo * 1000);
    fs.utimesSync(path.join(root, file), at, at);
  };
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "stale-build-"));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it("accepts a build newer than every source file", () => {
    write("app/models/offer.server.ts", 60);
    write("search/embedded/engine.ts", 60);
    write("build/index.js", 10);
    expect(() => assertBuildIsFresh(root)).not.toThrow();
  });

  it("names the newer source file and the command", () => {
    write("build/index.js", 60);
    write("app/models/offer.server.ts", 90);
    write("search/embedded/engine.ts", 5);
    expect(() => assertBuildIsFresh(root)).toThrow(
      "build/ is older than search/embedded/engine.ts: run `npx remix build`",
    );
  });

  it("ignores tests, the test harness and relevance data, which are not built", () => {
    write("build/index.js", 60);
    write("app/models/offer.server.ts", 90);
    write("app/models/offer.integration.test.ts", 5);
    write("app/test-support/factories.ts", 5);
    write("search/relevance/queries.jsonl", 5);
    expect(() => assertBuildIsFresh(root)).not.toThrow();
  });

  it("refuses a missing build", () => {
    write("app/root.tsx", 60);
    expect(() => assertBuildIsFresh(root)).toThrow("run `npx remix build`");
  });
});
