// Issue 18: the city's major problems, their lists and statements in both
// languages. Staff enter the English text; pages fall back to Vietnamese with
// a plain note when there is none.
export const bilingualVi = {
  viOnly: "Nội dung này chỉ có bằng tiếng Việt.",
  englishHint: "Không bắt buộc. Để trống khi chưa có bản dịch: trang tiếng Anh sẽ hiện bản tiếng Việt kèm ghi chú.",
  listSummary: "Tóm tắt danh mục",
  listSummaryHint: "Không bắt buộc. Vài câu giới thiệu danh mục trên trang công khai.",
  listNameEn: "Tên danh mục bằng tiếng Anh",
  listSummaryEn: "Tóm tắt danh mục bằng tiếng Anh",
  titleEn: "Tên bài toán bằng tiếng Anh",
  summaryEn: "Tóm tắt bài toán bằng tiếng Anh",
  statementSummaryEn: "Tóm tắt bằng tiếng Anh",
  editListTitle: "Thông tin danh mục",
  saveList: "Lưu thông tin danh mục",
  listSaved: "Đã lưu thông tin danh mục.",
  englishSection: "Bản tiếng Anh",
  englishMissing: "Chưa có bản tiếng Anh",
  originalVi: "Bản gốc tiếng Việt",
  summaryTitle: "Tóm tắt",
  restInVietnamese: "Phần còn lại của đề bài chỉ có bằng tiếng Việt.",
};
