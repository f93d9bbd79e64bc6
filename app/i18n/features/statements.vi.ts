export const statementsVi = {
  catalogueTitle: "Bài toán của cơ quan nhà nước",
};
