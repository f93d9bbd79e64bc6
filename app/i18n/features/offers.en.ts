import type { offersVi } from "./offers.vi";
import type { Shape } from "../shape";

export const offersEn: Shape<typeof offersVi> = {
  catalogueTitle: "Technology solutions",
};
