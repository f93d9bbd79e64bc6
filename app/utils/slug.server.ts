import slugify from "@sindresorhus/slugify";

// Readable URLs from Vietnamese titles: "Đèn tín hiệu thông minh" becomes
// "den-tin-hieu-thong-minh". `taken` says whether a candidate is in use;
// clashes get -2, -3, … appended.
export async function uniqueSlug(
  text: string,
  taken: (slug: string) => Promise<boolean>,
  fallback = "muc",
): Promise<string> {
  const base = slugify(text).slice(0, 80).replace(/-+$/, "") || fallback;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
}

export function toSlug(text: string): string {
  return slugify(text);
}
