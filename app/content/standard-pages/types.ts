// The standard pages (how it works, FAQ, terms, privacy, accessibility,
// contact). Their titles live in the catalogues (standardPages.*) so the
// footer and <title> use them; their long prose lives in one module per
// language (vi.server.ts, en.server.ts), read by the loader, so a page ships
// only the reader's language and none of it lands in the browser bundles.

export const STANDARD_PAGES = [
  { id: "howItWorks", path: "/how-it-works" },
  { id: "faq", path: "/faq" },
  { id: "terms", path: "/terms" },
  { id: "privacy", path: "/privacy" },
  { id: "accessibility", path: "/accessibility" },
  { id: "contact", path: "/contact" },
] as const;

export type StandardPageId = (typeof STANDARD_PAGES)[number]["id"];

/**
 * One block of prose: a string is a paragraph, a string array a bulleted list,
 * a link a paragraph holding one link. `{{contactEmail}}` in any text is
 * replaced with the configured contact address.
 */
export type Block = string | string[] | { href: string; text: string };

export type Section = { id: string; heading: string; blocks: Block[] };

export type StandardPageContent = {
  lead: string;
  sections: Section[];
  /** ISO date the text was last changed, shown under the heading. */
  updated: string;
};

export type StandardPagesContent = Record<StandardPageId, StandardPageContent>;
