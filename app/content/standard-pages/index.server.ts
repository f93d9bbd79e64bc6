import { json } from "@remix-run/node";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { env } from "~/env.server";
import { isLanguage, type Language } from "~/i18n/config";
import { i18next } from "~/i18n/i18next.server";
import { standardPagesEn } from "./en.server";
import type { Block, StandardPageContent, StandardPageId } from "./types";
import { standardPagesVi } from "./vi.server";

const CONTENT: Record<Language, Record<StandardPageId, StandardPageContent>> = {
  vi: standardPagesVi,
  en: standardPagesEn,
};

function fill(text: string): string {
  return text.replaceAll("{{contactEmail}}", env.CONTACT_EMAIL);
}

function fillBlock(block: Block): Block {
  if (typeof block === "string") return fill(block);
  if (Array.isArray(block)) return block.map(fill);
  return { href: fill(block.href), text: fill(block.text) };
}

// A route's loader calls this (rather than being made by a factory at module
// scope, which the browser build could not drop): the page's prose in the
// reader's language only.
export async function loadStandardPage(id: StandardPageId, { request }: LoaderFunctionArgs) {
  const locale = await i18next.getLocale(request);
  const language: Language = isLanguage(locale) ? locale : "vi";
  const t = await i18next.getFixedT(language);
  const content = CONTENT[language][id];
  const title = t(`standardPages.titles.${id}`);
  return json({
    id,
    title,
    documentTitle: `${title} — ${t("meta.siteName")}`,
    description: t(`standardPages.descriptions.${id}`),
    contactEmail: env.CONTACT_EMAIL,
    content: {
      ...content,
      lead: fill(content.lead),
      sections: content.sections.map((s) => ({ ...s, blocks: s.blocks.map(fillBlock) })),
    },
  });
}
