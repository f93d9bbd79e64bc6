import { describe, expect, it } from "vitest";
import { safeRedirect } from "./session.server";

describe("safeRedirect", () => {
  it.each(["/orgs", "/orgs/abc/edit?tab=members#invite", "/", "/account"])("keeps the same-site path %j", (to) => {
    expect(safeRedirect(to)).toBe(to);
  });

  it.each([
    ["protocol-relative URL", "//evil.example"],
    ["protocol-relative URL with a path", "//evil.example/orgs"],
    ["absolute URL", "https://evil.example"],
    ["absolute URL with our path", "https://evil.example/orgs"],
    ["backslash trick browsers read as //", "/\\evil.example"],
    ["javascript: URL", "javascript:alert(1)"],
    ["relative path", "orgs"],
    ["empty string", ""],
  ])("falls back to / for a %s (%j)", (_label, to) => {
    expect(safeRedirect(to)).toBe("/");
  });

  it("falls back for null, undefined and uploaded files", () => {
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(undefined)).toBe("/");
    expect(safeRedirect(new File(["x"], "/orgs"))).toBe("/");
  });

  it("uses the given fallback", () => {
    expect(safeRedirect("//evil.example", "/orgs")).toBe("/orgs");
    expect(safeRedirect(null, "/login")).toBe("/login");
  });
});

describe("safeRedirect — known bug", () => {
  // BUG (app/models/session.server.ts, safeRedirect): browsers strip ASCII tab
  // and newline characters when they resolve a Location header, so "/\t/evil.example"
  // becomes "//evil.example" — another site. A tab is legal in a header value,
  // so /login?redirectTo=%2F%09%2Fevil.example signs the user in and then sends
  // them to evil.example (open redirect).
  it("rejects paths that browsers turn into //evil.example after stripping tabs", () => {
    expect(new URL("/\t/evil.example", "https://san.hanoi.gov.vn").host).toBe("evil.example");
    expect(safeRedirect("/\t/evil.example")).toBe("/");
  });
});
