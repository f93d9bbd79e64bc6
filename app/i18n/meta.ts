import { createInstance, type ParseKeys, type TFunction } from "i18next";
import { defaultLanguage, i18nOptions, isLanguage, type Language } from "./config";

// Remix's `meta` runs outside React (on the server and again in the browser),
// so it cannot use useTranslation. It does get every matched route's loader
// data, and the root loader always says which language the page is in: that
// is where page titles take their language from, on both sides, so the
// <title> never disagrees with <html lang>.

type MatchLike = { id: string; data?: unknown };

/** The page's language, from the root loader's data (Vietnamese when it is missing). */
export function metaLanguage(matches: readonly MatchLike[] | undefined): Language {
  const root = matches?.find((m) => m.id === "root")?.data as { language?: unknown } | undefined;
  return isLanguage(root?.language) ? root.language : defaultLanguage;
}

// The catalogues are compiled in, so initialising is synchronous and one
// instance per language serves every page.
const translators = new Map<Language, TFunction>();

/** A typed t() in the page's language, for `meta` functions. */
export function metaT(matches: readonly MatchLike[] | undefined): TFunction {
  const language = metaLanguage(matches);
  let t = translators.get(language);
  if (!t) {
    const instance = createInstance();
    void instance.init({ ...i18nOptions, lng: language, initImmediate: false });
    t = instance.getFixedT(language);
    translators.set(language, t);
  }
  return t;
}

/** "<page> — <site name>", the site name in the page's language too. */
export function withSiteName(t: TFunction, pageTitle: string): string {
  return `${pageTitle} — ${t("meta.siteName")}`;
}

export type CatalogueKey = ParseKeys<"translation">;

/** The usual meta of a page whose title is one catalogue string. */
export function titleMeta(matches: readonly MatchLike[] | undefined, key: CatalogueKey) {
  const t = metaT(matches);
  return [{ title: withSiteName(t, (t as (k: string) => string)(key)) }];
}
