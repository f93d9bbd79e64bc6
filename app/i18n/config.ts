import en from "./en";
import vi from "./vi";

export const supportedLanguages = ["vi", "en"] as const;
export type Language = (typeof supportedLanguages)[number];
export const defaultLanguage: Language = "vi";

export const resources = {
  vi: { translation: vi },
  en: { translation: en },
} as const;

export function isLanguage(value: unknown): value is Language {
  return supportedLanguages.includes(value as Language);
}

export const i18nOptions = {
  supportedLngs: [...supportedLanguages],
  fallbackLng: defaultLanguage,
  defaultNS: "translation",
  resources,
  // React already escapes what it renders.
  interpolation: { escapeValue: false },
} as const;
