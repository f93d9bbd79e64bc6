import type { Language } from "~/i18n/config";
import { formatNumber } from "~/utils/format";

export type TableView = {
  key: "activity" | "matches" | "orders" | "durations";
  columns: string[];
  rows: { period: string; label: string; values: (number | null)[] }[];
  totals: (number | null)[];
};

export type FilterQuery = { from: string; to: string; granularity: string; sector: string; agency: string };

export function queryString(filters: FilterQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) if (value) params.set(key, value);
  return params.toString();
}

export function formatFigure(value: number | null, language: Language, empty: string): string {
  if (value === null) return empty;
  return formatNumber(value, language);
}
