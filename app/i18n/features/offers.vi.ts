export const offersVi = {
  catalogueTitle: "Giải pháp công nghệ",
};
