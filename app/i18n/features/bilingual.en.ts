import type { Shape } from "../shape";
import type { bilingualVi } from "./bilingual.vi";

export const bilingualEn: Shape<typeof bilingualVi> = {
  viOnly: "This text is available in Vietnamese only.",
  englishHint:
    "Optional. Leave it empty until there is a translation: English pages then show the Vietnamese text with a note.",
  listSummary: "List summary (Vietnamese)",
  listSummaryHint: "Optional. A few sentences introducing the list on its public page.",
  listNameEn: "List name in English",
  listSummaryEn: "List summary in English",
  titleEn: "Problem title in English",
  summaryEn: "Problem summary in English",
  statementSummaryEn: "Summary in English",
  editListTitle: "List details",
  saveList: "Save list details",
  listSaved: "List details saved.",
  englishSection: "English version",
  englishMissing: "No English version yet",
  originalVi: "Original Vietnamese text",
  summaryTitle: "Summary",
  restInVietnamese: "The rest of this statement is available in Vietnamese only.",
};
