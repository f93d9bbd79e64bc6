import { hash, verify } from "@node-rs/argon2";

// NFC first: the same Vietnamese password typed on macOS (often NFD) and on
// Windows (NFC) must hash the same. argon2 reads every byte, so nothing is
// truncated the way bcrypt cuts at 72 bytes.
export function normalisePassword(password: string): string {
  return password.normalize("NFC");
}

export async function hashPassword(password: string): Promise<string> {
  // @node-rs/argon2 defaults to argon2id (its Algorithm enum is a const enum
  // that isolatedModules cannot read); the unit test checks the "$argon2id$" prefix.
  return hash(normalisePassword(password), {
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
  });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, normalisePassword(password));
  } catch {
    return false;
  }
}
