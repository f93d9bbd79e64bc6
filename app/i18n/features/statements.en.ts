import type { statementsVi } from "./statements.vi";
import type { Shape } from "../shape";

export const statementsEn: Shape<typeof statementsVi> = {
  catalogueTitle: "Agencies' problem statements",
};
