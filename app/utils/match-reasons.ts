// One readable sentence per match reason, in the reader's language. Client
// safe: used by the staff board, the API and e-mails alike.
import type { TFunction } from "i18next";
import type { Language } from "~/i18n/config";
import { formatVnd } from "~/utils/format";
import type { MatchReason, TermRef } from "../../search/match/score.ts";

export type { MatchReason };

export function describeMatchReason(reason: MatchReason, t: TFunction): string {
  const language: Language = t("matching.language") === "en" ? "en" : "vi";
  const name = (term: TermRef) => (language === "en" ? term.nameEn : term.nameVi);
  const list = (items: string[]) => items.join(t("matching.listSeparator"));
  switch (reason.kind) {
    case "terms":
      return t("matching.reason.terms", { terms: list(reason.terms.map((term) => `“${term}”`)) });
    case "sector":
      return t("matching.reason.sector", { terms: list(reason.terms.map(name)) });
    case "technology":
      return t("matching.reason.technology", { terms: list(reason.terms.map(name)) });
    case "trl":
      if (reason.wantedTrl === null) return t("matching.reason.trlMeetsNoWanted", { offerTrl: reason.offerTrl });
      return t(reason.fit === "meets" ? "matching.reason.trlMeets" : "matching.reason.trlBelow", {
        offerTrl: reason.offerTrl,
        wantedTrl: reason.wantedTrl,
      });
    case "budget":
      return t(reason.fit === "within" ? "matching.reason.budgetWithin" : "matching.reason.budgetOver", {
        price: formatVnd(reason.priceMinVnd, language),
        budget: formatVnd(reason.budgetMaxVnd, language),
      });
    case "reference":
      return t("matching.reason.reference", { count: reason.count, sector: name(reason.sector) });
    case "curation":
      return t("matching.reason.curation", { count: reason.approvedForSimilar });
  }
}
