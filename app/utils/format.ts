import type { Language } from "~/i18n/config";

const intlLocale: Record<Language, string> = { vi: "vi-VN", en: "en-GB" };

// VND has no minor unit; vi-VN groups with dots: 1.500.000 ₫.
export function formatVnd(amount: number, language: Language): string {
  return new Intl.NumberFormat(intlLocale[language], {
    style: "currency",
    currency: "VND",
    maximumFractionDigits: 0,
  }).format(amount);
}

export function formatDate(date: Date | string, language: Language): string {
  return new Intl.DateTimeFormat(intlLocale[language], {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    timeZone: "Asia/Ho_Chi_Minh",
  }).format(new Date(date));
}

export function formatDateTime(date: Date | string, language: Language): string {
  return new Intl.DateTimeFormat(intlLocale[language], {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Asia/Ho_Chi_Minh",
  }).format(new Date(date));
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(intlLocale[language]).format(value);
}
