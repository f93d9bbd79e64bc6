import type { StandardPagesContent } from "./types";

// Vietnamese is the source text; en.server.ts follows it section by section.
// Facts about what is stored and for how long are taken from the code
// (prisma/schema.prisma, app/models/session.server.ts, app/utils/rate-limit.server.ts,
// app/utils/logger.server.ts): change this text when they change.
export const standardPagesVi: StandardPagesContent = {
  howItWorks: {
    updated: "2026-12-06",
    lead: "Sàn kết nối người có giải pháp công nghệ với cơ quan có bài toán cần giải. Mỗi bên có việc riêng; phần dưới đây nói từng bên làm gì, theo thứ tự.",
    sections: [
      {
        id: "providers",
        heading: "Nhà cung cấp công nghệ",
        blocks: [
          "Doanh nghiệp, startup, viện nghiên cứu và trường đại học giới thiệu giải pháp của mình trên Sàn.",
          [
            "Tạo tài khoản, rồi tạo tổ chức với mã số thuế. Bạn là chủ sở hữu và có thể mời đồng nghiệp.",
            "Trung tâm Đổi mới sáng tạo Hà Nội (HiHUB) thẩm định hồ sơ tổ chức. Tổ chức đã thẩm định được ghi rõ trên trang hồ sơ.",
            "Đăng giải pháp: mô tả, lĩnh vực, mức sẵn sàng công nghệ (TRL), các gói giá bằng đồng Việt Nam và khách hàng tham chiếu. Cán bộ HiHUB xem xét trước khi giải pháp được công bố.",
            "Gửi đề xuất cho bài toán của cơ quan nhà nước hoặc cho bài toán lớn của thành phố, và trả lời người mua qua tin nhắn.",
            "Nhận tiền bán gói qua Stripe, sau khi trừ phí nền tảng.",
          ],
        ],
      },
      {
        id: "agencies",
        heading: "Cơ quan đăng bài toán",
        blocks: [
          "Sở, ngành, quận, huyện và đơn vị sự nghiệp đăng bài toán cần giải bằng công nghệ.",
          [
            "Tạo tổ chức loại “Cơ quan nhà nước”. Cơ quan nhà nước có thể để trống mã số thuế.",
            "Viết bài toán theo nguyên tắc “6 rõ”: rõ người, rõ việc, rõ thời gian, rõ trách nhiệm, rõ sản phẩm, rõ thẩm quyền.",
            "Cán bộ HiHUB xem bài toán trước khi công bố.",
            "Trả lời câu hỏi công khai của nhà cung cấp, xem các đề xuất, chọn vào danh sách ngắn hoặc từ chối kèm lý do.",
            "Đóng bài toán khi đã chọn được giải pháp hoặc hết hạn.",
          ],
        ],
      },
      {
        id: "staff",
        heading: "Cán bộ Trung tâm Đổi mới sáng tạo Hà Nội (HiHUB)",
        blocks: [
          "Cán bộ HiHUB giữ cho Sàn đáng tin cậy và theo dõi kết quả.",
          [
            "Biên tập danh mục bài toán lớn của Thủ đô và công bố từng phiên bản.",
            "Thẩm định tổ chức, duyệt giải pháp và bài toán trước khi công bố.",
            "Xem các gợi ý kết nối giữa giải pháp và bài toán, đưa vào danh sách ngắn, duyệt hoặc từ chối kèm lý do.",
            "Theo dõi mỗi kết nối đã duyệt qua các bước giới thiệu, thí điểm, mua sắm và triển khai, và công bố kết quả.",
            "Mọi quyết định đều được ghi vào nhật ký, kèm người quyết định và thời điểm.",
          ],
        ],
      },
      {
        id: "buyers",
        heading: "Người mua trả bằng thẻ",
        blocks: [
          "Một tổ chức có thể mua gói có giá niêm yết của một giải pháp ngay trên Sàn.",
          [
            "Đăng nhập, chọn gói trên trang giải pháp và tổ chức mua.",
            "Thanh toán bằng thẻ trên trang của Stripe. Sàn không nhìn thấy và không lưu số thẻ.",
            "Sau khi thanh toán, đơn hàng và biên nhận nằm trong mục đơn hàng của tổ chức. Bạn trao đổi với nhà cung cấp qua tin nhắn gắn với đơn.",
            "Gói ghi “giá theo yêu cầu” không mua trực tiếp được: hãy liên hệ nhà cung cấp.",
          ],
        ],
      },
    ],
  },

  faq: {
    updated: "2026-12-06",
    lead: "Câu trả lời ngắn cho các câu hỏi hay gặp. Nếu không thấy câu trả lời, hãy liên hệ chúng tôi.",
    sections: [
      {
        id: "cost",
        heading: "Dùng Sàn có mất phí không?",
        blocks: [
          "Tạo tài khoản, đăng giải pháp, đăng bài toán và gửi đề xuất đều miễn phí. Nhà cung cấp có thể mua gói dịch vụ trả phí (hồ sơ đã xác minh, gói cao cấp) và dịch vụ riêng như định giá công nghệ. Khi một gói giải pháp được bán qua Sàn, Sàn giữ lại một phần phí nền tảng.",
        ],
      },
      {
        id: "verified",
        heading: "“Tổ chức đã thẩm định” nghĩa là gì?",
        blocks: [
          "Cán bộ HiHUB đã kiểm tra tên, loại tổ chức và mã số thuế với giấy tờ. Việc này không phải là bảo đảm về chất lượng giải pháp.",
        ],
      },
      {
        id: "evidence",
        heading: "Các mức bằng chứng của giải pháp khác nhau thế nào?",
        blocks: [
          "Mỗi giải pháp ghi mức bằng chứng: nhà cung cấp tự khai, HiHUB đã kiểm tra hồ sơ, khách hàng tham chiếu đã xác nhận, hoặc đã thử nghiệm trong môi trường thử nghiệm (sandbox). Mức càng cao, càng có nhiều người ngoài nhà cung cấp đã kiểm tra.",
        ],
      },
      {
        id: "major-problems",
        heading: "Bài toán lớn khác bài toán của cơ quan thế nào?",
        blocks: [
          "Bài toán lớn là danh mục các vấn đề lớn của Thủ đô do HiHUB biên tập và công bố theo phiên bản. Bài toán của cơ quan do từng sở, ngành, quận, huyện đăng và tự quản lý.",
        ],
      },
      {
        id: "payment",
        heading: "Thanh toán có an toàn không?",
        blocks: [
          "Việc thanh toán diễn ra trên trang của Stripe. Sàn chỉ nhận kết quả thanh toán (số tiền, mã giao dịch), không nhận số thẻ. Giá ghi bằng đồng Việt Nam.",
        ],
      },
      {
        id: "language",
        heading: "Tôi có thể dùng Sàn bằng tiếng Anh không?",
        blocks: [
          "Có. Bấm “English” ở đầu trang. Giao diện chuyển sang tiếng Anh; nội dung do người dùng viết vẫn ở ngôn ngữ họ đã viết, thường là tiếng Việt.",
        ],
      },
      {
        id: "data",
        heading: "Tôi có thể tải dữ liệu của Sàn không?",
        blocks: [
          "Có. Dữ liệu công khai (giải pháp, bài toán, tổ chức, bài toán lớn) có ở trang Dữ liệu mở dưới dạng CSV và JSON, và qua API mở.",
          { href: "/open-data", text: "Dữ liệu mở" },
        ],
      },
      {
        id: "delete",
        heading: "Làm sao để xoá tài khoản?",
        blocks: [
          "Hiện chưa có nút tự xoá tài khoản. Hãy gửi thư tới {{contactEmail}} từ địa chỉ email của tài khoản. Chúng tôi trả lời trong 72 giờ và cho biết những gì phải giữ lại theo luật (ví dụ chứng từ thanh toán).",
        ],
      },
    ],
  },

  terms: {
    updated: "2026-12-06",
    lead: "Khi dùng Sàn Giao dịch Công nghệ Hà Nội, bạn đồng ý với các điều khoản dưới đây.",
    sections: [
      {
        id: "operator",
        heading: "Ai vận hành Sàn",
        blocks: [
          "Sàn được vận hành cùng Trung tâm Đổi mới sáng tạo Hà Nội (HiHUB), thực hiện Nghị quyết 57-NQ/TW về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số.",
        ],
      },
      {
        id: "accounts",
        heading: "Tài khoản",
        blocks: [
          [
            "Mỗi tài khoản là của một người. Đừng chia sẻ mật khẩu.",
            "Thông tin về bạn và tổ chức của bạn phải đúng sự thật.",
            "Chỉ tạo tổ chức hoặc đăng thay tổ chức khi bạn có quyền đại diện cho tổ chức đó.",
          ],
        ],
      },
      {
        id: "content",
        heading: "Nội dung bạn đăng",
        blocks: [
          "Bạn chịu trách nhiệm về giải pháp, bài toán, đề xuất, tin nhắn và tệp đính kèm bạn đăng. Bạn giữ quyền sở hữu nội dung đó, và cho phép Sàn hiển thị, tìm kiếm và công bố nó dưới dạng dữ liệu mở khi nội dung là công khai.",
          "Không đăng nội dung sai sự thật, vi phạm quyền sở hữu trí tuệ, bí mật nhà nước, bí mật kinh doanh của người khác, hoặc mã độc. Cán bộ HiHUB có thể yêu cầu sửa, không công bố hoặc gỡ nội dung vi phạm, và ghi lại lý do.",
        ],
      },
      {
        id: "purchases",
        heading: "Mua bán qua Sàn",
        blocks: [
          "Hợp đồng mua bán là giữa tổ chức mua và nhà cung cấp. Nhà cung cấp chịu trách nhiệm về gói đã bán, hoá đơn và thuế. Sàn thu tiền qua Stripe thay cho nhà cung cấp và giữ lại phí nền tảng. Hoàn tiền do nhà cung cấp hoặc cán bộ HiHUB thực hiện qua Sàn.",
        ],
      },
      {
        id: "liability",
        heading: "Giới hạn trách nhiệm",
        blocks: [
          "Sàn giúp các bên tìm nhau; Sàn không bảo đảm một giải pháp giải được một bài toán. Hãy tự đánh giá trước khi ký hợp đồng. Chúng tôi cố gắng giữ Sàn hoạt động liên tục nhưng có thể tạm dừng để bảo trì.",
        ],
      },
      {
        id: "changes",
        heading: "Thay đổi điều khoản",
        blocks: [
          "Khi điều khoản thay đổi, chúng tôi cập nhật ngày ở đầu trang này và báo cho người dùng trước khi thay đổi có hiệu lực nếu thay đổi đó quan trọng. Luật Việt Nam áp dụng cho các điều khoản này.",
        ],
      },
    ],
  },

  privacy: {
    updated: "2026-12-06",
    lead: "Thông báo này cho biết Sàn xử lý dữ liệu cá nhân nào, vì sao, giữ bao lâu, và bạn có những quyền gì theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân.",
    sections: [
      {
        id: "controller",
        heading: "Ai xử lý dữ liệu của bạn",
        blocks: [
          "Bên kiểm soát và xử lý dữ liệu cá nhân là đơn vị vận hành Sàn Giao dịch Công nghệ Hà Nội, cùng Trung tâm Đổi mới sáng tạo Hà Nội (HiHUB). Liên hệ về dữ liệu cá nhân: {{contactEmail}}.",
        ],
      },
      {
        id: "collected",
        heading: "Chúng tôi lưu gì",
        blocks: [
          [
            "Tài khoản: họ tên, địa chỉ email, mật khẩu (chỉ lưu bản băm Argon2, không ai đọc được mật khẩu), vai trò, ngôn ngữ bạn chọn, thời điểm tạo và sửa.",
            "Phiên đăng nhập: một mã phiên ngẫu nhiên trong cookie và thời điểm hết hạn.",
            "Tổ chức: tên, loại, mã số thuế, địa chỉ, trang web, mô tả, danh sách thành viên và vai trò; lời mời thành viên (email người được mời).",
            "Nội dung bạn đăng: giải pháp, gói giá, khách hàng tham chiếu, bài toán, câu hỏi và trả lời, đề xuất, tệp đính kèm, tin nhắn giữa người mua và nhà cung cấp.",
            "Thông báo và đăng ký nhận thư: thông báo trong ứng dụng, cách bạn muốn nhận thông báo, các tìm kiếm đã lưu, và bản sao mỗi email đã gửi cho bạn.",
            "Đơn hàng và thanh toán: tổ chức mua, người đặt, gói, số tiền, trạng thái, mã phiên thanh toán và mã giao dịch của Stripe, hoàn tiền. Số thẻ do Stripe xử lý; Sàn không nhận và không lưu.",
            "Nhật ký hoạt động: ai đã làm gì với bản ghi nào, lúc nào (ví dụ duyệt giải pháp, đổi vai trò), kèm nội dung trước và sau khi sửa.",
            "Bảo vệ đăng nhập: địa chỉ IP dùng để đếm số lần đăng nhập sai, và cặp địa chỉ IP – tài khoản đã đăng nhập thành công.",
            "Nhật ký máy chủ: phương thức, đường dẫn (bỏ phần tham số) và mã trả lời của mỗi yêu cầu. Không ghi mật khẩu, cookie, mã xác thực hay địa chỉ IP.",
          ],
          "Cookie: “__session” (giữ đăng nhập) và “lng” (ngôn ngữ bạn chọn). Sàn không dùng cookie quảng cáo hay công cụ theo dõi của bên thứ ba.",
        ],
      },
      {
        id: "purposes",
        heading: "Vì sao chúng tôi xử lý dữ liệu",
        blocks: [
          [
            "Để cung cấp dịch vụ bạn yêu cầu: đăng nhập, quản lý tổ chức, đăng và kết nối giải pháp với bài toán, mua bán.",
            "Để gửi thư bạn cần (đặt lại mật khẩu, lời mời, thông báo) và thư bạn đã đăng ký.",
            "Để thẩm định tổ chức và giữ Sàn đáng tin cậy.",
            "Để giữ chứng từ thanh toán theo quy định về kế toán và thuế.",
            "Để bảo vệ Sàn khỏi truy cập trái phép và tìm lỗi.",
          ],
          "Khi tạo tài khoản, bạn đồng ý cho xử lý dữ liệu theo các mục đích trên. Nội dung công khai (giải pháp, bài toán, hồ sơ tổ chức) được công bố trên Sàn và trong dữ liệu mở; tên và email của cá nhân không nằm trong dữ liệu mở.",
        ],
      },
      {
        id: "sharing",
        heading: "Ai nhận dữ liệu",
        blocks: [
          [
            "Stripe, để thu tiền và hoàn tiền khi bạn mua hoặc bán.",
            "Máy chủ thư điện tử của Sàn, để gửi email cho bạn.",
            "Các thành viên khác của tổ chức bạn, và bên kia trong một đơn hàng hay một đề xuất, thấy những gì cần cho việc chung.",
            "Cơ quan nhà nước có thẩm quyền, khi luật yêu cầu.",
          ],
          "Chúng tôi không bán dữ liệu cá nhân.",
        ],
      },
      {
        id: "retention",
        heading: "Chúng tôi giữ dữ liệu bao lâu",
        blocks: [
          [
            "Phiên đăng nhập: tối đa 30 ngày, hoặc đến khi bạn đăng xuất, đổi hay đặt lại mật khẩu.",
            "Liên kết đặt lại mật khẩu: hết hiệu lực sau 1 giờ. Lời mời thành viên: sau 7 ngày.",
            "Đếm số lần đăng nhập sai theo địa chỉ IP: 15 phút đến 1 giờ. Cặp địa chỉ IP – tài khoản đã đăng nhập thành công: 14 ngày.",
            "Tài khoản, tổ chức và nội dung: trong suốt thời gian tài khoản còn hoạt động, và đến khi bạn yêu cầu xoá.",
            "Đơn hàng, thanh toán và hoàn tiền: 10 năm, theo Luật Kế toán, kể cả khi tài khoản đã xoá.",
            "Nhật ký hoạt động và bản sao email đã gửi: hiện được giữ trong suốt thời gian Sàn hoạt động. Khi xoá tài khoản, tên người thực hiện trong nhật ký được gỡ.",
            "Nhật ký máy chủ: theo cấu hình lưu trữ của đơn vị vận hành máy chủ.",
          ],
        ],
      },
      {
        id: "rights",
        heading: "Quyền của bạn",
        blocks: [
          "Theo Điều 9 Nghị định 13/2023/NĐ-CP, bạn có quyền:",
          [
            "được biết về việc xử lý dữ liệu cá nhân của mình;",
            "đồng ý, hoặc không đồng ý, cho xử lý dữ liệu;",
            "truy cập để xem, chỉnh sửa hoặc yêu cầu chỉnh sửa dữ liệu;",
            "rút lại sự đồng ý;",
            "yêu cầu xoá dữ liệu;",
            "yêu cầu hạn chế xử lý dữ liệu;",
            "yêu cầu cung cấp bản sao dữ liệu của mình;",
            "phản đối việc xử lý dữ liệu;",
            "khiếu nại, tố cáo, khởi kiện, và yêu cầu bồi thường thiệt hại;",
            "tự bảo vệ theo quy định của pháp luật.",
          ],
        ],
      },
      {
        id: "exercise",
        heading: "Cách thực hiện quyền",
        blocks: [
          "Bạn tự xem và sửa họ tên, mật khẩu, ngôn ngữ và cách nhận thông báo ở trang Tài khoản. Chủ sở hữu tổ chức sửa thông tin tổ chức ở trang của tổ chức.",
          { href: "/account", text: "Trang Tài khoản" },
          "Với mọi yêu cầu khác (bản sao dữ liệu, xoá, hạn chế, phản đối, rút lại đồng ý), hãy gửi thư tới {{contactEmail}} từ địa chỉ email của tài khoản, nói rõ yêu cầu. Chúng tôi xác nhận trong 72 giờ và thực hiện trong thời hạn Nghị định 13 quy định. Nếu không hài lòng với câu trả lời, bạn có thể khiếu nại tới Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (A05), Bộ Công an.",
        ],
      },
    ],
  },

  accessibility: {
    updated: "2026-12-06",
    lead: "Chúng tôi muốn mọi người dùng được Sàn, kể cả người dùng trình đọc màn hình, chỉ dùng bàn phím, phóng to chữ hay dùng màn hình nhỏ.",
    sections: [
      {
        id: "target",
        heading: "Mục tiêu",
        blocks: [
          "Sàn hướng tới tiêu chuẩn WCAG 2.1 mức AA. Sàn được làm để bạn có thể:",
          [
            "dùng toàn bộ Sàn bằng bàn phím;",
            "phóng to tới 400% mà chữ không bị cắt;",
            "dùng trên màn hình rộng từ 320 điểm ảnh;",
            "tìm kiếm, lọc và gửi biểu mẫu khi không có JavaScript;",
            "chọn tiếng Việt hoặc tiếng Anh.",
          ],
        ],
      },
      {
        id: "testing",
        heading: "Cách chúng tôi kiểm tra",
        blocks: [
          "Mỗi lần thay đổi, các trang chính được kiểm tra tự động bằng axe-core trong trình duyệt Chromium ở các độ rộng 320, 390 và 1280 điểm ảnh, bằng cả hai ngôn ngữ.",
        ],
      },
      {
        id: "known-issues",
        heading: "Những phần chưa đạt",
        blocks: [
          [
            "Tệp đính kèm do người dùng tải lên (PDF, hình ảnh) có thể không tiếp cận được; chúng tôi không kiểm soát nội dung các tệp này.",
            "Nội dung do người dùng viết có thể chỉ có tiếng Việt khi bạn chọn tiếng Anh.",
            "Bảng biên tập kết nối của cán bộ HiHUB dài và dày đặc trên màn hình nhỏ; chúng tôi đang làm một dạng danh sách dễ dùng hơn.",
            "Biểu mẫu đăng giải pháp còn dài; chúng tôi đang chia nó thành các phần rõ ràng.",
            "Một vài bảng rộng phải cuộn ngang trong khung riêng của bảng trên màn hình hẹp.",
          ],
        ],
      },
      {
        id: "report",
        heading: "Báo lỗi tiếp cận",
        blocks: [
          "Nếu bạn gặp khó khăn khi dùng Sàn, hãy gửi thư tới {{contactEmail}}, cho biết trang nào, bạn định làm gì, và bạn dùng trình duyệt, công cụ hỗ trợ nào. Chúng tôi trả lời trong 5 ngày làm việc, và có thể gửi nội dung bạn cần ở dạng khác.",
        ],
      },
    ],
  },

  contact: {
    updated: "2026-12-06",
    lead: "Hỏi về Sàn, báo lỗi, yêu cầu về dữ liệu cá nhân hoặc báo nội dung vi phạm: hãy viết cho chúng tôi.",
    sections: [
      {
        id: "email",
        heading: "Email",
        blocks: [
          "Gửi thư tới {{contactEmail}}. Chúng tôi trả lời trong giờ hành chính, từ thứ Hai đến thứ Sáu, thường trong 2 ngày làm việc.",
          { href: "mailto:{{contactEmail}}", text: "Viết thư cho Sàn" },
        ],
      },
      {
        id: "what-to-include",
        heading: "Nên ghi gì trong thư",
        blocks: [
          [
            "Địa chỉ trang (đường dẫn) bạn đang nói tới.",
            "Tên tổ chức của bạn, nếu câu hỏi là về tổ chức.",
            "Số đơn hàng, nếu câu hỏi là về thanh toán.",
          ],
          "Đừng gửi mật khẩu hay số thẻ qua email. Chúng tôi không bao giờ hỏi những thông tin đó.",
        ],
      },
      {
        id: "operator",
        heading: "Đơn vị vận hành",
        blocks: ["Trung tâm Đổi mới sáng tạo Hà Nội (HiHUB), Hà Nội, Việt Nam."],
      },
    ],
  },
};
