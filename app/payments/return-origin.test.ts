import { describe, expect, it } from "vitest";
import { checkoutReturnBase } from "./return-origin";

describe("where Checkout sends the buyer back", () => {
  it("keeps the configured origin for a request made at it", () => {
    expect(
      checkoutReturnBase("https://sangiaodich.hanoi.vn/orders/new?package=x", "https://sangiaodich.hanoi.vn", 3000),
    ).toBe("https://sangiaodich.hanoi.vn");
  });

  it("returns a local demo's buyer to the loopback origin they used, so their cookie comes along", () => {
    expect(checkoutReturnBase("http://127.0.0.1:3000/orders/new", "http://localhost:3000", 3000)).toBe(
      "http://127.0.0.1:3000",
    );
    expect(checkoutReturnBase("http://[::1]:3000/orders/new", undefined, 3000)).toBe("http://[::1]:3000");
    expect(checkoutReturnBase("http://localhost:4000/orders/new", undefined, 4000)).toBe("http://localhost:4000");
  });

  it("never follows a Host that is not this site's (no open redirect through the payment page)", () => {
    expect(checkoutReturnBase("https://evil.example/orders/new", "https://sangiaodich.hanoi.vn", 3000)).toBe(
      "https://sangiaodich.hanoi.vn",
    );
    expect(checkoutReturnBase("http://evil.example/orders/new", "http://localhost:3000", 3000)).toBe(
      "http://localhost:3000",
    );
    // A public deployment does not follow a loopback Host either.
    expect(checkoutReturnBase("http://127.0.0.1:3000/orders/new", "https://sangiaodich.hanoi.vn", 3000)).toBe(
      "https://sangiaodich.hanoi.vn",
    );
    expect(checkoutReturnBase("not a url", "https://sangiaodich.hanoi.vn/", 3000)).toBe("https://sangiaodich.hanoi.vn");
  });
});
