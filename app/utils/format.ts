import type { Language } from "~/i18n/config";

const intlLocale: Record<Language, string> = { vi: "vi-VN", en: "en-GB" };

// Building an Intl formatter costs far more than using one (a page lists
// dozens of dates and prices), so each is built once per language and kept.
function perLanguage<F>(build: (locale: string) => F): (language: Language) => F {
  const built = new Map<Language, F>();
  return (language) => {
    let formatter = built.get(language);
    if (!formatter) built.set(language, (formatter = build(intlLocale[language] ?? intlLocale.vi)));
    return formatter;
  };
}

// VND has no minor unit; vi-VN groups with dots: 1.500.000 ₫.
const vndFormat = perLanguage(
  (locale) => new Intl.NumberFormat(locale, { style: "currency", currency: "VND", maximumFractionDigits: 0 }),
);
const dateFormat = perLanguage(
  (locale) =>
    new Intl.DateTimeFormat(locale, {
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      timeZone: "Asia/Ho_Chi_Minh",
    }),
);
const dateTimeFormat = perLanguage(
  (locale) =>
    new Intl.DateTimeFormat(locale, {
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      timeZone: "Asia/Ho_Chi_Minh",
    }),
);
const numberFormat = perLanguage((locale) => new Intl.NumberFormat(locale));

export function formatVnd(amount: number, language: Language): string {
  return vndFormat(language).format(amount);
}

export function formatDate(date: Date | string, language: Language): string {
  return dateFormat(language).format(new Date(date));
}

export function formatDateTime(date: Date | string, language: Language): string {
  return dateTimeFormat(language).format(new Date(date));
}

export function formatNumber(value: number, language: Language): string {
  return numberFormat(language).format(value);
}
