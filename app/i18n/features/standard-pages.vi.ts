// The standard pages' titles (used by the footer, the heading and <title>)
// and the few words around their prose, which lives in app/content/standard-pages.
export const standardPagesVi = {
  footerNavLabel: "Thông tin về Sàn",
  updated: "Cập nhật ngày {{date}}",
  onThisPage: "Trên trang này",
  titles: {
    howItWorks: "Cách hoạt động",
    faq: "Câu hỏi thường gặp",
    terms: "Điều khoản sử dụng",
    privacy: "Thông báo về dữ liệu cá nhân",
    accessibility: "Tuyên bố về khả năng tiếp cận",
    contact: "Liên hệ",
  },
  descriptions: {
    howItWorks:
      "Sàn Giao dịch Công nghệ Hà Nội hoạt động thế nào với nhà cung cấp công nghệ, cơ quan nhà nước, cán bộ HiHUB và người mua.",
    faq: "Câu trả lời ngắn cho các câu hỏi thường gặp về Sàn Giao dịch Công nghệ Hà Nội.",
    terms: "Điều khoản sử dụng Sàn Giao dịch Công nghệ Hà Nội.",
    privacy: "Sàn xử lý dữ liệu cá nhân nào, vì sao, giữ bao lâu, và quyền của bạn theo Nghị định 13/2023/NĐ-CP.",
    accessibility: "Mức độ tiếp cận của Sàn theo WCAG 2.1 AA, những phần chưa đạt và cách báo lỗi.",
    contact: "Cách liên hệ Sàn Giao dịch Công nghệ Hà Nội.",
  },
};
