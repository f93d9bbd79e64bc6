// Answers the request guard (app/server/body-guard.ts) gives before any page
// runs: they are short plain text, so each stands alone as a sentence.
export const requestGuardVi = {
  tooLarge: "Yêu cầu quá lớn: tối đa {{limit}} MB. Hãy gửi ít dữ liệu hơn hoặc tệp nhỏ hơn.",
  lengthRequired: "Biểu mẫu phải được gửi kèm độ dài (Content-Length).",
  unsupportedType:
    "Định dạng dữ liệu không được hỗ trợ. Biểu mẫu nhận application/x-www-form-urlencoded hoặc multipart/form-data.",
  webhookType: "Webhook phải gửi dữ liệu JSON (application/json).",
  malformed: "Dữ liệu biểu mẫu bị hỏng hoặc không đầy đủ. Hãy tải lại trang và gửi lại.",
  tooManyFields: "Biểu mẫu có quá nhiều trường (tối đa {{limit}}).",
  badFieldName: "Biểu mẫu có tên trường không hợp lệ: {{name}}",
  nulCharacter: "Biểu mẫu chứa ký tự NUL (mã 0), không thể lưu. Hãy xoá ký tự đó và gửi lại.",
  badHost: "Địa chỉ máy chủ (Host) không hợp lệ.",
};
