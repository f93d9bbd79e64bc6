import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { secureCookies } from "~/env.server";
import { defaultLanguage, i18nOptions, supportedLanguages } from "./config";

// A year-long cookie remembers the visitor's choice; without one every page
// is Vietnamese, whatever the browser prefers.
export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: secureCookies,
  maxAge: 60 * 60 * 24 * 365,
});

export const i18next = new RemixI18Next({
  detection: {
    supportedLanguages: [...supportedLanguages],
    fallbackLanguage: defaultLanguage,
    cookie: languageCookie,
    order: ["searchParams", "cookie"],
  },
  i18next: { ...i18nOptions },
});
