// The living market of the demo: agencies' published problem statements with
// questions (some answered) and proposals in every state, matches that staff
// took from suggestion to deployment, and orders paid and refunded. Every
// write goes through the app's own models (statements are submitted and
// published, proposals decided with structured reasons, matches moved and
// staged, orders paid through the payment events), so the audit log, search
// index and notices look as they would after real use. All of it is
// fictional, like the organisations.
//
// Each part runs only while its table is empty and only when the demo
// organisations exist, so a second `npm start` adds nothing and a real
// deployment's data is never mixed with the demo's.
import { db, type DeclineReason, type MatchRejectReason } from "~/db.server";
import { advanceStage, moveMatches, refreshSuggestions, type MatchTarget } from "~/models/curation-board.server";
import { fulfilOrder, refundOrder, startOrder } from "~/models/order.server";
import { closeStatement, createStatement, publishStatement, submitStatement } from "~/models/problem-statement.server";
import { postMessage } from "~/models/message.server";
import { createProposal, decideProposal, withdrawProposal } from "~/models/proposal.server";
import { answerQuestion, askQuestion } from "~/models/question.server";
import { drainPaymentEvents, recordPaymentEvent } from "~/models/payment-events.server";
import { createStripeProvider, setPaymentProvider } from "~/payments/provider.server";
import { todayInHanoi, type ProblemStatementInput } from "~/schemas/problem-statement";
import type { DeploymentStageValue } from "~/schemas/curation";
import { startStripeStandIn } from "~/payments/stripe-stand-in.server";
import { seedOrganisations } from "./seed-data";

/** A Hanoi calendar day `days` from today (negative: in the past). */
const day = (days: number) => todayInHanoi(new Date(Date.now() + days * 86_400_000));

type Decision =
  | { status: "RECEIVED" }
  | { status: "SHORTLISTED" }
  | { status: "SELECTED" }
  | { status: "DECLINED"; reason: DeclineReason; note: string }
  // Withdrawn by the provider itself before any decision.
  | { status: "WITHDRAWN" };

type SeedProposal = { offer: string; pitch: string } & Decision;
type SeedQuestion = { asker: string; body: string; answer?: string };

type SeedStatement = {
  key: string;
  agency: string; // organisation key in seed-data.ts
  majorProblem?: string; // code in the city's list
  status: "DRAFT" | "SUBMITTED" | "PUBLISHED" | "CLOSED";
  outcome?: string; // for CLOSED
  fields: Omit<ProblemStatementInput, "deadline" | "proposalDeadline" | "majorProblemId"> & {
    proposalInDays: number;
    deadlineInDays: number;
  };
  questions?: SeedQuestion[];
  proposals?: SeedProposal[];
};

export const seedStatements: SeedStatement[] = [
  {
    key: "flood-sensors",
    agency: "construction-dept",
    majorProblem: "HN-2026-04",
    status: "PUBLISHED",
    fields: {
      title: "Cảm biến mực nước và cảnh báo ngập cho 30 điểm ngập thường xuyên nội đô",
      context:
        "Sau mỗi trận mưa lớn, 30 điểm ngập thường xuyên trong nội đô vẫn được theo dõi bằng người trực và điện thoại; trạm bơm và cửa xả chỉ được vận hành khi nước đã lên. Sở cần dữ liệu mực nước theo thời gian thực để cảnh báo sớm và điều hành bơm.",
      targetUsers: "Phòng Hạ tầng kỹ thuật, đơn vị vận hành thoát nước, người dân tại các tuyến phố hay ngập.",
      responsiblePerson: "Ông Đỗ Văn Khải, Phó Trưởng phòng Hạ tầng kỹ thuật",
      scopeOfWork:
        "Lắp cảm biến mực nước tại 30 điểm ngập, truyền dữ liệu về trung tâm điều hành, dự báo điểm ngập theo mưa dự báo và gửi cảnh báo qua ứng dụng, bảng điện tử.",
      timeline: "Thí điểm 6 tháng trong mùa mưa, đánh giá sau 3 tháng.",
      accountableUnit: "Phòng Hạ tầng kỹ thuật – Sở Xây dựng Hà Nội",
      deliverable: "Hệ thống cảm biến hoạt động tại 30 điểm, bảng điều khiển và kênh cảnh báo cho người dân.",
      successCriteria: "Cảnh báo điểm ngập trước ít nhất 1 giờ tại 80% trận mưa trên 50 mm trong thời gian thí điểm.",
      decisionAuthority: "Giám đốc Sở Xây dựng Hà Nội",
      dataAvailable:
        "Số liệu mưa của các trạm khí tượng, bản đồ mạng thoát nước, nhật ký vận hành trạm bơm 3 năm gần nhất.",
      budgetMinVnd: 1_500_000_000,
      budgetMaxVnd: 3_000_000_000,
      desiredTrl: 7,
      proposalInDays: 30,
      deadlineInDays: 240,
    },
    questions: [
      {
        asker: "env-informatics-institute",
        body: "Sở có cho phép lắp cảm biến trên cột đèn chiếu sáng công cộng không, hay phải dựng cột riêng?",
        answer: "Được lắp trên cột đèn chiếu sáng; đơn vị quản lý chiếu sáng sẽ phối hợp cấp điện.",
      },
      {
        asker: "aqua-sense",
        body: "Dữ liệu cảnh báo có cần kết nối với hệ thống điều hành của thành phố ngay trong giai đoạn thí điểm không?",
      },
    ],
    proposals: [
      {
        offer: "Hệ thống cảnh báo sớm ngập úng đô thị",
        status: "SELECTED",
        pitch: "Hệ thống đã chạy thử tại 12 điểm ngập; dự báo theo mưa radar và cảnh báo qua Zalo, bảng điện tử.",
      },
      {
        offer: "Trạm phao IoT giám sát chất lượng nước hồ Thủy Sạch",
        status: "DECLINED",
        reason: "OUT_OF_SCOPE",
        note: "Trạm phao đo chất lượng nước hồ, chưa đo mực nước ngập trên tuyến phố.",
        pitch: "Cảm biến của chúng tôi có thể bổ sung đầu đo mực nước cho các hồ điều hòa.",
      },
      {
        offer: "Bản sao số 3D hỗ trợ quy hoạch và quản lý hạ tầng đô thị",
        status: "RECEIVED",
        pitch: "Mô hình 3D mạng thoát nước giúp mô phỏng ngập theo kịch bản mưa.",
      },
    ],
  },
  {
    key: "emissions-inventory",
    agency: "environment-dept",
    majorProblem: "HN-2026-03",
    status: "PUBLISHED",
    fields: {
      title: "Kiểm kê phát thải và quan trắc không khí phục vụ lộ trình Net Zero của thành phố",
      context:
        "Thành phố chưa có số liệu phát thải khí nhà kính theo ngành và theo khu vực được cập nhật thường xuyên; số liệu chất lượng không khí mới có tại một số trạm. Sở cần công cụ kiểm kê và quan trắc để xây dựng lộ trình giảm phát thải.",
      responsiblePerson: "Bà Lưu Thị Hạnh, Trưởng phòng Biến đổi khí hậu",
      scopeOfWork:
        "Công cụ kiểm kê phát thải theo phương pháp MRV cho giao thông, xây dựng và chất thải; mạng cảm biến không khí hiệu chuẩn với trạm chuẩn tại 2 phường thí điểm.",
      timeline: "12 tháng: 4 tháng kiểm kê, 8 tháng vận hành và báo cáo.",
      accountableUnit: "Phòng Biến đổi khí hậu – Sở Tài nguyên và Môi trường Hà Nội",
      deliverable: "Báo cáo kiểm kê năm cơ sở, bảng theo dõi phát thải và chất lượng không khí cập nhật hằng giờ.",
      successCriteria:
        "Có số liệu phát thải năm cơ sở cho 3 ngành và số liệu không khí hằng giờ tại 2 phường thí điểm.",
      decisionAuthority: "Giám đốc Sở Tài nguyên và Môi trường Hà Nội",
      budgetMaxVnd: 2_500_000_000,
      desiredTrl: 6,
      proposalInDays: 40,
      deadlineInDays: 365,
    },
    questions: [
      {
        asker: "khi-sach",
        body: "Cảm biến chi phí thấp có được chấp nhận nếu được hiệu chuẩn định kỳ với trạm quan trắc chuẩn không?",
        answer: "Được, với điều kiện có quy trình hiệu chuẩn và báo cáo sai số hằng tháng.",
      },
    ],
    proposals: [
      {
        offer: "Mạng lưới quan trắc bụi mịn PM2.5 theo phường",
        status: "SHORTLISTED",
        pitch: "Mạng cảm biến PM2.5 đã hiệu chuẩn với trạm chuẩn, cập nhật hằng giờ đến từng phường.",
      },
      {
        offer: "Bản sao số 3D hỗ trợ quy hoạch và quản lý hạ tầng đô thị",
        status: "DECLINED",
        reason: "TRL_TOO_LOW",
        note: "Phân hệ kiểm kê phát thải của mô hình 3D mới ở giai đoạn thử nghiệm trong phòng.",
        pitch: "Mô hình 3D có thể tính phát thải theo từng tòa nhà.",
      },
    ],
  },
  {
    key: "market-traceability",
    agency: "environment-dept",
    majorProblem: "HN-2026-05",
    status: "PUBLISHED",
    fields: {
      title: "Truy xuất nguồn gốc rau và thịt tại 3 chợ đầu mối",
      context:
        "Phần lớn rau và thịt vào các chợ đầu mối chưa có thông tin nguồn gốc kiểm chứng được; khi có sự cố an toàn thực phẩm, việc truy vết mất nhiều ngày. Cần nền tảng truy xuất dễ dùng với tiểu thương và hợp tác xã.",
      responsiblePerson: "Ông Vũ Đình Phong, Phó Chi cục trưởng Chi cục Quản lý chất lượng",
      scopeOfWork:
        "Tem QR cho lô hàng, ghi nhận dữ liệu từ vùng sản xuất, cơ sở giết mổ đến sạp bán; ứng dụng tra cứu cho người mua và công cụ kiểm tra cho cơ quan quản lý.",
      timeline: "9 tháng thí điểm tại 3 chợ đầu mối.",
      accountableUnit: "Chi cục Quản lý chất lượng nông lâm sản và thủy sản",
      deliverable: "Nền tảng truy xuất vận hành tại 3 chợ, có hướng dẫn và tập huấn cho tiểu thương.",
      successCriteria: "70% lô rau và thịt vào 3 chợ có mã truy xuất hợp lệ; truy vết một lô trong vòng 4 giờ.",
      decisionAuthority: "Giám đốc Sở Tài nguyên và Môi trường Hà Nội",
      budgetMaxVnd: 1_200_000_000,
      proposalInDays: 25,
      deadlineInDays: 300,
    },
    questions: [{ asker: "dong-xanh-agritech", body: "Tiểu thương có phải tự in tem QR không, hay chợ in tập trung?" }],
    proposals: [
      {
        offer: "Đồng Xanh Market – gian hàng nông sản trực tuyến có truy xuất nguồn gốc",
        status: "RECEIVED",
        pitch: "Tem QR truy xuất nguồn gốc đã dùng cho 40 hợp tác xã; in tem tại chợ bằng máy in nhiệt.",
      },
    ],
  },
  {
    key: "hospital-booking",
    agency: "health-dept",
    majorProblem: "HN-2026-13",
    status: "PUBLISHED",
    fields: {
      title: "Đặt lịch khám trực tuyến dùng chung cho 5 bệnh viện tuyến thành phố",
      context:
        "Người bệnh đến 5 bệnh viện tuyến thành phố thường phải chờ 2–3 giờ để đăng ký và khám; mỗi bệnh viện có cách đặt lịch riêng, nhiều nơi chỉ qua điện thoại. Sở cần một kênh đặt lịch dùng chung.",
      responsiblePerson: "Bà Nguyễn Thu Hiền, Trưởng phòng Nghiệp vụ Y",
      scopeOfWork:
        "Cổng và ứng dụng đặt lịch khám dùng chung, kết nối phần mềm quản lý bệnh viện, nhắc lịch, phân luồng theo chuyên khoa.",
      timeline: "Triển khai trong 6 tháng, mỗi bệnh viện kết nối trong 4 tuần.",
      accountableUnit: "Phòng Nghiệp vụ Y – Sở Y tế Hà Nội",
      deliverable: "Cổng đặt lịch vận hành tại 5 bệnh viện, báo cáo lượt đặt và thời gian chờ hằng tháng.",
      successCriteria: "40% lượt khám ngoại trú được đặt lịch trước; thời gian chờ trung bình giảm 30%.",
      decisionAuthority: "Giám đốc Sở Y tế Hà Nội",
      budgetMinVnd: 800_000_000,
      budgetMaxVnd: 1_500_000_000,
      desiredTrl: 8,
      proposalInDays: 20,
      deadlineInDays: 200,
    },
    questions: [
      {
        asker: "medirecord",
        body: "Các bệnh viện đang dùng phần mềm quản lý bệnh viện nào, và có sẵn giao diện kết nối (API) không?",
        answer:
          "3 bệnh viện dùng cùng một phần mềm có API theo chuẩn HL7 FHIR; 2 bệnh viện còn lại cần kết nối qua tệp.",
      },
    ],
    proposals: [
      {
        offer: "Hệ thống đặt lịch khám và điều phối người bệnh đa kênh",
        status: "SHORTLISTED",
        pitch: "Đang vận hành tại 2 bệnh viện tư nhân; kết nối HL7 FHIR sẵn có.",
      },
      {
        offer: "Tây Hồ Chat – CRM và trợ lý AI chăm sóc khách hàng",
        status: "DECLINED",
        reason: "OUT_OF_SCOPE",
        note: "Sở cần hệ thống đặt lịch kết nối phần mềm bệnh viện, không chỉ kênh trò chuyện.",
        pitch: "Trợ lý AI trả lời và nhận đặt lịch qua Zalo, Facebook.",
      },
    ],
  },
  {
    key: "sidewalk-cameras",
    agency: "cau-giay-district",
    majorProblem: "HN-2026-02",
    status: "PUBLISHED",
    fields: {
      title: "Camera phân tích hình ảnh phát hiện lấn chiếm vỉa hè và đổ trộm phế thải",
      context:
        "Lấn chiếm vỉa hè và đổ trộm phế thải xây dựng tái diễn trên các tuyến phố chính; lực lượng trật tự chỉ phát hiện khi tuần tra hoặc có phản ánh. Quận cần phát hiện sớm để xử lý kịp thời.",
      responsiblePerson: "Ông Trịnh Quốc Việt, Đội trưởng Đội Trật tự đô thị",
      scopeOfWork:
        "Phân tích hình ảnh từ camera sẵn có trên 10 tuyến phố, phát hiện lấn chiếm và đổ trộm, chuyển cảnh báo cho lực lượng trật tự kèm ảnh và vị trí.",
      timeline: "4 tháng thí điểm trên 10 tuyến phố.",
      accountableUnit: "Đội Trật tự đô thị quận Cầu Giấy",
      deliverable: "Hệ thống phân tích và ứng dụng nhận cảnh báo cho lực lượng trật tự.",
      successCriteria:
        "Phát hiện đúng ít nhất 85% vi phạm được kiểm chứng; thời gian từ phát hiện đến xử lý dưới 2 giờ.",
      decisionAuthority: "Chủ tịch UBND quận Cầu Giấy",
      budgetMaxVnd: 900_000_000,
      desiredTrl: 7,
      proposalInDays: 35,
      deadlineInDays: 180,
    },
    questions: [
      {
        asker: "urban-tech-institute",
        body: "Camera hiện có là loại nào, độ phân giải bao nhiêu và có lưu hình ảnh tại chỗ không?",
        answer: "Camera 2 MP, lưu 15 ngày tại trung tâm của quận; có thể lấy luồng trực tiếp qua RTSP.",
      },
    ],
  },
  {
    key: "household-einvoice",
    agency: "hang-trong-ward",
    majorProblem: "HN-2026-25",
    status: "PUBLISHED",
    fields: {
      title: "Hỗ trợ 300 hộ kinh doanh dùng hóa đơn điện tử và thanh toán không tiền mặt",
      context:
        "Phường có khoảng 300 hộ kinh doanh phải chuyển từ thuế khoán sang tự kê khai; nhiều hộ chưa dùng hóa đơn điện tử khởi tạo từ máy tính tiền và chưa nhận thanh toán QR. Phường cần gói giải pháp giá rẻ kèm hướng dẫn tận nơi.",
      responsiblePerson: "Bà Đặng Minh Thư, Phó Chủ tịch UBND phường",
      scopeOfWork:
        "Cung cấp phần mềm bán hàng có hóa đơn điện tử, thanh toán QR, hướng dẫn tại chỗ cho 300 hộ kinh doanh.",
      timeline: "3 tháng triển khai, hỗ trợ 9 tháng sau đó.",
      accountableUnit: "Văn phòng UBND phường Hàng Trống",
      deliverable: "300 hộ kinh doanh dùng được hóa đơn điện tử và thanh toán QR.",
      successCriteria: "80% hộ phát hành hóa đơn điện tử hằng tháng; 60% giao dịch được thanh toán không tiền mặt.",
      decisionAuthority: "Chủ tịch UBND phường Hàng Trống",
      budgetMaxVnd: 300_000_000,
      proposalInDays: 15,
      deadlineInDays: 120,
    },
    questions: [
      {
        asker: "congso-platform",
        body: "Phường có hỗ trợ chi phí thiết bị (máy in hóa đơn, loa báo tiền) cho hộ kinh doanh không?",
        answer: "Phường hỗ trợ phần mềm năm đầu; thiết bị do hộ kinh doanh tự trang bị.",
      },
      { asker: "tay-ho-labs", body: "Có cần tích hợp với cổng khai thuế cho hộ kinh doanh không?" },
    ],
    proposals: [
      {
        offer: "Hóa đơn điện tử HG-eInvoice",
        status: "SELECTED",
        pitch: "Gói hóa đơn điện tử từ máy tính tiền kèm thanh toán QR Hồ Gươm Pay, hướng dẫn tận nơi.",
      },
      {
        offer: "Hóa đơn điện tử Công số",
        status: "DECLINED",
        reason: "OVER_BUDGET",
        note: "Chi phí cho 300 hộ trong năm đầu vượt ngân sách phường.",
        pitch: "Hóa đơn điện tử kết nối cơ quan thuế, hỗ trợ 24/7.",
      },
      {
        offer: "Sổ Sách AI – kế toán cho hộ kinh doanh",
        status: "SHORTLISTED",
        pitch: "Sổ sách kế toán tự động từ hóa đơn, phù hợp hộ tự kê khai.",
      },
      {
        offer: "Sạp Xanh POS – bán hàng cho cửa hàng thực phẩm và tạp hóa",
        status: "WITHDRAWN",
        pitch: "Phần mềm bán hàng cho cửa hàng tạp hóa, xuất hóa đơn điện tử.",
      },
    ],
  },
  {
    key: "underground-map",
    agency: "construction-dept",
    majorProblem: "HN-2026-06",
    status: "PUBLISHED",
    fields: {
      title: "Bản đồ số 3D công trình ngầm khu vực Vành đai 1",
      context:
        "Đường ống, cáp ngầm và công trình ngầm trong khu vực Vành đai 1 do nhiều đơn vị quản lý, dữ liệu rời rạc; thi công thường đào trúng công trình ngầm chưa được ghi nhận. Sở cần một bản đồ số 3D dùng chung.",
      responsiblePerson: "Ông Phan Anh Tuấn, Trưởng phòng Quản lý hạ tầng",
      scopeOfWork:
        "Thu thập, chuẩn hóa dữ liệu công trình ngầm từ các đơn vị quản lý, dựng mô hình 3D và công cụ tra cứu khi cấp phép đào đường.",
      timeline: "12 tháng cho khu vực Vành đai 1.",
      accountableUnit: "Phòng Quản lý hạ tầng – Sở Xây dựng Hà Nội",
      deliverable: "Mô hình 3D công trình ngầm và công cụ tra cứu trực tuyến cho cán bộ cấp phép.",
      successCriteria:
        "90% tuyến ống, cáp ngầm trong Vành đai 1 có dữ liệu 3D; mọi hồ sơ đào đường được kiểm tra xung đột trước khi cấp phép.",
      decisionAuthority: "Giám đốc Sở Xây dựng Hà Nội",
      budgetMinVnd: 2_000_000_000,
      budgetMaxVnd: 5_000_000_000,
      desiredTrl: 7,
      proposalInDays: 45,
      deadlineInDays: 400,
    },
    proposals: [
      {
        offer: "Bản sao số 3D hỗ trợ quy hoạch và quản lý hạ tầng đô thị",
        status: "SHORTLISTED",
        pitch: "Mô hình 3D hạ tầng ngầm và nổi đã dựng cho 2 khu đô thị mới.",
      },
    ],
  },
  {
    key: "pharmacy-sales",
    agency: "health-dept",
    majorProblem: "HN-2026-14",
    status: "PUBLISHED",
    fields: {
      title: "Kết nối bán thuốc theo đơn điện tử tại nhà thuốc trên địa bàn",
      context:
        "Nhiều nhà thuốc chưa kết nối với hệ thống đơn thuốc điện tử nên không kiểm tra được đơn và không báo cáo được lượng thuốc kê đơn đã bán. Sở cần giải pháp giá rẻ để nhà thuốc nhỏ kết nối.",
      responsiblePerson: "Ông Hoàng Văn Tùng, Trưởng phòng Quản lý dược",
      scopeOfWork: "Phần mềm bán hàng nhà thuốc có kết nối đơn thuốc điện tử, dành cho 500 nhà thuốc nhỏ.",
      timeline: "6 tháng.",
      accountableUnit: "Phòng Quản lý dược – Sở Y tế Hà Nội",
      deliverable: "500 nhà thuốc dùng phần mềm có kết nối đơn thuốc điện tử.",
      successCriteria: "90% đơn thuốc điện tử tại các nhà thuốc tham gia được kiểm tra khi bán.",
      decisionAuthority: "Giám đốc Sở Y tế Hà Nội",
      budgetMaxVnd: 600_000_000,
      proposalInDays: 28,
      deadlineInDays: 210,
    },
    proposals: [
      {
        offer: "Phần mềm bán hàng và quản lý nhà thuốc Hồng Đức Pharma",
        status: "RECEIVED",
        pitch: "Phần mềm nhà thuốc đã kết nối Cổng đơn thuốc quốc gia, giá từ 149.000 ₫ mỗi tháng.",
      },
    ],
  },
  {
    key: "cyber-ward",
    agency: "hang-trong-ward",
    majorProblem: "HN-2026-26",
    status: "PUBLISHED",
    fields: {
      title: "Bảo vệ máy tính và tài khoản của bộ phận một cửa phường trước mã độc, lừa đảo",
      context:
        "Bộ phận một cửa của phường dùng 25 máy tính kết nối nhiều hệ thống của thành phố; năm qua có 2 lần máy bị nhiễm mã độc qua thư giả mạo. Phường cần gói bảo vệ và tập huấn phù hợp quy mô nhỏ.",
      responsiblePerson: "Ông Lê Văn Hòa, công chức phụ trách công nghệ thông tin",
      scopeOfWork:
        "Phần mềm bảo vệ máy trạm, lọc thư giả mạo, sao lưu dữ liệu và tập huấn nhận diện lừa đảo cho cán bộ.",
      timeline: "2 tháng triển khai, giám sát 12 tháng.",
      accountableUnit: "Văn phòng UBND phường Hàng Trống",
      deliverable: "25 máy tính được bảo vệ, báo cáo sự cố hằng tháng, 2 buổi tập huấn.",
      successCriteria: "Không có sự cố mã độc làm gián đoạn tiếp nhận hồ sơ trong 12 tháng.",
      decisionAuthority: "Chủ tịch UBND phường Hàng Trống",
      budgetMaxVnd: 80_000_000,
      proposalInDays: 21,
      deadlineInDays: 90,
    },
    questions: [
      {
        asker: "lac-long-security",
        body: "Các máy tính đang dùng hệ điều hành nào và có được quản lý tập trung không?",
      },
    ],
    proposals: [
      {
        offer: "Lạc Long Shield – gói an toàn thông tin cho doanh nghiệp nhỏ",
        status: "SHORTLISTED",
        pitch: "Gói bảo vệ máy trạm, lọc thư và sao lưu cho đơn vị dưới 50 máy.",
      },
    ],
  },
  {
    key: "lake-quality",
    agency: "environment-dept",
    majorProblem: "HN-2026-11",
    status: "CLOSED",
    outcome: "Đã chọn giải pháp trạm phao IoT của Công ty TNHH Giải pháp IoT Thủy Sạch để thí điểm tại 5 hồ nội đô.",
    fields: {
      title: "Quan trắc tự động chất lượng nước tại 5 hồ nội đô",
      context:
        "Chất lượng nước các hồ nội đô được lấy mẫu thủ công mỗi quý nên không phát hiện kịp hiện tượng cá chết, tảo nở hoa. Sở cần số liệu liên tục để xử lý sớm.",
      responsiblePerson: "Bà Trần Thị Lan, Trưởng phòng Quản lý môi trường",
      scopeOfWork: "Trạm quan trắc tự động đo oxy hòa tan, pH, độ đục, nhiệt độ tại 5 hồ, cảnh báo khi vượt ngưỡng.",
      timeline: "6 tháng thí điểm.",
      accountableUnit: "Phòng Quản lý môi trường – Sở Tài nguyên và Môi trường Hà Nội",
      deliverable: "5 trạm quan trắc hoạt động và bảng điều khiển dùng chung.",
      successCriteria: "Số liệu cập nhật mỗi 15 phút, cảnh báo trong 30 phút khi oxy hòa tan dưới ngưỡng.",
      decisionAuthority: "Giám đốc Sở Tài nguyên và Môi trường Hà Nội",
      budgetMaxVnd: 1_000_000_000,
      proposalInDays: 10,
      deadlineInDays: 150,
    },
    proposals: [
      {
        offer: "Trạm phao IoT giám sát chất lượng nước hồ Thủy Sạch",
        status: "SELECTED",
        pitch: "Trạm phao năng lượng mặt trời, truyền NB-IoT, đã chạy tại 3 hồ.",
      },
    ],
  },
  {
    key: "parking-draft",
    agency: "transport-dept",
    majorProblem: "HN-2026-08",
    status: "DRAFT",
    fields: {
      title: "Thông tin chỗ đỗ xe trống theo thời gian thực quanh hồ Hoàn Kiếm",
      context:
        "Người dân và du khách mất nhiều thời gian tìm chỗ đỗ xe quanh hồ Hoàn Kiếm vào cuối tuần; các điểm trông giữ chưa chia sẻ số chỗ trống. Sở đang soạn yêu cầu để đăng tải.",
      responsiblePerson: "Ông Bùi Quang Minh, Phó Trưởng phòng Quản lý vận tải",
      scopeOfWork: "Cảm biến hoặc camera đếm chỗ trống tại 20 điểm trông giữ, bản đồ chỗ trống trên ứng dụng.",
      timeline: "4 tháng.",
      accountableUnit: "Phòng Quản lý vận tải – Sở Giao thông Vận tải Hà Nội",
      deliverable: "Bản đồ chỗ đỗ trống cập nhật mỗi phút cho 20 điểm trông giữ.",
      successCriteria: "Sai số số chỗ trống dưới 5%.",
      decisionAuthority: "Giám đốc Sở Giao thông Vận tải Hà Nội",
      proposalInDays: 60,
      deadlineInDays: 200,
    },
  },
  {
    key: "school-wifi-submitted",
    agency: "cau-giay-district",
    status: "SUBMITTED",
    fields: {
      title: "Quản lý thiết bị và mạng không dây tại 20 trường tiểu học",
      context:
        "20 trường tiểu học của quận có thiết bị mạng do nhiều nhà cung cấp lắp đặt, hay mất kết nối trong giờ học trực tuyến; không có ai theo dõi tập trung. Quận cần giải pháp quản lý và giám sát chung.",
      responsiblePerson: "Bà Ngô Thị Mai, Trưởng phòng Giáo dục và Đào tạo",
      scopeOfWork: "Giám sát tập trung thiết bị mạng, cảnh báo sự cố, báo cáo chất lượng kết nối theo trường.",
      timeline: "3 tháng triển khai.",
      accountableUnit: "Phòng Giáo dục và Đào tạo quận Cầu Giấy",
      deliverable: "Bảng giám sát mạng của 20 trường và quy trình xử lý sự cố.",
      successCriteria: "Thời gian mất kết nối trong giờ học giảm 70%.",
      decisionAuthority: "Chủ tịch UBND quận Cầu Giấy",
      proposalInDays: 30,
      deadlineInDays: 150,
    },
  },
];

// Proposals straight to a major problem of the city's list, decided by staff.
export const seedMajorProblemProposals: ({ code: string } & SeedProposal)[] = [
  {
    code: "HN-2026-04",
    offer: "Hệ thống cảnh báo sớm ngập úng đô thị",
    status: "RECEIVED",
    pitch: "Đề xuất mở rộng hệ thống cảnh báo ngập ra toàn bộ các điểm ngập của thành phố.",
  },
  {
    code: "HN-2026-10",
    offer: "Mạng lưới quan trắc bụi mịn PM2.5 theo phường",
    status: "SHORTLISTED",
    pitch: "Phủ cảm biến PM2.5 đến mọi phường, xã với dự báo trước 72 giờ.",
  },
];

type SeedMatch = {
  target: { code: string } | { statement: string };
  offer: string;
  to: "SUGGESTED" | "SHORTLISTED" | "APPROVED" | "REJECTED";
  rejectReason?: MatchRejectReason;
  note?: string;
  // Stages after approval, each a number of days ago (in order).
  stages?: { stage: DeploymentStageValue; daysAgo: number; dropReason?: string }[];
  reasons: string[];
};

// Staff's curation, from a suggestion to deployment. HN-2026-01 is left
// untouched: its board is where a newcomer (and the e2e journey) starts.
export const seedMatches: SeedMatch[] = [
  {
    target: { code: "HN-2026-04" },
    offer: "Hệ thống cảnh báo sớm ngập úng đô thị",
    to: "APPROVED",
    reasons: ["cảnh báo ngập", "mực nước", "trạm bơm"],
    stages: [
      { stage: "INTRODUCED", daysAgo: 150 },
      { stage: "PILOT", daysAgo: 120 },
      { stage: "PROCUREMENT", daysAgo: 60 },
      { stage: "DEPLOYED", daysAgo: 14 },
    ],
  },
  {
    target: { code: "HN-2026-11" },
    offer: "Trạm phao IoT giám sát chất lượng nước hồ Thủy Sạch",
    to: "APPROVED",
    reasons: ["chất lượng nước", "hồ nội đô", "cảm biến"],
    stages: [
      { stage: "INTRODUCED", daysAgo: 100 },
      { stage: "PILOT", daysAgo: 70 },
      { stage: "PROCUREMENT", daysAgo: 20 },
    ],
  },
  {
    target: { code: "HN-2026-10" },
    offer: "Mạng lưới quan trắc bụi mịn PM2.5 theo phường",
    to: "APPROVED",
    reasons: ["bụi mịn PM2.5", "quan trắc", "phường"],
    stages: [
      { stage: "INTRODUCED", daysAgo: 60 },
      { stage: "PILOT", daysAgo: 30 },
    ],
  },
  {
    target: { code: "HN-2026-13" },
    offer: "Hệ thống đặt lịch khám và điều phối người bệnh đa kênh",
    to: "APPROVED",
    reasons: ["đặt lịch khám", "điều phối người bệnh"],
    stages: [{ stage: "INTRODUCED", daysAgo: 21 }],
  },
  {
    target: { code: "HN-2026-28" },
    offer: "Bản sao số 3D hỗ trợ quy hoạch và quản lý hạ tầng đô thị",
    to: "APPROVED",
    reasons: ["bản sao số", "mô hình 3D", "quy hoạch"],
  },
  {
    target: { code: "HN-2026-25" },
    offer: "Hóa đơn điện tử Công số",
    to: "APPROVED",
    reasons: ["hóa đơn điện tử", "hộ kinh doanh"],
    stages: [
      { stage: "INTRODUCED", daysAgo: 80 },
      {
        stage: "DROPPED",
        daysAgo: 40,
        dropReason: "Nhà cung cấp chưa kết nối được máy tính tiền của các hộ kinh doanh thí điểm.",
      },
    ],
  },
  {
    target: { code: "HN-2026-06" },
    offer: "Bản sao số 3D hỗ trợ quy hoạch và quản lý hạ tầng đô thị",
    to: "SHORTLISTED",
    reasons: ["mô hình 3D", "hạ tầng ngầm"],
    note: "Hỏi thêm về dữ liệu công trình ngầm đã có.",
  },
  {
    target: { code: "HN-2026-03" },
    offer: "Mạng lưới quan trắc bụi mịn PM2.5 theo phường",
    to: "SUGGESTED",
    reasons: ["quan trắc không khí", "phát thải"],
  },
  {
    target: { code: "HN-2026-03" },
    offer: "Chữ ký số Lạc Long CA",
    to: "REJECTED",
    rejectReason: "OUT_OF_SCOPE",
    reasons: ["nền tảng số"],
    note: "Chữ ký số không giải quyết bài toán phát thải.",
  },
  {
    target: { statement: "flood-sensors" },
    offer: "Hệ thống cảnh báo sớm ngập úng đô thị",
    to: "APPROVED",
    reasons: ["cảm biến mực nước", "cảnh báo ngập"],
    stages: [{ stage: "INTRODUCED", daysAgo: 3 }],
  },
];

type SeedOrder = {
  buyer: string; // agency organisation key; its owner orders
  offer: string;
  refund?: { share: "full" | "half"; reason: string };
  fulfilled?: boolean;
};

// Packages bought by agencies, paid through the same events a real payment
// sends; some then delivered or refunded by HiHUB.
export const seedOrders: SeedOrder[] = [
  { buyer: "hang-trong-ward", offer: "Hóa đơn điện tử HG-eInvoice", fulfilled: true },
  { buyer: "construction-dept", offer: "Kế toán Công số cho doanh nghiệp nhỏ" },
  {
    buyer: "cau-giay-district",
    offer: "Sổ Sách AI – kế toán cho hộ kinh doanh",
    refund: { share: "full", reason: "Quận đặt nhầm gói; đã đặt lại gói phù hợp." },
  },
  {
    buyer: "health-dept",
    offer: "Phần mềm bán hàng và quản lý nhà thuốc Hồng Đức Pharma",
    refund: { share: "half", reason: "Chỉ dùng nửa thời hạn của gói do chuyển sang hệ thống của Sở." },
  },
  { buyer: "hang-trong-ward", offer: "Lạc Long Shield – gói an toàn thông tin cho doanh nghiệp nhỏ" },
];

// ---------------------------------------------------------------------------

type Lookups = {
  orgIdByKey: Map<string, string>;
  ownerIdByKey: Map<string, string>;
  offerByTitle: Map<string, { id: string; organisationId: string }>;
  curatorId: string;
};

async function lookups(): Promise<Lookups | null> {
  const names = new Map(seedOrganisations.map((o) => [o.name, o.key]));
  const organisations = await db.organisation.findMany({
    where: { name: { in: [...names.keys()] } },
    select: {
      id: true,
      name: true,
      memberships: { where: { role: "OWNER" }, orderBy: { createdAt: "asc" }, take: 1, select: { userId: true } },
    },
  });
  const curator = await db.user.findFirst({
    where: { role: "STAFF" },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  // Not the demo database (or not seeded yet): leave it alone.
  if (organisations.length !== seedOrganisations.length || !curator) return null;
  const orgIdByKey = new Map(organisations.map((o) => [names.get(o.name)!, o.id]));
  const ownerIdByKey = new Map(
    organisations.flatMap((o) => (o.memberships[0] ? [[names.get(o.name)!, o.memberships[0].userId] as const] : [])),
  );
  const offers = await db.offer.findMany({
    where: { status: "PUBLISHED" },
    select: { id: true, titleVi: true, organisationId: true },
  });
  return {
    orgIdByKey,
    ownerIdByKey,
    offerByTitle: new Map(offers.map((o) => [o.titleVi.trim(), o])),
    curatorId: curator.id,
  };
}

function need<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`demo market seed: ${what} is missing`);
  return value;
}

async function memberOf(organisationId: string) {
  const membership = await db.membership.findFirst({
    where: { organisationId, role: "OWNER" },
    orderBy: { createdAt: "asc" },
    select: { userId: true },
  });
  return need(membership, `a member of organisation ${organisationId}`).userId;
}

async function majorProblemIds() {
  const items = await db.majorProblem.findMany({ select: { id: true, code: true } });
  return new Map(items.map((item) => [item.code, item.id]));
}

function expectDone(outcome: string, what: string) {
  if (outcome !== "done" && outcome !== "proposed" && outcome !== "asked" && outcome !== "answered") {
    throw new Error(`demo market seed: ${what} gave "${outcome}"`);
  }
}

async function decide(
  actorId: string,
  scope: string | { majorProblems: true },
  proposalId: string,
  decision: Decision,
) {
  if (decision.status === "WITHDRAWN") {
    const proposal = await db.proposal.findUniqueOrThrow({
      where: { id: proposalId },
      select: { organisationId: true },
    });
    const outcome = await withdrawProposal(
      await memberOf(proposal.organisationId),
      proposal.organisationId,
      proposalId,
    );
    if (outcome !== "withdrawn") throw new Error(`demo market seed: withdrawing a proposal gave "${outcome}"`);
    return;
  }
  const steps: ("SHORTLISTED" | "SELECTED" | "DECLINED")[] =
    decision.status === "SELECTED"
      ? ["SHORTLISTED", "SELECTED"]
      : decision.status === "RECEIVED"
      ? []
      : [decision.status];
  for (const status of steps) {
    const outcome = await decideProposal(actorId, scope, {
      proposalId,
      status,
      ...(decision.status === "DECLINED" ? { declineReason: decision.reason, declineNote: decision.note } : {}),
    });
    expectDone(outcome, `deciding a proposal (${status})`);
  }
}

async function seedStatementsAndProposals(l: Lookups): Promise<Map<string, string>> {
  const problems = await majorProblemIds();
  const statementIds = new Map<string, string>();
  for (const seed of seedStatements) {
    const agencyId = need(l.orgIdByKey.get(seed.agency), `organisation ${seed.agency}`);
    const ownerId = need(l.ownerIdByKey.get(seed.agency), `owner of ${seed.agency}`);
    const { proposalInDays, deadlineInDays, ...fields } = seed.fields;
    const statement = await createStatement(ownerId, agencyId, {
      ...fields,
      deadline: day(deadlineInDays),
      proposalDeadline: day(proposalInDays),
      majorProblemId: seed.majorProblem ? need(problems.get(seed.majorProblem), seed.majorProblem) : undefined,
    });
    statementIds.set(seed.key, statement.id);
    if (seed.status === "DRAFT") continue;
    expectDone(await submitStatement(ownerId, agencyId, statement.id), "submitting a statement");
    if (seed.status === "SUBMITTED") continue;
    expectDone(await publishStatement(l.curatorId, statement.id), "publishing a statement");

    for (const question of seed.questions ?? []) {
      const askerOrgId = need(l.orgIdByKey.get(question.asker), `organisation ${question.asker}`);
      const askerId = await memberOf(askerOrgId);
      expectDone(
        await askQuestion(askerId, statement.id, { organisationId: askerOrgId, body: question.body }),
        "asking a question",
      );
      if (!question.answer) continue;
      const asked = await db.question.findFirstOrThrow({
        where: { problemStatementId: statement.id, askerUserId: askerId },
        orderBy: { createdAt: "desc" },
      });
      expectDone(
        await answerQuestion(ownerId, statement.id, { questionId: asked.id, answer: question.answer }),
        "answering a question",
      );
    }
    for (const proposal of seed.proposals ?? []) {
      const offer = need(l.offerByTitle.get(proposal.offer), `offer "${proposal.offer}"`);
      const proposerId = await memberOf(offer.organisationId);
      const { outcome } = await createProposal(
        proposerId,
        statement.id,
        { offerId: offer.id, pitch: proposal.pitch },
        null,
      );
      expectDone(outcome, `proposing "${proposal.offer}"`);
      const created = await db.proposal.findFirstOrThrow({
        where: { problemStatementId: statement.id, offerId: offer.id },
      });
      await decide(ownerId, statement.id, created.id, proposal);
    }
    if (seed.status === "CLOSED")
      expectDone(await closeStatement(ownerId, statement.id, seed.outcome ?? "", agencyId), "closing a statement");
  }
  for (const proposal of seedMajorProblemProposals) {
    const majorProblemId = need(problems.get(proposal.code), proposal.code);
    const offer = need(l.offerByTitle.get(proposal.offer), `offer "${proposal.offer}"`);
    const { outcome } = await createProposal(
      await memberOf(offer.organisationId),
      { majorProblemId },
      { offerId: offer.id, pitch: proposal.pitch },
      null,
    );
    expectDone(outcome, `proposing "${proposal.offer}" to ${proposal.code}`);
    const created = await db.proposal.findFirstOrThrow({ where: { majorProblemId, offerId: offer.id } });
    await decide(l.curatorId, { majorProblems: true }, created.id, proposal);
  }
  return statementIds;
}

async function seedCuration(l: Lookups, statementIds: Map<string, string>) {
  const problems = await majorProblemIds();
  for (const seed of seedMatches) {
    const target: MatchTarget =
      "code" in seed.target
        ? { majorProblemId: need(problems.get(seed.target.code), seed.target.code) }
        : { statementId: need(statementIds.get(seed.target.statement), `statement ${seed.target.statement}`) };
    const offer = need(l.offerByTitle.get(seed.offer), `offer "${seed.offer}"`);
    // The card as the ranking leaves it (its reasons in the ranking's shape);
    // from there on, every move is staff's, through the curation model.
    let card = await db.match.create({
      data: {
        ...("statementId" in target
          ? { problemStatementId: target.statementId }
          : { majorProblemId: target.majorProblemId }),
        offerId: offer.id,
        score: 0.6,
        reasons: JSON.stringify([{ kind: "terms", terms: seed.reasons }]),
      },
    });
    const path: ("SHORTLISTED" | "APPROVED" | "REJECTED")[] =
      seed.to === "APPROVED"
        ? ["SHORTLISTED", "APPROVED"]
        : seed.to === "SHORTLISTED"
        ? ["SHORTLISTED"]
        : seed.to === "REJECTED"
        ? ["REJECTED"]
        : [];
    for (const [index, to] of path.entries()) {
      const last = index === path.length - 1;
      const moved = await moveMatches(l.curatorId, target, [{ matchId: card.id, expectedVersion: card.version }], to, {
        rejectReason: seed.rejectReason,
        note: last ? seed.note : undefined,
      });
      if (!moved.ok) throw new Error(`demo market seed: moving a match to ${to} failed (${JSON.stringify(moved)})`);
      card = await db.match.findUniqueOrThrow({ where: { id: card.id } });
    }
    for (const step of seed.stages ?? []) {
      const staged = await advanceStage(l.curatorId, target, card.id, card.version, {
        stage: step.stage,
        date: day(-step.daysAgo),
        dropReason: step.dropReason,
      });
      if (!staged.ok) throw new Error(`demo market seed: stage ${step.stage} failed (${JSON.stringify(staged)})`);
      card = await db.match.findUniqueOrThrow({ where: { id: card.id } });
    }
  }
  // On a live site every published problem's board fills itself (background
  // fill after the publish); the seed writes with that off, so it fills them
  // here once, as the publishes would have. HN-2026-01 stays empty: it is
  // where the e2e journey (and a newcomer) presses "Cập nhật gợi ý" first.
  const open = await db.majorProblem.findMany({
    where: { status: "OPEN", code: { not: "HN-2026-01" } },
    select: { id: true },
  });
  const published = await db.problemStatement.findMany({ where: { status: "PUBLISHED" }, select: { id: true } });
  for (const { id } of open) await refreshSuggestions(null, { majorProblemId: id });
  for (const { id } of published) await refreshSuggestions(null, { statementId: id });
}

// Orders are paid on a loopback stand-in of the Stripe API that lives only
// while the seed runs (there is no Stripe here, and the demo has no keys):
// the same checkout session, payment events and refunds as a real payment.
// Their payment ids exist nowhere else afterwards; the running demo's own
// stand-in (DEMO_TEST_PAYMENTS) accepts refunds of payment ids it does not
// know, so staff can still refund these orders there.
// Made-up, well-formed tax codes for the demo agencies that have none on file.
const demoBuyerTaxCodes: Record<string, string> = {
  "construction-dept": "0100112233",
  "health-dept": "0100445566",
  "hang-trong-ward": "0100778899",
};

async function seedPaidOrders(l: Lookups) {
  const standIn = await startStripeStandIn({ webhookSecret: "whsec_demo_seed_only" });
  setPaymentProvider(createStripeProvider(standIn.config(5_000)));
  try {
    for (const seed of seedOrders) {
      const buyerOrganisationId = need(l.orgIdByKey.get(seed.buyer), `organisation ${seed.buyer}`);
      const buyerId = need(l.ownerIdByKey.get(seed.buyer), `owner of ${seed.buyer}`);
      const offer = need(l.offerByTitle.get(seed.offer), `offer "${seed.offer}"`);
      const pkg = need(
        await db.offerPackage.findFirst({
          where: { offerId: offer.id, priceVnd: { gt: 0n } },
          orderBy: { sortOrder: "asc" },
        }),
        `a priced package of "${seed.offer}"`,
      );
      // As on the review step: an agency without a tax code on file gives one with its first order (the receipt prints it).
      const buyerDetails = demoBuyerTaxCodes[seed.buyer] ? { taxCode: demoBuyerTaxCodes[seed.buyer] } : undefined;
      const { orderId } = await startOrder({ userId: buyerId, buyerOrganisationId, packageId: pkg.id, buyerDetails });
      const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
      const { session, intent } = await standIn.pay(need(order.checkoutSessionId, "a checkout session"));
      await recordPaymentEvent({
        id: `evt_demo_cs_${session.id}`,
        type: "checkout.session.completed",
        objectId: session.id,
        payload: "{}",
      });
      await recordPaymentEvent({
        id: `evt_demo_pi_${intent.id}`,
        type: "payment_intent.succeeded",
        objectId: intent.id,
        payload: "{}",
      });
      await drainPaymentEvents();
      const paid = await db.order.findUniqueOrThrow({ where: { id: orderId } });
      if (paid.status !== "PAID")
        throw new Error(`demo market seed: order for "${seed.offer}" is ${paid.status}, not PAID`);
      if (seed.fulfilled) await fulfilOrder(orderId, offer.organisationId, await memberOf(offer.organisationId));
      if (seed.refund) {
        const amountVnd = seed.refund.share === "full" ? paid.amountPaidVnd! : paid.amountPaidVnd! / 2n;
        await refundOrder({ orderId, amountVnd, reason: seed.refund.reason, actorId: l.curatorId });
      }
    }
  } finally {
    setPaymentProvider(null);
    await standIn.stop();
  }
}

// Private messages on a deal, so the demo accounts have threads to open: the
// agency and the provider of a selected proposal, and a buyer and provider
// after a paid order. Through the model, so the other side is notified.
export const seedConversations: {
  offer: string;
  order?: boolean;
  lines: { from: "provider" | "other"; body: string }[];
}[] = [
  {
    offer: "Hệ thống cảnh báo sớm ngập úng đô thị",
    lines: [
      {
        from: "other",
        body: "Chúc mừng đề xuất đã được chọn. Bên anh có thể lắp thử 5 điểm đầu tiên trong tháng tới không?",
      },
      {
        from: "provider",
        body: "Được ạ. Chúng tôi đề xuất 5 điểm ở Hoàn Kiếm và Ba Đình; sẽ gửi kế hoạch lắp đặt chi tiết trong tuần này.",
      },
    ],
  },
  {
    offer: "Hóa đơn điện tử HG-eInvoice",
    order: true,
    lines: [
      { from: "other", body: "Phường đã thanh toán. Khi nào bên bạn hướng dẫn các hộ kinh doanh được?" },
      {
        from: "provider",
        body: "Thứ Ba tuần sau, 8 giờ sáng tại nhà văn hóa phường; chúng tôi mang theo máy tính tiền mẫu.",
      },
    ],
  },
];

async function seedThreads() {
  for (const seed of seedConversations) {
    const offer = need(
      await db.offer.findFirst({ where: { titleVi: seed.offer }, select: { id: true, organisationId: true } }),
      `offer "${seed.offer}"`,
    );
    const ref = seed.order
      ? {
          kind: "order" as const,
          id: need(
            await db.order.findFirst({
              where: { offerId: offer.id, status: { in: ["PAID", "FULFILLED"] } },
              select: { id: true, buyerOrganisationId: true },
            }),
            `a paid order of "${seed.offer}"`,
          ).id,
        }
      : {
          kind: "proposal" as const,
          id: need(
            await db.proposal.findFirst({
              where: { offerId: offer.id, status: "SELECTED", problemStatementId: { not: null } },
              select: { id: true },
            }),
            `a selected proposal of "${seed.offer}"`,
          ).id,
        };
    const other = seed.order
      ? (await db.order.findUniqueOrThrow({ where: { id: ref.id }, select: { buyerOrganisationId: true } }))
          .buyerOrganisationId
      : (
          await db.proposal.findUniqueOrThrow({
            where: { id: ref.id },
            select: { problemStatement: { select: { organisationId: true } } },
          })
        ).problemStatement!.organisationId;
    for (const line of seed.lines) {
      const author = await memberOf(line.from === "provider" ? offer.organisationId : other);
      const posted = await postMessage({ id: author, isStaff: false }, ref, { body: line.body }, null);
      if (posted.outcome !== "posted") throw new Error(`demo market seed: a message gave "${posted.outcome}"`);
    }
  }
}

export async function seedMarket(): Promise<{ statements: boolean; matches: boolean; orders: boolean }> {
  const done = { statements: false, matches: false, orders: false };
  const l = await lookups();
  if (!l) return done;
  let statementIds = new Map<string, string>();
  if ((await db.problemStatement.count()) === 0) {
    statementIds = await seedStatementsAndProposals(l);
    done.statements = true;
  }
  if ((await db.match.count()) === 0 && done.statements) {
    await seedCuration(l, statementIds);
    done.matches = true;
  }
  if ((await db.order.count()) === 0) {
    await seedPaidOrders(l);
    done.orders = true;
  }
  if (done.statements && done.orders && (await db.message.count()) === 0) await seedThreads();
  return done;
}
