// Messages for values that arrive from outside the forms' own fields: query
// parameters typed into the address bar, uploaded file names, and webhook
// events the payment worker had to give up on.
export const inputChecksVi = {
  pageInvalid: "Số trang không hợp lệ: hãy dùng một số nguyên từ 1 trở lên.",
  dayInvalid: "Ngày không hợp lệ: hãy chọn một ngày có thật (từ năm 1900 đến 2999).",
  uploadUnreadable: "Không đọc được tệp tải lên. Hãy chọn lại tệp và gửi lại biểu mẫu.",
  storageUnavailable:
    "Kho lưu trữ tệp tạm thời không phản hồi. Nếu bạn vừa gửi biểu mẫu, tệp chưa được lưu và chưa có gì thay đổi. Hãy thử lại sau ít phút.",
  deadLetters: {
    title: "Sự kiện thanh toán không xử lý được",
    lead: "Các sự kiện webhook đã thử {{attempts}} lần mà vẫn không áp dụng được. Hệ thống đã ngừng thử; hãy xem lỗi cuối cùng và đối chiếu với Stripe.",
    count: "{{count}} sự kiện không xử lý được",
    none: "Không có sự kiện nào bị dừng xử lý.",
    eventId: "Mã sự kiện",
    type: "Loại",
    attempts: "Số lần thử",
    lastError: "Lỗi cuối cùng",
    deadAt: "Dừng lúc",
    retry: "Thử lại",
    retried: "Sự kiện sẽ được xử lý lại ngay.",
  },
};
