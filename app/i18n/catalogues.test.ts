import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { organisationKinds, memberRoles } from "~/schemas/organisation";
import { platformRoles } from "~/schemas/staff";
import en from "./en";
import vi from "./vi";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(dotted, value);
    else for (const [k, v] of flatten(value, dotted)) out.set(k, v);
  }
  return out;
}

const viKeys = flatten(vi as Tree);
const enKeys = flatten(en as Tree);

function placeholders(text: string): string[] {
  const names = [...text.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)].map((m) => (m[1] ?? "").split(",")[0]!.trim());
  return [...new Set(names)].sort();
}

const appDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === "generated" || entry.name === "node_modules") continue;
      files.push(...sourceFiles(full));
    } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
      files.push(full);
    }
  }
  return files;
}

const sources = sourceFiles(appDir).map((file) => ({
  file: path.relative(appDir, file),
  text: readFileSync(file, "utf8"),
}));

function collect(pattern: RegExp): Array<{ key: string; file: string }> {
  const found: Array<{ key: string; file: string }> = [];
  for (const { file, text } of sources) {
    for (const match of text.matchAll(pattern)) found.push({ key: match[1]!, file });
  }
  return found;
}

function unknown(uses: Array<{ key: string; file: string }>): string[] {
  // t("x", { count }) resolves to i18next's plural keys x_one / x_other.
  const known = (key: string) => viKeys.has(key) || viKeys.has(`${key}_other`);
  return [...new Set(uses.filter((u) => !known(u.key)).map((u) => `${u.file}: ${u.key}`))].sort();
}

describe("translation catalogues", () => {
  it("have a sensible number of keys (flattening works)", () => {
    expect(viKeys.size).toBeGreaterThan(50);
    expect(viKeys.get("validation.required")).toBeTypeOf("string");
  });

  it("have exactly the same keys in Vietnamese and English", () => {
    const missingInEn = [...viKeys.keys()].filter((k) => !enKeys.has(k));
    const missingInVi = [...enKeys.keys()].filter((k) => !viKeys.has(k));
    expect({ missingInEn, missingInVi }).toEqual({ missingInEn: [], missingInVi: [] });
  });

  it("have no empty or blank strings", () => {
    const blank = [
      ...[...viKeys].filter(([, v]) => v.trim() === "").map(([k]) => `vi: ${k}`),
      ...[...enKeys].filter(([, v]) => v.trim() === "").map(([k]) => `en: ${k}`),
    ];
    expect(blank).toEqual([]);
  });

  it("use the same {{placeholders}} for each key in both languages", () => {
    const mismatched: string[] = [];
    for (const [key, viText] of viKeys) {
      const enText = enKeys.get(key);
      if (enText === undefined) continue;
      const a = placeholders(viText);
      const b = placeholders(enText);
      if (a.join(",") !== b.join(",")) mismatched.push(`${key}: vi {${a.join(",")}} vs en {${b.join(",")}}`);
    }
    expect(mismatched).toEqual([]);
  });

  it("has no unbalanced interpolation braces", () => {
    const broken = [...viKeys, ...enKeys]
      .filter(([, text]) => (text.match(/\{\{/g) ?? []).length !== (text.match(/\}\}/g) ?? []).length)
      .map(([k]) => k);
    expect(broken).toEqual([]);
  });
});

describe("keys used in the source", () => {
  it("scans the app sources (the scanner finds t() calls)", () => {
    expect(sources.length).toBeGreaterThan(10);
    expect(collect(/\bt\(\s*["']([^"'`]+)["']/g).length).toBeGreaterThan(20);
  });

  it('every literal t("…") key exists in the Vietnamese catalogue', () => {
    // Template literals such as t(`roles.${role}`) are checked separately below.
    expect(unknown(collect(/\bt\(\s*["']([^"'`]+)["']/g))).toEqual([]);
  });

  it('every "validation.…" error message in schemas and routes exists', () => {
    // Schema errors may carry a parameter after "|", e.g. "validation.tooLong|120".
    expect(unknown(collect(/["'`](validation\.[A-Za-z]+)(?:\|[^"'`]*)?["'`]/g))).toEqual([]);
  });

  it("every flash message key exists", () => {
    expect(unknown(collect(/\bkey:\s*["']([a-zA-Z]+\.[a-zA-Z.]+)["']/g))).toEqual([]);
  });

  it("every role and organisation kind shown via t(`roles.${…}`) has a label in both languages", () => {
    const needed = [
      ...organisationKinds.map((k) => `organisationKinds.${k}`),
      ...memberRoles.map((r) => `roles.${r}`),
      ...platformRoles.map((r) => `roles.${r}`),
    ];
    expect(needed.filter((k) => !viKeys.has(k))).toEqual([]);
    expect(needed.filter((k) => !enKeys.has(k))).toEqual([]);
  });
});
