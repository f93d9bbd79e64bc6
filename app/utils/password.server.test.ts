import { describe, expect, it } from "vitest";
import { hashPassword, normalisePassword, verifyPassword } from "./password.server";

// 70 characters of Vietnamese; with its diacritics it is well over 72 bytes,
// where bcrypt would silently stop reading.
const passphrase = "Hồ Gươm sương mờ, phố cổ rêu phong, trà đá vỉa hè, tiếng còi xe inh ỏi";

describe("password hashing", () => {
  it("the test passphrase really is past bcrypt's 72-byte limit before its last character", () => {
    expect(passphrase.length).toBe(70);
    expect(passphrase).toBe(passphrase.normalize("NFC"));
    expect(Buffer.byteLength(passphrase.slice(0, -1), "utf8")).toBeGreaterThan(72);
  });

  it("produces an argon2id hash that does not contain the password", async () => {
    const hash = await hashPassword(passphrase);
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(hash).not.toContain(passphrase);
  });

  it("salts each hash: the same password hashes differently twice", async () => {
    const [a, b] = await Promise.all([hashPassword("mật khẩu"), hashPassword("mật khẩu")]);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, "mật khẩu")).toBe(true);
    expect(await verifyPassword(b, "mật khẩu")).toBe(true);
  });

  it("verifies a long Vietnamese passphrase and rejects it with only the last character changed", async () => {
    const hash = await hashPassword(passphrase);
    const lastChanged = `${passphrase.slice(0, -1)}${passphrase.endsWith("i") ? "a" : "i"}`;
    expect(lastChanged).not.toBe(passphrase);
    expect(lastChanged.length).toBe(passphrase.length);
    expect(await verifyPassword(hash, passphrase)).toBe(true);
    expect(await verifyPassword(hash, lastChanged)).toBe(false);
  });

  it("accepts the same Vietnamese password typed in NFD (macOS) or NFC (Windows)", async () => {
    const nfc = "Mật khẩu của tôi: Hà Nội 2025".normalize("NFC");
    const nfd = nfc.normalize("NFD");
    expect(nfd).not.toBe(nfc); // different code points, same text on screen
    expect(normalisePassword(nfd)).toBe(nfc);

    const hashedFromNfc = await hashPassword(nfc);
    expect(await verifyPassword(hashedFromNfc, nfd)).toBe(true);
    expect(await verifyPassword(hashedFromNfc, nfc)).toBe(true);

    const hashedFromNfd = await hashPassword(nfd);
    expect(await verifyPassword(hashedFromNfd, nfc)).toBe(true);
  });

  it("rejects a wrong password", async () => {
    const hash = await hashPassword("đúng-mật-khẩu");
    expect(await verifyPassword(hash, "sai-mật-khẩu")).toBe(false);
    expect(await verifyPassword(hash, "")).toBe(false);
    expect(await verifyPassword(hash, "Đúng-mật-khẩu")).toBe(false);
  });

  it("returns false instead of throwing for a corrupt stored hash", async () => {
    await expect(verifyPassword("not-a-hash", "anything")).resolves.toBe(false);
    await expect(verifyPassword("", "anything")).resolves.toBe(false);
    await expect(verifyPassword("$argon2id$v=19$m=19456,t=2,p=1$garbage$garbage", "anything")).resolves.toBe(false);
    await expect(
      verifyPassword("$2b$10$abcdefghijklmnopqrstuuQ2d1m0u8V1q2Q5b0sY6k3vE7mYb8X6", "anything"),
    ).resolves.toBe(false);
  });
});
