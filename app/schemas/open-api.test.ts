import { describe, expect, it } from "vitest";
import { offerListQuery, parseApiQuery, parseIsoDateTime } from "./open-api";

describe("parseIsoDateTime", () => {
  it.each([
    ["2026-11-01T00:00:00Z", "2026-11-01T00:00:00.000Z"],
    ["2026-11-01T07:00:00+07:00", "2026-11-01T00:00:00.000Z"],
    ["2026-11-01T07:00+07:00", "2026-11-01T00:00:00.000Z"],
    ["2028-02-29T12:30:15.123Z", "2028-02-29T12:30:15.123Z"],
    ["2026-11-01t00:00:00z", "2026-11-01T00:00:00.000Z"],
  ])("reads %s as %s", (value, expected) => {
    expect(parseIsoDateTime(value)?.toISOString()).toBe(expected);
  });

  it.each([
    "2026-11-01",
    "2026-11-01T00:00:00",
    "2026-02-29T00:00:00Z",
    "2026-04-31T00:00:00Z",
    "2026-13-01T00:00:00Z",
    "2026-11-01T24:00:00Z",
    "2026-11-01T10:60:00Z",
    "2026-11-01T00:00:00+25:00",
    "1730419200",
    "hôm qua",
    "",
  ])("refuses %j", (value) => {
    expect(parseIsoDateTime(value)).toBeNull();
  });
});

describe("updatedSince and after in a list query", () => {
  const parse = (query: string) => parseApiQuery(new URLSearchParams(query), offerListQuery);

  it("accepts the present and a few minutes of clock skew, refuses further ahead", () => {
    expect(parse(`updatedSince=${new Date(Date.now() + 4 * 60_000).toISOString()}`).ok).toBe(true);
    expect(parse(`updatedSince=${new Date(Date.now() + 6 * 60_000).toISOString()}`)).toEqual({
      ok: false,
      errors: [{ field: "updatedSince", message: "openData.validation.updatedSinceFuture" }],
    });
  });

  it("takes after only with updatedSince, and only as an id", () => {
    expect(parse("updatedSince=2026-01-01T00:00:00Z&after=cm0abc123").ok).toBe(true);
    expect(parse("after=cm0abc123")).toEqual({
      ok: false,
      errors: [{ field: "after", message: "openData.validation.afterWithoutSince" }],
    });
    expect(parse("updatedSince=2026-01-01T00:00:00Z&after=a%20b")).toEqual({
      ok: false,
      errors: [{ field: "after", message: "openData.validation.after" }],
    });
  });
});
