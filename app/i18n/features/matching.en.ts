import type { Shape } from "../shape";
import type { matchingVi } from "./matching.vi";

export const matchingEn: Shape<typeof matchingVi> = {
  reason: {
    terms: "Shared words: {{terms}}.",
    sector: "Same sector: {{terms}}.",
    technology: "Same technology: {{terms}}.",
    trlMeets: "Technology readiness TRL {{offerTrl}}, meets the wanted TRL {{wantedTrl}}.",
    trlMeetsNoWanted: "Technology readiness TRL {{offerTrl}}: proven in real use.",
    trlBelow: "Technology readiness TRL {{offerTrl}}, below the wanted TRL {{wantedTrl}}.",
    budgetWithin: "Priced from {{price}}, within the maximum budget of {{budget}}.",
    budgetOver: "Priced from {{price}}, over the maximum budget of {{budget}}.",
    reference: "The provider has {{count}} customer reference(s) in {{sector}}.",
    curation: "Staff approved this offer for {{count}} similar problem(s).",
  },
  listSeparator: ", ",
  // Which language this catalogue is: prices and term names follow it.
  language: "en",
};
