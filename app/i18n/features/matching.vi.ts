// Reasons a suggested match is shown, one sentence each (app/utils/match-reasons.ts).
export const matchingVi = {
  reason: {
    terms: "Trùng từ ngữ: {{terms}}.",
    sector: "Cùng lĩnh vực: {{terms}}.",
    technology: "Cùng công nghệ: {{terms}}.",
    trlMeets: "Mức sẵn sàng công nghệ TRL {{offerTrl}}, đạt mức mong muốn TRL {{wantedTrl}}.",
    trlMeetsNoWanted: "Công nghệ đã ở mức TRL {{offerTrl}}: đã được kiểm chứng trong thực tế.",
    trlBelow: "Mức sẵn sàng công nghệ TRL {{offerTrl}}, thấp hơn mức mong muốn TRL {{wantedTrl}}.",
    budgetWithin: "Giá từ {{price}}, trong ngân sách tối đa {{budget}}.",
    budgetOver: "Giá từ {{price}}, vượt ngân sách tối đa {{budget}}.",
    reference: "Nhà cung cấp có {{count}} khách hàng tham chiếu trong lĩnh vực {{sector}}.",
    curation: "Cán bộ đã duyệt giải pháp này cho {{count}} bài toán tương tự.",
  },
  listSeparator: ", ",
  // Which language this catalogue is: prices and term names follow it.
  language: "vi",
};
