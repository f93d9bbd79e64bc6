import type { Shape } from "../shape";
import type { classifyVi } from "./classify.vi";

export const classifyEn: Shape<typeof classifyVi> = {
  title: "Suggested sectors and technologies",
  hint: "Based on the title and description you wrote. Tick the ones that are right; you can still choose more in the lists below.",
  button: "Suggest",
  buttonHint: "Suggest sectors and technologies from what you have typed (everything you typed is kept).",
  sectors: "Suggested sectors",
  technologies: "Suggested technologies",
  ticked: "The suggestions are ticked in the lists below; untick any that are wrong before saving.",
  none: "Not enough text to suggest anything yet. Write more about the problem or offer and try again.",
  loading: "Looking for suggestions…",
  because: "because of: {{evidence}}",
  statementInfo: "Sectors this problem seems to belong to (for information only, not saved with the problem):",
  statementSearch: "See offers in {{name}}",
  importNote: "Sector suggested automatically: {{max}}",
  importTechNote: "Technology suggested automatically: {{max}}",
  apiTextRequired: "Text (the text or title parameter) is needed for suggestions",
  apiTextTooLong: "The text is too long (at most {{max}} characters)",
};
