/**
 * Demo seed data for Hanoi Tech Exchange (Sàn Giao dịch Công nghệ Hà Nội).
 *
 * Pure data: every organisation, person, tax code and domain below is
 * fictional. Tax codes follow the Vietnamese format (10 digits, or
 * 10 digits + "-" + 3 digits for a branch) but do not belong to real entities.
 */

export type SeedOrganisationKind = "PROVIDER" | "RESEARCH" | "AGENCY" | "INNOVATION_CENTRE";

export interface SeedOrganisation {
  key: string;
  name: string;
  kind: SeedOrganisationKind;
  taxCode: string | null;
  website: string | null;
  address: string;
  description: string;
  verified: boolean;
}

export interface SeedUser {
  key: string;
  email: string;
  name: string;
  role: "USER" | "STAFF" | "ADMIN";
  memberships: { organisation: string; role: "OWNER" | "MEMBER" }[];
  demoNote: string;
}

export const seedOrganisations: SeedOrganisation[] = [
  // ---------------------------------------------------------------------------
  // Providers
  // ---------------------------------------------------------------------------
  {
    key: "song-hong-ai",
    name: "Công ty Cổ phần Công nghệ Sông Hồng AI",
    kind: "PROVIDER",
    taxCode: "0109483726",
    website: "https://songhongai.example.vn",
    address: "Tầng 9, tòa nhà Thăng Long Tower, 98 Ngụy Như Kon Tum, phường Nhân Chính, quận Thanh Xuân, Hà Nội",
    description:
      "Phát triển nền tảng thị giác máy tính phân tích luồng giao thông theo thời gian thực từ camera đô thị. Giải pháp nhận diện biển số, đếm phương tiện và phát hiện vi phạm đã được thử nghiệm tại nhiều nút giao trọng điểm.",
    verified: true,
  },
  {
    key: "aqua-sense",
    name: "Công ty TNHH Giải pháp IoT Thủy Sạch",
    kind: "PROVIDER",
    taxCode: "0108752194",
    website: "https://thuysach-iot.example.vn",
    address: "Số 17 ngõ 82 Duy Tân, phường Dịch Vọng Hậu, quận Cầu Giấy, Hà Nội",
    description:
      "Sản xuất cảm biến IoT đo chất lượng nước (pH, độ đục, clo dư, oxy hòa tan) cho hồ, sông và mạng cấp nước. Dữ liệu được truyền qua NB-IoT về bảng điều khiển giám sát tập trung.",
    verified: true,
  },
  {
    key: "geotwin",
    name: "Công ty Cổ phần Bản sao số GeoTwin Việt Nam",
    kind: "PROVIDER",
    taxCode: "0110238465",
    website: "https://geotwin.example.vn",
    address: "Tầng 12, tòa nhà Hà Thành Plaza, 102 Thái Thịnh, phường Trung Liệt, quận Đống Đa, Hà Nội",
    description:
      "Cung cấp nền tảng GIS và bản sao số (digital twin) 3D cho quy hoạch đô thị và quản lý hạ tầng kỹ thuật. Hệ thống tích hợp dữ liệu địa hình, công trình ngầm và cảm biến hiện trường trên cùng một bản đồ.",
    verified: true,
  },
  {
    key: "congso-platform",
    name: "Công ty Cổ phần Nền tảng Công số",
    kind: "PROVIDER",
    taxCode: "0106927318",
    website: "https://congso.example.vn",
    address: "Số 45 Láng Hạ, phường Thành Công, quận Ba Đình, Hà Nội",
    description:
      "Xây dựng nền tảng chính quyền điện tử gồm cổng dịch vụ công, một cửa điện tử và quản lý văn bản liên thông. Sản phẩm đáp ứng các tiêu chuẩn kết nối với Cổng Dịch vụ công quốc gia.",
    verified: true,
  },
  {
    key: "lac-long-security",
    name: "Công ty TNHH An ninh mạng Lạc Long",
    kind: "PROVIDER",
    taxCode: "0107615039",
    website: "https://laclongsec.example.vn",
    address: "Tầng 6, tòa nhà Sao Mai, 19 Lê Văn Lương, phường Nhân Chính, quận Thanh Xuân, Hà Nội",
    description:
      "Cung cấp dịch vụ trung tâm giám sát an toàn thông tin (SOC), kiểm thử xâm nhập và đánh giá an ninh cho cơ quan nhà nước và doanh nghiệp. Đội ngũ ứng cứu sự cố trực 24/7.",
    verified: true,
  },
  {
    key: "skyeye-drones",
    name: "Công ty Cổ phần Thiết bị bay Mắt Trời",
    kind: "PROVIDER",
    taxCode: "0109164852",
    website: "https://mattroi-drone.example.vn",
    address: "Lô B4, Khu công nghệ cao Hòa Lạc, xã Thạch Hòa, huyện Thạch Thất, Hà Nội",
    description:
      "Thiết kế và vận hành thiết bị bay không người lái phục vụ khảo sát địa hình, kiểm tra lưới điện và giám sát công trình xây dựng. Cung cấp dịch vụ xử lý ảnh bay chụp thành bản đồ trực ảnh và mô hình 3D.",
    verified: true,
  },
  {
    key: "parkwise",
    name: "Công ty TNHH Đỗ xe Thông minh ParkWise",
    kind: "PROVIDER",
    taxCode: "0110547281",
    website: "https://parkwise.example.vn",
    address: "Số 8 Tôn Thất Thuyết, phường Mỹ Đình 2, quận Nam Từ Liêm, Hà Nội",
    description:
      "Phát triển hệ thống bãi đỗ xe thông minh với cảm biến chỗ trống, thanh toán không dùng tiền mặt và ứng dụng tìm chỗ đỗ. Giải pháp phù hợp với bãi đỗ ngầm, bãi đỗ công cộng và tuyến phố thu phí theo giờ.",
    verified: false,
  },
  {
    key: "medirecord",
    name: "Công ty Cổ phần Y tế số Hồng Đức",
    kind: "PROVIDER",
    taxCode: "0108396570",
    website: "https://hongduc-health.example.vn",
    address: "Số 36 Đại Cồ Việt, phường Lê Đại Hành, quận Hai Bà Trưng, Hà Nội",
    description:
      "Cung cấp phần mềm bệnh án điện tử và hồ sơ sức khỏe cá nhân kết nối giữa bệnh viện, trạm y tế và người dân. Hệ thống hỗ trợ chuẩn HL7 FHIR và tích hợp giám định bảo hiểm y tế.",
    verified: true,
  },
  {
    key: "van-mieu-edtech",
    name: "Công ty TNHH Giáo dục số Văn Miếu",
    kind: "PROVIDER",
    taxCode: "0109827413",
    website: "https://vanmieu-edu.example.vn",
    address: "Số 112 Nguyễn Thái Học, phường Điện Biên, quận Ba Đình, Hà Nội",
    description:
      "Phát triển nền tảng học tập trực tuyến và sổ liên lạc điện tử cho các trường phổ thông. Công cụ phân tích kết quả học tập giúp giáo viên cá nhân hóa lộ trình cho từng học sinh.",
    verified: true,
  },
  {
    key: "dong-xanh-agritech",
    name: "Công ty Cổ phần Nông nghiệp Công nghệ Đồng Xanh",
    kind: "PROVIDER",
    taxCode: "0110752639",
    website: "https://dongxanh-agri.example.vn",
    address: "Thôn Yên Vĩnh, xã Kim Chung, huyện Hoài Đức, Hà Nội",
    description:
      "Cung cấp giải pháp nông nghiệp thông minh gồm tưới tiêu tự động, cảm biến độ ẩm đất và truy xuất nguồn gốc nông sản bằng mã QR. Đang triển khai thí điểm tại các vùng trồng rau an toàn ngoại thành.",
    verified: false,
  },
  {
    key: "ho-guom-pay",
    name: "Công ty Cổ phần Thanh toán điện tử Hồ Gươm",
    kind: "PROVIDER",
    taxCode: "0107284956",
    website: "https://hoguompay.example.vn",
    address: "Tầng 15, tòa nhà Tràng Tiền Center, 24 Tràng Tiền, phường Tràng Tiền, quận Hoàn Kiếm, Hà Nội",
    description:
      "Cung cấp cổng thanh toán điện tử và giải pháp thu phí, lệ phí không dùng tiền mặt cho dịch vụ công. Hỗ trợ thanh toán qua mã QR liên ngân hàng, ví điện tử và thẻ nội địa.",
    verified: true,
  },
  {
    key: "khi-sach",
    name: "Công ty TNHH Quan trắc Không khí Sạch",
    kind: "PROVIDER",
    taxCode: "0109610384",
    website: "https://khisach.example.vn",
    address: "Số 28 ngõ 165 Chùa Bộc, phường Trung Liệt, quận Đống Đa, Hà Nội",
    description:
      "Sản xuất trạm quan trắc chất lượng không khí chi phí thấp đo bụi PM2.5, PM10, NO2 và O3. Dữ liệu được hiệu chuẩn với trạm chuẩn và công bố chỉ số AQI theo từng phường.",
    verified: true,
  },
  {
    key: "tay-ho-labs",
    name: "Công ty TNHH Khởi nghiệp Tây Hồ Labs",
    kind: "PROVIDER",
    taxCode: "0110893170",
    website: "https://tayholabs.example.vn",
    address: "Số 52 Xuân Diệu, phường Quảng An, quận Tây Hồ, Hà Nội",
    description:
      "Công ty khởi nghiệp phát triển trợ lý ảo tiếng Việt hỗ trợ người dân tra cứu thủ tục hành chính qua chatbot và tổng đài tự động. Mô hình ngôn ngữ được tinh chỉnh trên kho văn bản pháp quy công khai.",
    verified: false,
  },
  {
    key: "song-hong-ai-long-bien",
    name: "Công ty Cổ phần Công nghệ Sông Hồng AI – Chi nhánh Long Biên",
    kind: "PROVIDER",
    taxCode: "0109483726-001",
    website: null,
    address: "Số 21 Nguyễn Văn Cừ, phường Ngọc Lâm, quận Long Biên, Hà Nội",
    description:
      "Chi nhánh phụ trách lắp đặt, vận hành và bảo trì hệ thống camera phân tích giao thông khu vực phía bắc sông Hồng.",
    verified: false,
  },

  // ---------------------------------------------------------------------------
  // Research organisations
  // ---------------------------------------------------------------------------
  {
    key: "urban-tech-institute",
    name: "Viện Nghiên cứu Công nghệ Đô thị – Trường Đại học Kỹ thuật Thăng Long",
    kind: "RESEARCH",
    taxCode: "0105178342",
    website: "https://uti.example.vn",
    address: "Số 144 Xuân Thủy, phường Dịch Vọng Hậu, quận Cầu Giấy, Hà Nội",
    description:
      "Viện nghiên cứu trực thuộc trường đại học, tập trung vào giao thông thông minh, mô phỏng đô thị và phân tích dữ liệu lớn. Viện có nhiều đề tài hợp tác chuyển giao công nghệ với các sở, ngành của thành phố.",
    verified: true,
  },
  {
    key: "env-informatics-institute",
    name: "Viện Tin học Môi trường – Viện Hàn lâm Khoa học và Công nghệ Ứng dụng",
    kind: "RESEARCH",
    taxCode: "0100493827",
    website: "https://vtme.example.vn",
    address: "Số 18 Hoàng Quốc Việt, phường Nghĩa Đô, quận Cầu Giấy, Hà Nội",
    description:
      "Nghiên cứu mô hình dự báo ô nhiễm không khí, ngập úng và chất lượng nước mặt dựa trên dữ liệu vệ tinh và cảm biến mặt đất. Cung cấp dịch vụ tư vấn khoa học cho công tác quản lý môi trường đô thị.",
    verified: true,
  },
  {
    key: "embedded-systems-lab",
    name: "Phòng thí nghiệm Hệ thống Nhúng và IoT – Trường Đại học Bách khoa Kinh Bắc",
    kind: "RESEARCH",
    taxCode: null,
    website: "https://eslab.example.vn",
    address: "Số 1 Đại Cồ Việt, phường Bách Khoa, quận Hai Bà Trưng, Hà Nội",
    description:
      "Phòng thí nghiệm nghiên cứu thiết kế vi mạch, thiết bị nhúng năng lượng thấp và mạng cảm biến không dây. Hỗ trợ doanh nghiệp khởi nghiệp thử nghiệm, hiệu chuẩn và chế tạo mẫu sản phẩm phần cứng.",
    verified: false,
  },

  // ---------------------------------------------------------------------------
  // Public agencies
  // ---------------------------------------------------------------------------
  {
    key: "transport-dept",
    name: "Sở Giao thông Vận tải Hà Nội",
    kind: "AGENCY",
    taxCode: null,
    website: "https://sogtvt.hanoi.example.vn",
    address: "Số 2 Phùng Hưng, phường Hàng Mã, quận Hoàn Kiếm, Hà Nội",
    description:
      "Cơ quan chuyên môn tham mưu cho Ủy ban nhân dân thành phố về quản lý giao thông vận tải. Đang tìm kiếm giải pháp điều khiển tín hiệu giao thông thích ứng và quản lý bãi đỗ xe thông minh.",
    verified: true,
  },
  {
    key: "construction-dept",
    name: "Sở Xây dựng Hà Nội",
    kind: "AGENCY",
    taxCode: null,
    website: "https://soxaydung.hanoi.example.vn",
    address: "Số 52 Lê Đại Hành, phường Lê Đại Hành, quận Hai Bà Trưng, Hà Nội",
    description:
      "Quản lý nhà nước về xây dựng, hạ tầng kỹ thuật và phát triển đô thị trên địa bàn thành phố. Quan tâm đến các giải pháp bản sao số và giám sát công trình bằng thiết bị bay.",
    verified: true,
  },
  {
    key: "environment-dept",
    name: "Sở Tài nguyên và Môi trường Hà Nội",
    kind: "AGENCY",
    taxCode: null,
    website: "https://sotnmt.hanoi.example.vn",
    address: "Số 18 Huỳnh Thúc Kháng, phường Láng Hạ, quận Đống Đa, Hà Nội",
    description:
      "Quản lý đất đai, tài nguyên nước và bảo vệ môi trường của thành phố. Có nhu cầu mở rộng mạng lưới quan trắc tự động chất lượng không khí và nước mặt.",
    verified: true,
  },
  {
    key: "health-dept",
    name: "Sở Y tế Hà Nội",
    kind: "AGENCY",
    taxCode: null,
    website: "https://soyte.hanoi.example.vn",
    address: "Số 4 Sơn Tây, phường Điện Biên, quận Ba Đình, Hà Nội",
    description:
      "Quản lý hệ thống khám chữa bệnh, y tế dự phòng và chăm sóc sức khỏe ban đầu trên địa bàn. Đang thúc đẩy triển khai bệnh án điện tử và hồ sơ sức khỏe điện tử toàn dân.",
    verified: true,
  },
  {
    key: "cau-giay-district",
    name: "Ủy ban nhân dân quận Cầu Giấy",
    kind: "AGENCY",
    taxCode: "0101284673",
    website: "https://caugiay.hanoi.example.vn",
    address: "Số 36 Cầu Giấy, phường Quan Hoa, quận Cầu Giấy, Hà Nội",
    description:
      "Chính quyền cấp quận định hướng xây dựng đô thị thông minh, ưu tiên chuyển đổi số dịch vụ hành chính công và quản lý trật tự đô thị.",
    verified: true,
  },
  {
    key: "hang-trong-ward",
    name: "Ủy ban nhân dân phường Hàng Trống",
    kind: "AGENCY",
    taxCode: null,
    website: null,
    address: "Số 2 Hàng Khay, phường Hàng Trống, quận Hoàn Kiếm, Hà Nội",
    description:
      "Chính quyền cấp phường tại khu vực trung tâm, quan tâm đến giải pháp quản lý vỉa hè, bãi đỗ xe và tiếp nhận phản ánh của người dân qua ứng dụng.",
    verified: false,
  },

  // ---------------------------------------------------------------------------
  // Innovation centre
  // ---------------------------------------------------------------------------
  {
    key: "hihub",
    name: "Trung tâm Đổi mới sáng tạo Hà Nội (HiHUB)",
    kind: "INNOVATION_CENTRE",
    taxCode: "0109275046",
    website: "https://hihub.example.vn",
    address: "Số 10 Phạm Văn Bạch, phường Dịch Vọng, quận Cầu Giấy, Hà Nội",
    description:
      "Đơn vị vận hành Sàn Giao dịch Công nghệ Hà Nội, kết nối nhu cầu công nghệ của cơ quan nhà nước với doanh nghiệp và tổ chức nghiên cứu. Trung tâm thẩm định hồ sơ, tổ chức trình diễn và hỗ trợ thủ tục chuyển giao công nghệ.",
    verified: true,
  },
];

export const seedUsers: SeedUser[] = [
  // ---------------------------------------------------------------------------
  // Named demo accounts
  // ---------------------------------------------------------------------------
  {
    key: "admin",
    email: "admin@hihub.example.vn",
    name: "Nguyễn Thị Thu Hà",
    role: "ADMIN",
    memberships: [{ organisation: "hihub", role: "OWNER" }],
    demoNote: "Platform administrator (HiHUB owner)",
  },
  {
    key: "staff",
    email: "curator@hihub.example.vn",
    name: "Trần Minh Đức",
    role: "STAFF",
    memberships: [{ organisation: "hihub", role: "MEMBER" }],
    demoNote: "Innovation-centre curator (verifies listings)",
  },
  {
    key: "provider-owner",
    email: "hoang.anh@songhongai.example.vn",
    name: "Lê Hoàng Anh",
    role: "USER",
    memberships: [{ organisation: "song-hong-ai", role: "OWNER" }],
    demoNote: "Provider owner (traffic AI company)",
  },
  {
    key: "provider-member",
    email: "thu.trang@songhongai.example.vn",
    name: "Phạm Thu Trang",
    role: "USER",
    memberships: [{ organisation: "song-hong-ai", role: "MEMBER" }],
    demoNote: "Provider member (same company)",
  },
  {
    key: "agency-owner",
    email: "quang.huy@sogtvt.hanoi.example.vn",
    name: "Vũ Quang Huy",
    role: "USER",
    memberships: [{ organisation: "transport-dept", role: "OWNER" }],
    demoNote: "Agency owner (transport department)",
  },
  {
    key: "researcher",
    email: "thanh.binh@uti.example.vn",
    name: "Đỗ Thanh Bình",
    role: "USER",
    memberships: [{ organisation: "urban-tech-institute", role: "OWNER" }],
    demoNote: "Research institute owner",
  },
  {
    key: "newcomer",
    email: "ngoc.lan@gmail.example.vn",
    name: "Bùi Ngọc Lan",
    role: "USER",
    memberships: [],
    demoNote: "New user without an organisation",
  },

  // ---------------------------------------------------------------------------
  // Owners of the remaining providers
  // ---------------------------------------------------------------------------
  {
    key: "owner-aqua-sense",
    email: "van.long@thuysach-iot.example.vn",
    name: "Hoàng Văn Long",
    role: "USER",
    memberships: [{ organisation: "aqua-sense", role: "OWNER" }],
    demoNote: "Provider owner (water-quality IoT)",
  },
  {
    key: "owner-geotwin",
    email: "mai.phuong@geotwin.example.vn",
    name: "Ngô Mai Phương",
    role: "USER",
    memberships: [{ organisation: "geotwin", role: "OWNER" }],
    demoNote: "Provider owner (GIS / digital twin)",
  },
  {
    key: "owner-congso-platform",
    email: "duc.thang@congso.example.vn",
    name: "Đặng Đức Thắng",
    role: "USER",
    memberships: [{ organisation: "congso-platform", role: "OWNER" }],
    demoNote: "Provider owner (e-government platform)",
  },
  {
    key: "owner-lac-long-security",
    email: "khanh.linh@laclongsec.example.vn",
    name: "Trịnh Khánh Linh",
    role: "USER",
    memberships: [{ organisation: "lac-long-security", role: "OWNER" }],
    demoNote: "Provider owner (cybersecurity)",
  },
  {
    key: "owner-skyeye-drones",
    email: "tuan.kiet@mattroi-drone.example.vn",
    name: "Lý Tuấn Kiệt",
    role: "USER",
    memberships: [{ organisation: "skyeye-drones", role: "OWNER" }],
    demoNote: "Provider owner (drones)",
  },
  {
    key: "owner-parkwise",
    email: "hai.nam@parkwise.example.vn",
    name: "Phan Hải Nam",
    role: "USER",
    memberships: [{ organisation: "parkwise", role: "OWNER" }],
    demoNote: "Provider owner (smart parking, unverified)",
  },
  {
    key: "owner-medirecord",
    email: "bich.ngoc@hongduc-health.example.vn",
    name: "Dương Bích Ngọc",
    role: "USER",
    memberships: [{ organisation: "medirecord", role: "OWNER" }],
    demoNote: "Provider owner (health records)",
  },
  {
    key: "owner-van-mieu-edtech",
    email: "quoc.bao@vanmieu-edu.example.vn",
    name: "Tạ Quốc Bảo",
    role: "USER",
    memberships: [{ organisation: "van-mieu-edtech", role: "OWNER" }],
    demoNote: "Provider owner (edtech)",
  },
  {
    key: "owner-dong-xanh-agritech",
    email: "van.hung@dongxanh-agri.example.vn",
    name: "Nguyễn Văn Hùng",
    role: "USER",
    memberships: [{ organisation: "dong-xanh-agritech", role: "OWNER" }],
    demoNote: "Provider owner (agritech, unverified)",
  },
  {
    key: "owner-ho-guom-pay",
    email: "thanh.huong@hoguompay.example.vn",
    name: "Lê Thanh Hương",
    role: "USER",
    memberships: [{ organisation: "ho-guom-pay", role: "OWNER" }],
    demoNote: "Provider owner (e-payments)",
  },
  {
    key: "owner-khi-sach",
    email: "minh.khoa@khisach.example.vn",
    name: "Trần Minh Khoa",
    role: "USER",
    memberships: [{ organisation: "khi-sach", role: "OWNER" }],
    demoNote: "Provider owner (air-quality monitoring)",
  },
  {
    key: "owner-tay-ho-labs",
    email: "gia.han@tayholabs.example.vn",
    name: "Phạm Gia Hân",
    role: "USER",
    memberships: [{ organisation: "tay-ho-labs", role: "OWNER" }],
    demoNote: "Startup owner (AI chatbot, unverified)",
  },
  {
    key: "owner-song-hong-ai-branch",
    email: "cong.vinh@songhongai.example.vn",
    name: "Đinh Công Vinh",
    role: "USER",
    memberships: [{ organisation: "song-hong-ai-long-bien", role: "OWNER" }],
    demoNote: "Provider branch owner (unverified)",
  },

  // ---------------------------------------------------------------------------
  // Owners of the remaining research organisations
  // ---------------------------------------------------------------------------
  {
    key: "owner-env-informatics-institute",
    email: "thi.hoa@vtme.example.vn",
    name: "Mai Thị Hoa",
    role: "USER",
    memberships: [{ organisation: "env-informatics-institute", role: "OWNER" }],
    demoNote: "Research institute owner (environment)",
  },
  {
    key: "owner-embedded-systems-lab",
    email: "duy.manh@eslab.example.vn",
    name: "Cao Duy Mạnh",
    role: "USER",
    memberships: [{ organisation: "embedded-systems-lab", role: "OWNER" }],
    demoNote: "Polytechnic lab owner (unverified)",
  },

  // ---------------------------------------------------------------------------
  // Owners of the remaining agencies
  // ---------------------------------------------------------------------------
  {
    key: "owner-construction-dept",
    email: "xuan.truong@soxaydung.hanoi.example.vn",
    name: "Hồ Xuân Trường",
    role: "USER",
    memberships: [{ organisation: "construction-dept", role: "OWNER" }],
    demoNote: "Agency owner (construction department)",
  },
  {
    key: "owner-environment-dept",
    email: "thu.thuy@sotnmt.hanoi.example.vn",
    name: "Kiều Thu Thủy",
    role: "USER",
    memberships: [{ organisation: "environment-dept", role: "OWNER" }],
    demoNote: "Agency owner (environment department)",
  },
  {
    key: "owner-health-dept",
    email: "dinh.phuc@soyte.hanoi.example.vn",
    name: "Lương Đình Phúc",
    role: "USER",
    memberships: [{ organisation: "health-dept", role: "OWNER" }],
    demoNote: "Agency owner (health department)",
  },
  {
    key: "owner-cau-giay-district",
    email: "hong.nhung@caugiay.hanoi.example.vn",
    name: "Văn Hồng Nhung",
    role: "USER",
    memberships: [{ organisation: "cau-giay-district", role: "OWNER" }],
    demoNote: "District people's committee owner",
  },
  {
    key: "owner-hang-trong-ward",
    email: "viet.dung@hangtrong.hanoi.example.vn",
    name: "Chu Việt Dũng",
    role: "USER",
    memberships: [{ organisation: "hang-trong-ward", role: "OWNER" }],
    demoNote: "Ward people's committee owner (unverified)",
  },
];
