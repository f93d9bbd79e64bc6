import { createCookie } from "@remix-run/node";
import { createInstance, type i18n as I18n, type TFunction } from "i18next";
import { initReactI18next } from "react-i18next";
import { RemixI18Next } from "remix-i18next/server";
import { secureCookies } from "~/env.server";
import { defaultLanguage, i18nOptions, isLanguage, supportedLanguages, type Language } from "./config";

// A year-long cookie remembers the visitor's choice; without one every page
// is Vietnamese, whatever the browser prefers.
export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: secureCookies,
  maxAge: 60 * 60 * 24 * 365,
});

// The catalogues are compiled in and never change while the server runs, so
// one initialised i18next instance per language serves every request. Creating
// and initialising one per request (remix-i18next's getFixedT, and the render)
// cost about a twentieth of every page's CPU. The server never changes an
// instance's language (the root's useChangeLanguage is an effect, which only
// runs in the browser), so sharing them between concurrent requests is safe.
const instances = new Map<Language, I18n>();
function instanceFor(language: Language): I18n {
  let instance = instances.get(language);
  if (!instance) {
    instance = createInstance();
    // Synchronous: the resources are inline, so init does no I/O.
    void instance.use(initReactI18next).init({ ...i18nOptions, lng: language, initImmediate: false });
    instances.set(language, instance);
  }
  return instance;
}

/** The i18next instance a server render of `language` uses. */
export function renderInstance(language: Language): I18n {
  return instanceFor(language);
}

export const i18next = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLanguages],
    fallbackLanguage: defaultLanguage,
    cookie: languageCookie,
    order: ["searchParams", "cookie"],
  },
  i18next: { ...i18nOptions },
});

// remix-i18next's getFixedT, on the shared instances. With options or a
// namespace the app does not have, its own way.
const createFixedT = i18next.getFixedT.bind(i18next);
i18next.getFixedT = (async (
  requestOrLocale: Request | string,
  namespaces?: unknown,
  options: Record<string, unknown> = {},
) => {
  if (namespaces !== undefined || Object.keys(options).length > 0) {
    return (createFixedT as (...args: unknown[]) => Promise<TFunction>)(requestOrLocale, namespaces, options);
  }
  const locale = typeof requestOrLocale === "string" ? requestOrLocale : await i18next.getLocale(requestOrLocale);
  const language = isLanguage(locale) ? locale : defaultLanguage;
  return instanceFor(language).getFixedT(language);
}) as typeof i18next.getFixedT;
