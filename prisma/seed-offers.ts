/**
 * Demo seed data: technology offers (giải pháp chào bán) for Hanoi Tech Exchange
 * (Sàn Giao dịch Công nghệ Hà Nội).
 *
 * Pure data, no runtime imports. Every customer, contact person, e-mail
 * address, phone number, patent/copyright number and licence number below is
 * FICTIONAL and used for demonstration only.
 *
 *  - `organisation` is a `SeedOrganisation.key` from ./seed-data.ts whose kind
 *    is PROVIDER or RESEARCH.
 *  - `sectors`, `technologies` and `businessNeeds` are slugs of SECTOR,
 *    TECHNOLOGY and BUSINESS_NEED terms from ./seed-taxonomy.ts.
 *  - The first six offers answer the city's major problems; the rest are
 *    ready-to-use offers for the digital-transformation market
 *    (Chợ chuyển đổi số). Competing market offers for the same business need
 *    use the same package names and units so they can be compared side by side.
 *  - `priceVnd: null` means "liên hệ" (price on request).
 */

export type SeedDeploymentModel = "SAAS" | "ON_PREMISE" | "HARDWARE" | "SERVICE";

export type SeedEvidenceLevel = "SELF_DECLARED" | "DOCUMENTS_VERIFIED" | "REFERENCE_CONFIRMED" | "SANDBOX_TESTED";

export interface SeedOfferPackage {
  name: string;
  /** Integer VND; null = "liên hệ". */
  priceVnd: number | null;
  /** "tháng", "năm", "gói", "thiết bị" or "người dùng/tháng". */
  unit: string;
  description: string;
}

export interface SeedOfferReference {
  customer: string;
  year: number;
  result: string;
}

export interface SeedOffer {
  /** SeedOrganisation.key (PROVIDER or RESEARCH). */
  organisation: string;
  titleVi: string;
  titleEn: string;
  /** 1–2 sentences. */
  summaryVi: string;
  /** 1–2 sentences. */
  summaryEn: string;
  /** Vietnamese Markdown: two "## " sections and a bullet list, no HTML. */
  descriptionMd: string;
  /** Technology readiness level, 1..9. */
  trl: number;
  deploymentModel: SeedDeploymentModel;
  ipStatus: string | null;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  evidenceLevel: SeedEvidenceLevel;
  /** SECTOR slugs. */
  sectors: string[];
  /** TECHNOLOGY slugs. */
  technologies: string[];
  /** BUSINESS_NEED slugs. */
  businessNeeds: string[];
  packages: SeedOfferPackage[];
  references: SeedOfferReference[];
  /** Months since the content was last updated (0–10); 7+ means stale. */
  monthsSinceUpdate: number;
}

export const seedOffers: SeedOffer[] = [
  // ===========================================================================
  // City solutions (answers to the major problems of Hanoi)
  // ===========================================================================
  {
    organisation: "song-hong-ai",
    titleVi: "Nền tảng phân tích giao thông Sông Hồng AI",
    titleEn: "Song Hong AI Traffic Analytics Platform",
    summaryVi:
      "Nền tảng dùng camera AI để đếm phương tiện, đo chiều dài hàng chờ và tự động điều chỉnh pha đèn tín hiệu theo lưu lượng thực tế. Hệ thống phối hợp làn sóng xanh giữa các nút giao trên cùng một tuyến.",
    summaryEn:
      "An AI camera platform that counts vehicles, measures queue lengths and automatically adjusts signal phases to real-time traffic. It coordinates green waves between neighbouring junctions along a corridor.",
    descriptionMd: `## Năng lực chính

Camera AI tại nút giao kết hợp với bộ xử lý biên trong tủ điều khiển để tối ưu chu kỳ đèn theo thời gian thực.

- Đếm và phân loại xe máy, ô tô, xe buýt, xe tải với độ chính xác trên 95% vào ban ngày
- Đo chiều dài hàng chờ theo từng làn và tự động kéo dài pha xanh cho hướng đang ùn ứ
- Phối hợp làn sóng xanh giữa các nút giao liền kề trên cùng tuyến
- Bảng điều khiển tập trung và báo cáo lưu lượng theo giờ cho trung tâm điều hành

## Triển khai và vận hành

Bộ xử lý biên tương thích với các bộ điều khiển tín hiệu phổ biến qua giao thức NTCIP, không cần thay tủ điều khiển hiện có. Thí điểm một nút giao mất khoảng 4 tuần, gồm khảo sát, lắp đặt và hiệu chỉnh pha đèn.`,
    trl: 8,
    deploymentModel: "HARDWARE",
    ipStatus: "Bằng độc quyền giải pháp hữu ích số 2-0003456",
    contactName: "Nguyễn Minh Khôi",
    contactEmail: "khoi.nguyen@songhongai.example.vn",
    contactPhone: "024 3856 2147",
    evidenceLevel: "SANDBOX_TESTED",
    sectors: ["giao-thong"],
    technologies: ["tri-tue-nhan-tao", "thi-giac-may-tinh", "iot"],
    businessNeeds: [],
    packages: [
      {
        name: "Gói thí điểm 5 nút giao",
        priceVnd: 1_850_000_000,
        unit: "gói",
        description:
          "Khảo sát, lắp đặt camera AI và bộ xử lý biên cho 5 nút giao, vận hành thử 3 tháng và báo cáo đánh giá hiệu quả.",
      },
      {
        name: "Bộ thiết bị cho một nút giao",
        priceVnd: 365_000_000,
        unit: "thiết bị",
        description: "Bốn camera AI, một bộ xử lý biên và bản quyền phần mềm điều khiển thích ứng, bảo hành 36 tháng.",
      },
      {
        name: "Vận hành và bảo trì",
        priceVnd: 480_000_000,
        unit: "năm",
        description:
          "Giám sát từ xa 24/7, cập nhật mô hình nhận dạng và thay thế thiết bị lỗi trong 48 giờ cho tối đa 10 nút giao.",
      },
      {
        name: "Triển khai toàn tuyến hoặc toàn quận",
        priceVnd: null,
        unit: "gói",
        description: "Thiết kế theo quy mô mạng lưới nút giao và mức độ tích hợp với trung tâm điều hành hiện có.",
      },
    ],
    references: [
      {
        customer: "Sở Giao thông Vận tải Hà Nội (thí điểm trục Nguyễn Trãi)",
        year: 2025,
        result: "Giảm 23% thời gian chờ trung bình tại 5 nút giao sau 3 tháng vận hành.",
      },
      {
        customer: "Ban Quản lý Khu đô thị Thành Nam Riverside",
        year: 2024,
        result: "Giảm 18% thời gian hành trình giờ cao điểm trên trục đường nội khu dài 2,4 km.",
      },
    ],
    monthsSinceUpdate: 1,
  },
  {
    organisation: "aqua-sense",
    titleVi: "Trạm phao IoT giám sát chất lượng nước hồ Thủy Sạch",
    titleEn: "Thuy Sach IoT Buoy Stations for Lake Water Quality",
    summaryVi:
      "Trạm phao chạy năng lượng mặt trời đo pH, oxy hòa tan, độ đục, nhiệt độ và amoni, gửi dữ liệu 15 phút một lần qua NB-IoT. Hệ thống cảnh báo sớm nguy cơ cá chết và ô nhiễm hữu cơ tại các hồ nội đô.",
    summaryEn:
      "Solar-powered buoy stations measure pH, dissolved oxygen, turbidity, temperature and ammonium, reporting every 15 minutes over NB-IoT. They give early warning of fish kills and organic pollution in urban lakes.",
    descriptionMd: `## Thông số giám sát

Mỗi trạm phao được neo cố định giữa hồ, tự cấp nguồn bằng tấm pin mặt trời và pin dự phòng 7 ngày.

- Đo 5 thông số: pH, oxy hòa tan (DO), độ đục, nhiệt độ nước và amoni (NH4+)
- Truyền dữ liệu qua NB-IoT, tự lưu đệm khi mất sóng và gửi bù khi có kết nối
- Cảnh báo qua SMS và ứng dụng khi DO giảm dưới 3 mg/l hoặc amoni vượt ngưỡng
- Bản đồ chất lượng nước trực tuyến cho từng hồ và xuất báo cáo theo QCVN

## Lắp đặt và bảo trì

Trạm được lắp đặt trong một ngày, không cần đào đường hay kéo cáp. Đầu đo được làm sạch tự động bằng chổi gạt và hiệu chuẩn định kỳ 3 tháng một lần tại phòng thí nghiệm đối tác.`,
    trl: 8,
    deploymentModel: "HARDWARE",
    ipStatus: "Bằng độc quyền giải pháp hữu ích số 2-0003127",
    contactName: "Trần Thị Thu Hà",
    contactEmail: "ha.tran@thuysach-iot.example.vn",
    contactPhone: "024 3762 4815",
    evidenceLevel: "REFERENCE_CONFIRMED",
    sectors: ["moi-truong", "cap-thoat-nuoc"],
    technologies: ["iot", "cong-nghe-moi-truong", "du-lieu-lon"],
    businessNeeds: [],
    packages: [
      {
        name: "Trạm phao cảm biến 5 thông số",
        priceVnd: 185_000_000,
        unit: "thiết bị",
        description:
          "Trạm phao hoàn chỉnh gồm đầu đo, bộ truyền NB-IoT, tấm pin mặt trời, lắp đặt và bảo hành 24 tháng.",
      },
      {
        name: "Gói giám sát 10 hồ",
        priceVnd: 1_650_000_000,
        unit: "gói",
        description:
          "Mười trạm phao, nền tảng giám sát tập trung, đào tạo cán bộ vận hành và 12 tháng dịch vụ dữ liệu.",
      },
      {
        name: "Dịch vụ dữ liệu và hiệu chuẩn định kỳ",
        priceVnd: 120_000_000,
        unit: "năm",
        description:
          "Thuê bao truyền dữ liệu, hiệu chuẩn đầu đo 4 lần mỗi năm và thay thế vật tư tiêu hao cho tối đa 10 trạm.",
      },
    ],
    references: [
      {
        customer: "Công ty TNHH MTV Thoát nước và Môi trường Kim Liên",
        year: 2024,
        result:
          "Phát hiện sớm 3 đợt suy giảm oxy hòa tan; không xảy ra cá chết tại 4 hồ được giám sát trong mùa hè 2024.",
      },
      {
        customer: "Ban Quản lý Khu đô thị Văn Quán Xanh",
        year: 2025,
        result: "Giảm 40% chi phí lấy mẫu thủ công nhờ quan trắc tự động liên tục tại 2 hồ điều hòa.",
      },
    ],
    monthsSinceUpdate: 2,
  },
  {
    organisation: "env-informatics-institute",
    titleVi: "Hệ thống cảnh báo sớm ngập úng đô thị",
    titleEn: "Urban Flood Early Warning System",
    summaryVi:
      "Mô hình thủy văn – thủy lực kết hợp dữ liệu radar thời tiết và cảm biến mực nước để dự báo các điểm ngập trước 1–3 giờ. Cảnh báo được gửi tới cơ quan quản lý và người dân qua ứng dụng và tin nhắn.",
    summaryEn:
      "A hydrological and hydraulic model combined with weather radar and water-level sensors forecasts flooding hotspots 1–3 hours ahead. Alerts reach authorities and residents through an app and text messages.",
    descriptionMd: `## Phương pháp

Viện kết hợp mô hình thủy lực mạng cống với học máy để dự báo ngập theo từng tuyến phố, được hiệu chỉnh bằng dữ liệu mưa và mực nước thực đo.

- Dự báo độ sâu và thời gian ngập cho từng đoạn phố, cập nhật 10 phút một lần
- Đồng hóa dữ liệu radar thời tiết, trạm đo mưa và cảm biến mực nước trong cống
- Bản đồ GIS điểm ngập và kịch bản vận hành trạm bơm, cửa xả
- Gửi cảnh báo phân cấp theo khu vực qua ứng dụng, SMS và Zalo

## Chuyển giao

Giải pháp đã được kiểm chứng trên hai lưu vực thí điểm và đang ở giai đoạn mở rộng. Viện chuyển giao mô hình, mã nguồn và đào tạo đội ngũ kỹ thuật của đơn vị tiếp nhận để tự vận hành.`,
    trl: 6,
    deploymentModel: "ON_PREMISE",
    ipStatus: "Quyền tác giả chương trình máy tính, Giấy chứng nhận đăng ký số 4512/2024/QTG",
    contactName: "TS. Phạm Quang Vinh",
    contactEmail: "vinh.pham@vtme.example.vn",
    contactPhone: "024 3791 3362",
    evidenceLevel: "DOCUMENTS_VERIFIED",
    sectors: ["cap-thoat-nuoc", "moi-truong", "an-ninh-an-toan"],
    technologies: ["du-lieu-lon", "tri-tue-nhan-tao", "iot", "gis"],
    businessNeeds: [],
    packages: [
      {
        name: "Hiệu chỉnh mô hình cho một lưu vực",
        priceVnd: 650_000_000,
        unit: "gói",
        description:
          "Thu thập dữ liệu mạng cống, dựng và hiệu chỉnh mô hình, báo cáo đánh giá độ chính xác sau một mùa mưa.",
      },
      {
        name: "Mạng 20 cảm biến mực nước và phần mềm cảnh báo",
        priceVnd: 2_400_000_000,
        unit: "gói",
        description: "Cung cấp, lắp đặt 20 cảm biến mực nước, máy chủ dự báo và ứng dụng cảnh báo cho một lưu vực.",
      },
      {
        name: "Chuyển giao quy mô toàn thành phố",
        priceVnd: null,
        unit: "gói",
        description: "Chuyển giao mô hình cho nhiều lưu vực, tích hợp với hệ thống điều hành thoát nước hiện có.",
      },
    ],
    references: [
      {
        customer: "Ban Chỉ huy phòng chống thiên tai quận Hoàng Mai (thí điểm)",
        year: 2023,
        result: "Dự báo đúng 11/13 điểm ngập trong mùa mưa 2023, thời gian báo trước trung bình 75 phút.",
      },
      {
        customer: "Ban Quản lý Khu đô thị Nam An Khánh Xanh",
        year: 2025,
        result: "Giảm 35% thời gian huy động lực lượng ứng trực khi có mưa lớn.",
      },
    ],
    monthsSinceUpdate: 3,
  },
  {
    organisation: "khi-sach",
    titleVi: "Mạng lưới quan trắc bụi mịn PM2.5 theo phường",
    titleEn: "Ward-Level PM2.5 Monitoring Network",
    summaryVi:
      "Mạng lưới trạm cảm biến chi phí thấp đo PM2.5, PM10, NO2 và O3, được hiệu chuẩn với trạm chuẩn và công bố chỉ số AQI theo từng phường. Dữ liệu mở qua API cho cơ quan quản lý, trường học và người dân.",
    summaryEn:
      "A network of low-cost sensor stations measuring PM2.5, PM10, NO2 and O3, calibrated against reference stations and publishing AQI for each ward. Data is open via an API for authorities, schools and residents.",
    descriptionMd: `## Mạng lưới cảm biến

Trạm nhỏ gọn gắn trên cột đèn hoặc mái nhà, lấy nguồn từ lưới chiếu sáng công cộng và truyền dữ liệu qua 4G.

- Đo PM2.5, PM10, NO2, O3, nhiệt độ và độ ẩm mỗi phút
- Hiệu chuẩn tự động theo trạm quan trắc chuẩn gần nhất bằng mô hình học máy
- Bản đồ AQI theo phường, cảnh báo khi chỉ số vượt 150
- API dữ liệu mở theo chuẩn JSON để tích hợp vào ứng dụng của thành phố

## Khai thác dữ liệu

Nền tảng tổng hợp xu hướng ô nhiễm theo giờ, theo mùa và chỉ ra các điểm nóng như nút giao, công trường hay khu đốt rơm rạ. Báo cáo định kỳ hỗ trợ cơ quan quản lý đánh giá hiệu quả các biện pháp giảm phát thải.`,
    trl: 9,
    deploymentModel: "HARDWARE",
    ipStatus: "Bằng độc quyền giải pháp hữu ích số 2-0003892",
    contactName: "Lê Hoàng Nam",
    contactEmail: "nam.le@khisach.example.vn",
    contactPhone: "024 3573 6620",
    evidenceLevel: "SANDBOX_TESTED",
    sectors: ["moi-truong", "y-te"],
    technologies: ["iot", "du-lieu-lon", "du-lieu-mo-api"],
    businessNeeds: [],
    packages: [
      {
        name: "Gói 30 trạm cho một phường",
        priceVnd: 1_950_000_000,
        unit: "gói",
        description: "Ba mươi trạm cảm biến, lắp đặt, hiệu chuẩn ban đầu và bảo hành 24 tháng.",
      },
      {
        name: "Nền tảng công bố AQI và API dữ liệu mở",
        priceVnd: 360_000_000,
        unit: "năm",
        description:
          "Bản đồ AQI công khai, API dữ liệu mở, báo cáo tháng và hiệu chuẩn lại hằng quý cho tối đa 100 trạm.",
      },
      {
        name: "Mạng lưới toàn quận, huyện",
        priceVnd: null,
        unit: "gói",
        description: "Thiết kế mật độ trạm theo địa bàn và tích hợp với hệ thống quan trắc hiện có của thành phố.",
      },
    ],
    references: [
      {
        customer: "Sở Tài nguyên và Môi trường Hà Nội (thí điểm tại 3 phường)",
        year: 2025,
        result:
          "Sai số PM2.5 trung bình dưới 12% so với trạm chuẩn sau hiệu chuẩn; 210.000 lượt xem bản đồ AQI trong 6 tháng.",
      },
      {
        customer: "Hệ thống Trường Liên cấp Hoa Sen Xanh",
        year: 2024,
        result: "Tạm hoãn hoạt động ngoài trời đúng 100% số ngày AQI vượt 150, bảo vệ 2.300 học sinh.",
      },
    ],
    monthsSinceUpdate: 0,
  },
  {
    organisation: "geotwin",
    titleVi: "Bản sao số 3D hỗ trợ quy hoạch và quản lý hạ tầng đô thị",
    titleEn: "3D Digital Twin for Urban Planning and Infrastructure Management",
    summaryVi:
      "Nền tảng bản sao số 3D tích hợp địa hình, công trình nổi, công trình ngầm và dữ liệu cảm biến trên cùng một bản đồ GIS. Hỗ trợ thẩm định phương án quy hoạch, mô phỏng bóng đổ và phát hiện xung đột hạ tầng.",
    summaryEn:
      "A 3D digital twin platform that brings terrain, buildings, underground utilities and sensor data together on one GIS map. It supports planning reviews, shadow simulation and utility clash detection.",
    descriptionMd: `## Chức năng chính

Mô hình 3D được dựng từ ảnh bay chụp UAV, dữ liệu quét LiDAR và hồ sơ hoàn công, cập nhật theo từng giai đoạn xây dựng.

- Hiển thị đồng thời công trình nổi, mạng cấp thoát nước, cáp điện và viễn thông ngầm
- Mô phỏng chiều cao, bóng đổ và tầm nhìn cho phương án kiến trúc
- Tự động phát hiện xung đột giữa công trình ngầm hiện trạng và thiết kế mới
- Chia sẻ dữ liệu theo phân quyền giữa các sở, ngành và chủ đầu tư

## Dữ liệu và bảo mật

Nền tảng cài đặt trên hạ tầng của cơ quan sử dụng, hỗ trợ hệ tọa độ VN-2000 và các định dạng CityGML, IFC, Shapefile. Nhật ký truy cập được lưu đầy đủ phục vụ kiểm tra, giám sát.`,
    trl: 7,
    deploymentModel: "ON_PREMISE",
    ipStatus: "Quyền tác giả chương trình máy tính, Giấy chứng nhận đăng ký số 2871/2023/QTG",
    contactName: "Đỗ Thanh Tùng",
    contactEmail: "tung.do@geotwin.example.vn",
    contactPhone: "024 3537 1948",
    evidenceLevel: "DOCUMENTS_VERIFIED",
    sectors: ["quy-hoach-xay-dung", "cap-thoat-nuoc"],
    technologies: ["ban-sao-so", "gis", "du-lieu-lon", "uav"],
    businessNeeds: [],
    packages: [
      {
        name: "Số hóa 3D một khu vực đến 5 km²",
        priceVnd: 1_200_000_000,
        unit: "gói",
        description: "Bay chụp UAV, dựng mô hình 3D, tích hợp hồ sơ công trình ngầm hiện có và bàn giao dữ liệu.",
      },
      {
        name: "Bản quyền nền tảng và 10 tài khoản chuyên gia",
        priceVnd: 450_000_000,
        unit: "năm",
        description: "Bản quyền sử dụng nền tảng, cập nhật phiên bản và hỗ trợ kỹ thuật trong giờ hành chính.",
      },
      {
        name: "Tích hợp dữ liệu hạ tầng ngầm toàn quận",
        priceVnd: null,
        unit: "gói",
        description: "Khảo sát, chuẩn hóa và tích hợp dữ liệu hạ tầng ngầm của nhiều đơn vị quản lý trên địa bàn.",
      },
    ],
    references: [
      {
        customer: "Ban Quản lý dự án Khu đô thị mới Hòa Lạc Xanh",
        year: 2023,
        result: "Rút ngắn 30% thời gian thẩm định phương án kiến trúc nhờ mô phỏng bóng đổ và chiều cao 3D.",
      },
      {
        customer: "Công ty Cổ phần Hạ tầng Kỹ thuật Đông Anh Phát",
        year: 2024,
        result: "Phát hiện 46 điểm xung đột công trình ngầm trước khi thi công tuyến cống dài 3,2 km.",
      },
    ],
    monthsSinceUpdate: 8,
  },
  {
    organisation: "medirecord",
    titleVi: "Hệ thống đặt lịch khám và điều phối người bệnh đa kênh",
    titleEn: "Multi-Channel Hospital Appointment Booking and Patient Flow",
    summaryVi:
      "Người bệnh đặt lịch khám theo khung giờ qua ứng dụng, Zalo, tổng đài hoặc ki-ốt tại bệnh viện và nhận số thứ tự điện tử. Hệ thống điều phối luồng khám giữa các phòng để giảm thời gian chờ.",
    summaryEn:
      "Patients book time-slot appointments through an app, Zalo, a call centre or hospital kiosks and receive an electronic queue number. The system balances patient flow across clinics to cut waiting times.",
    descriptionMd: `## Trải nghiệm người bệnh

Người bệnh chọn chuyên khoa, bác sĩ và khung giờ 15 phút, xác thực bằng tài khoản định danh điện tử và nhận nhắc lịch tự động.

- Đặt lịch đa kênh: ứng dụng di động, Zalo, tổng đài và ki-ốt tự phục vụ
- Số thứ tự điện tử, thông báo khi sắp đến lượt khám
- Nhắc lịch qua SMS và Zalo trước 24 giờ và 2 giờ
- Thanh toán tạm ứng không dùng tiền mặt

## Điều phối trong bệnh viện

Bảng điều phối hiển thị tải của từng phòng khám, phòng xét nghiệm và chẩn đoán hình ảnh để phân luồng người bệnh hợp lý. Hệ thống tích hợp với HIS, bệnh án điện tử và cổng giám định bảo hiểm y tế theo chuẩn HL7 FHIR.`,
    trl: 9,
    deploymentModel: "SAAS",
    ipStatus: "Quyền tác giả chương trình máy tính, Giấy chứng nhận đăng ký số 1938/2022/QTG",
    contactName: "BS. Vũ Thị Lan Anh",
    contactEmail: "lananh.vu@hongduc-health.example.vn",
    contactPhone: "024 3974 5216",
    evidenceLevel: "REFERENCE_CONFIRMED",
    sectors: ["y-te"],
    technologies: ["dien-toan-dam-may", "tri-tue-nhan-tao", "dinh-danh-so-chu-ky-so"],
    businessNeeds: [],
    packages: [
      {
        name: "Gói bệnh viện dưới 300 giường",
        priceVnd: 240_000_000,
        unit: "năm",
        description: "Đặt lịch đa kênh, số thứ tự điện tử, nhắc lịch và tích hợp HIS; gồm 2 ki-ốt tự phục vụ.",
      },
      {
        name: "Gói bệnh viện từ 300 giường trở lên",
        priceVnd: 480_000_000,
        unit: "năm",
        description: "Toàn bộ tính năng, điều phối cận lâm sàng, tổng đài đặt lịch và 6 ki-ốt tự phục vụ.",
      },
      {
        name: "Triển khai cho cụm bệnh viện và trạm y tế",
        priceVnd: null,
        unit: "gói",
        description: "Cổng đặt lịch dùng chung cho nhiều cơ sở y tế, chuyển tuyến và chia sẻ lịch khám liên viện.",
      },
    ],
    references: [
      {
        customer: "Bệnh viện Đa khoa Sông Nhuệ",
        year: 2024,
        result: "Thời gian chờ khám trung bình giảm từ 95 xuống 40 phút; 62% lượt khám được đặt lịch trước.",
      },
      {
        customer: "Phòng khám Đa khoa Hồng Hà Tâm An",
        year: 2025,
        result: "Tỷ lệ người bệnh lỡ hẹn giảm từ 18% xuống 7% nhờ nhắc lịch tự động.",
      },
    ],
    monthsSinceUpdate: 2,
  },

  // ===========================================================================
  // Digital-transformation market (Chợ chuyển đổi số)
  // ===========================================================================

  // --- E-invoicing (competing: ho-guom-pay vs congso-platform) --------------
  {
    organisation: "ho-guom-pay",
    titleVi: "Hóa đơn điện tử HG-eInvoice",
    titleEn: "HG-eInvoice Electronic Invoicing",
    summaryVi:
      "Phần mềm hóa đơn điện tử có mã và không mã của cơ quan thuế, hỗ trợ hóa đơn khởi tạo từ máy tính tiền cho hộ kinh doanh. Xuất hóa đơn ngay trên điện thoại hoặc tự động từ giao dịch thanh toán QR.",
    summaryEn:
      "E-invoicing software for invoices with and without a tax authority code, including cash-register invoices for household businesses. Issue invoices from a phone or automatically from QR payments.",
    descriptionMd: `## Tính năng

HG-eInvoice đáp ứng Nghị định 123/2020/NĐ-CP và các văn bản hướng dẫn, kết nối trực tiếp với hệ thống của cơ quan thuế.

- Lập hóa đơn có mã, không mã và hóa đơn khởi tạo từ máy tính tiền
- Ứng dụng di động xuất hóa đơn trong 30 giây, gửi cho khách qua Zalo, e-mail hoặc mã QR
- Tự động lập hóa đơn từ giao dịch thanh toán QR của Hồ Gươm Pay
- Báo cáo tình hình sử dụng hóa đơn và bảng kê bán ra

## Dịch vụ kèm theo

Miễn phí khởi tạo, đăng ký mẫu hóa đơn và hướng dẫn thủ tục chuyển đổi với cơ quan thuế. Hóa đơn được lưu trữ 10 năm trên hạ tầng đám mây đặt tại Việt Nam.`,
    trl: 9,
    deploymentModel: "SAAS",
    ipStatus: "Quyền tác giả chương trình máy tính, Giấy chứng nhận đăng ký số 3307/2022/QTG",
    contactName: "Hoàng Đức Anh",
    contactEmail: "einvoice@hoguompay.example.vn",
    contactPhone: "024 3936 8802",
    evidenceLevel: "DOCUMENTS_VERIFIED",
    sectors: ["tai-chinh-thuong-mai"],
    technologies: ["dien-toan-dam-may", "du-lieu-mo-api"],
    businessNeeds: ["hoa-don-dien-tu"],
    packages: [
      {
        name: "Gói 300 hóa đơn",
        priceVnd: 330_000,
        unit: "gói",
        description: "300 hóa đơn, không giới hạn thời gian sử dụng, miễn phí khởi tạo; phù hợp hộ kinh doanh nhỏ.",
      },
      {
        name: "Gói 1.000 hóa đơn",
        priceVnd: 790_000,
        unit: "gói",
        description: "1.000 hóa đơn, không giới hạn thời gian sử dụng, kèm ứng dụng di động và hỗ trợ qua Zalo.",
      },
      {
        name: "Gói 5.000 hóa đơn",
        priceVnd: 2_450_000,
        unit: "gói",
        description: "5.000 hóa đơn, không giới hạn thời gian sử dụng, có API kết nối phần mềm bán hàng.",
      },
    ],
    references: [
      {
        customer: "Hộ kinh doanh Bánh cuốn Bà Nguyệt Thanh Xuân",
        year: 2025,
        result:
          "Chuyển sang hóa đơn khởi tạo từ máy tính tiền trong 1 ngày; xuất trung bình 120 hóa đơn/ngày không cần nhập tay.",
      },
      {
        customer: "Công ty TNHH Thiết bị Văn phòng Minh Khang",
        year: 2024,
        result: "Giảm 70% thời gian lập và gửi hóa đơn hằng tháng.",
      },
    ],
    monthsSinceUpdate: 1,
  },
  {
    organisation: "congso-platform",
    titleVi: "Hóa đơn điện tử Công số",
    titleEn: "Cong So E-Invoice",
    summaryVi:
      "Dịch vụ hóa đơn điện tử kết nối trực tiếp cơ quan thuế, tích hợp sẵn ký số từ xa và API cho phần mềm kế toán, ERP. Phù hợp doanh nghiệp có lượng hóa đơn lớn cần tự động hóa.",
    summaryEn:
      "An e-invoicing service connected directly to the tax authority, with built-in remote signing and an API for accounting and ERP software. Suited to businesses issuing large volumes of invoices.",
    descriptionMd: `## Tính năng

Hóa đơn điện tử Công số đáp ứng Nghị định 123/2020/NĐ-CP, hỗ trợ cả hóa đơn giá trị gia tăng và hóa đơn bán hàng.

- Ký số từ xa ngay trên trình duyệt, không cần USB Token
- API REST lập hóa đơn hàng loạt từ phần mềm kế toán, ERP, hệ thống bán vé
- Tra cứu hóa đơn cho người mua qua cổng web và mã QR
- Tự động đối chiếu trạng thái cấp mã và gửi lại khi lỗi kết nối

## Hỗ trợ triển khai

Đội ngũ tư vấn hỗ trợ thiết kế mẫu hóa đơn theo nhận diện thương hiệu và chuyển dữ liệu từ nhà cung cấp cũ. Tổng đài hỗ trợ kỹ thuật hoạt động từ 7 giờ đến 22 giờ tất cả các ngày.`,
    trl: 9,
    deploymentModel: "SAAS",
    ipStatus: "Quyền tác giả chương trình máy tính, Giấy chứng nhận đăng ký số 2154/2022/QTG",
    contactName: "Phan Thị Mai Hương",
    contactEmail: "huong.phan@congso.example.vn",
    contactPhone: "024 3771 2590",
    evidenceLevel: "REFERENCE_CONFIRMED",
    sectors: ["tai-chinh-thuong-mai"],
    technologies: ["dien-toan-dam-may", "dinh-danh-so-chu-ky-so", "du-lieu-mo-api"],
    businessNeeds: ["hoa-don-dien-tu"],
    packages: [
      {
        name: "Gói 300 hóa đơn",
        priceVnd: 360_000,
        unit: "gói",
        description: "300 hóa đơn, không giới hạn thời gian sử dụng, đã gồm ký số từ xa trong 12 tháng.",
      },
      {
        name: "Gói 1.000 hóa đơn",
        priceVnd: 750_000,
        unit: "gói",
        description: "1.000 hóa đơn, không giới hạn thời gian sử dụng, đã gồm ký số từ xa trong 12 tháng.",
      },
      {
        name: "Gói 5.000 hóa đơn",
        priceVnd: 2_600_000,
        unit: "gói",
        description: "5.000 hóa đơn, API tích hợp ERP, ký số từ xa 12 tháng và hỗ trợ chuyển đổi dữ liệu.",
      },
    ],
    references: [
      {
        customer: "Công ty Cổ phần Vận tải Hành khách Thăng Long Xanh",
        year: 2023,
        result: "Tự động phát hành 18.000 hóa đơn mỗi tháng từ hệ thống bán vé qua API.",
      },
      {
        customer: "Hợp tác xã Rau an toàn Vân Nội Xanh",
        year: 2025,
        result: "100% hóa đơn được cơ quan thuế cấp mã trong vòng 5 giây; không còn hóa đơn giấy.",
      },
    ],
    monthsSinceUpdate: 4,
  },

  // --- Accounting (competing: congso-platform vs tay-ho-labs) ---------------
  {
    organisation: "congso-platform",
    titleVi: "Kế toán Công số cho doanh nghiệp nhỏ",
    titleEn: "Cong So Accounting for Small Businesses",
    summaryVi:
      "Phần mềm kế toán trực tuyến theo chế độ kế toán doanh nghiệp nhỏ và vừa, tự động hạch toán từ hóa đơn điện tử và sao kê ngân hàng. Lập tờ khai thuế và báo cáo tài chính chỉ với vài thao tác.",
    summaryEn:
      "Online accounting software for small and medium-sized enterprises that posts entries automatically from e-invoices and bank statements. Tax returns and financial statements take just a few clicks.",
    descriptionMd: `## Nghiệp vụ hỗ trợ

Phần mềm áp dụng chế độ kế toán doanh nghiệp nhỏ và vừa, cập nhật kịp thời khi có thay đổi về chính sách thuế.

- Tự động lấy hóa đơn đầu vào, đầu ra từ cổng của cơ quan thuế
- Kết nối sao kê ngân hàng và gợi ý hạch toán thu, chi
- Quản lý công nợ, kho, tài sản cố định và tính giá thành đơn giản
- Lập tờ khai thuế GTGT, TNDN, TNCN và báo cáo tài chính, nộp trực tiếp qua mạng

## Hỗ trợ người dùng

Mỗi gói có chuyên viên kế toán hỗ trợ qua điện thoại và Zalo trong giờ hành chính. Dữ liệu được sao lưu hằng ngày và có thể xuất ra Excel bất cứ lúc nào.`,
    trl: 9,
    deploymentModel: "SAAS",
    ipStatus: "Quyền tác giả chương trình máy tính, Giấy chứng nhận đăng ký số 2893/2023/QTG",
    contactName: "Ngô Văn Thành",
    contactEmail: "ketoan@congso.example.vn",
    contactPhone: "024 3771 2591",
    evidenceLevel: "DOCUMENTS_VERIFIED",
    sectors: ["tai-chinh-thuong-mai"],
    technologies: ["dien-toan-dam-may"],
    businessNeeds: ["ke-toan"],
    packages: [
      {
        name: "Gói Cơ bản",
        priceVnd: 1_490_000,
        unit: "năm",
        description: "1 người dùng, tối đa 1.000 chứng từ mỗi năm, tờ khai thuế và báo cáo tài chính.",
      },
      {
        name: "Gói Tiêu chuẩn",
        priceVnd: 3_490_000,
        unit: "năm",
        description: "3 người dùng, không giới hạn chứng từ, kết nối sao kê 2 ngân hàng, quản lý kho.",
      },
      {
        name: "Gói Nâng cao",
        priceVnd: 6_990_000,
        unit: "năm",
        description: "10 người dùng, nhiều chi nhánh, tính giá thành, phân quyền chi tiết và báo cáo quản trị.",
      },
    ],
    references: [
      {
        customer: "Công ty TNHH Nội thất Gỗ Việt Đan Phượng",
        year: 2024,
        result: "Rút ngắn thời gian khóa sổ cuối tháng từ 5 ngày xuống 2 ngày.",
      },
      {
        customer: "Công ty Cổ phần Dịch vụ Vệ sinh Công nghiệp Hà Thành Sạch",
        year: 2025,
        result: "Nộp đúng hạn 100% tờ khai thuế và báo cáo tài chính năm 2025, không bị phạt chậm nộp.",
      },
    ],
    monthsSinceUpdate: 3,
  },
  {
    organisation: "tay-ho-labs",
    titleVi: "Sổ Sách AI – kế toán cho hộ kinh doanh",
    titleEn: "So Sach AI – Bookkeeping for Household Businesses",
    summaryVi:
      "Ứng dụng sổ sách kế toán cho hộ kinh doanh với trợ lý AI tiếng Việt, tự ghi nhận doanh thu từ tài khoản ngân hàng và hóa đơn điện tử. Hỗ trợ hộ kinh doanh chuyển từ thuế khoán sang kê khai.",
    summaryEn:
      "A bookkeeping app for household businesses with a Vietnamese AI assistant that records revenue from bank accounts and e-invoices. It helps household businesses move from presumptive tax to self-declaration.",
    descriptionMd: `## Dành cho hộ kinh doanh

Chủ hộ chỉ cần trò chuyện với trợ lý AI bằng tiếng Việt, ví dụ "hôm nay nhập 20 kg thịt bò giá 260 nghìn", phần mềm tự ghi sổ đúng mẫu.

- Tự động ghi nhận doanh thu từ giao dịch chuyển khoản và hóa đơn điện tử
- Lập các sổ kế toán theo mẫu dành cho hộ kinh doanh
- Nhắc lịch và lập tờ khai thuế theo quý
- Chụp ảnh hóa đơn mua vào để lưu chứng từ chi phí

## Đồng hành chuyển đổi

Đội ngũ tư vấn hướng dẫn đăng ký phương pháp kê khai, thiết lập tài khoản và nhập số dư đầu kỳ trong buổi làm việc đầu tiên. Ứng dụng chạy trên điện thoại và máy tính, dữ liệu đồng bộ tức thời.`,
    trl: 9,
    deploymentModel: "SAAS",
    ipStatus: null,
    contactName: "Bùi Khánh Linh",
    contactEmail: "linh.bui@tayholabs.example.vn",
    contactPhone: "024 3718 4406",
    evidenceLevel: "SELF_DECLARED",
    sectors: ["tai-chinh-thuong-mai"],
    technologies: ["tri-tue-nhan-tao", "dien-toan-dam-may"],
    businessNeeds: ["ke-toan"],
    packages: [
      {
        name: "Gói Cơ bản",
        priceVnd: 990_000,
        unit: "năm",
        description: "1 người dùng, sổ doanh thu và chi phí, kết nối 1 tài khoản ngân hàng, nhắc lịch kê khai.",
      },
      {
        name: "Gói Tiêu chuẩn",
        priceVnd: 2_490_000,
        unit: "năm",
        description: "3 người dùng, đầy đủ sổ sách theo mẫu, lập tờ khai thuế quý, kết nối 3 tài khoản ngân hàng.",
      },
      {
        name: "Gói Nâng cao",
        priceVnd: 5_990_000,
        unit: "năm",
        description: "Nhiều điểm bán, quản lý kho, trợ lý AI không giới hạn câu hỏi và kế toán viên rà soát mỗi quý.",
      },
    ],
    references: [
      {
        customer: "Hộ kinh doanh Tạp hóa Cô Hạnh Ngọc Thụy",
        year: 2026,
        result: "Chuyển sang kê khai thuế trong 2 tuần; tự động ghi sổ 3.400 giao dịch chuyển khoản mỗi tháng.",
      },
      {
        customer: "Hộ kinh doanh Cà phê Gác Nhỏ Tây Hồ",
        year: 2025,
        result: "Tiết kiệm khoảng 6 giờ ghi chép sổ sách mỗi tuần.",
      },
    ],
    monthsSinceUpdate: 0,
  },

  // --- Sales / POS (competing: medirecord vs dong-xanh-agritech) ------------
  {
    organisation: "medirecord",
    titleVi: "Phần mềm bán hàng và quản lý nhà thuốc Hồng Đức Pharma",
    titleEn: "Hong Duc Pharma Point of Sale and Pharmacy Management",
    summaryVi:
      "Phần mềm bán hàng cho nhà thuốc và chuỗi nhà thuốc, quản lý thuốc theo số lô, hạn dùng và liên thông dữ liệu với cơ quan quản lý dược. Bán hàng nhanh trên máy tính, máy tính bảng hoặc điện thoại.",
    summaryEn:
      "Point-of-sale software for pharmacies and pharmacy chains that tracks medicines by batch and expiry date and shares data with the pharmaceutical regulator. Sell quickly on a computer, tablet or phone.",
    descriptionMd: `## Tính năng bán hàng

Giao diện bán hàng tối ưu cho quầy thuốc, tìm thuốc theo tên, hoạt chất hoặc mã vạch chỉ trong vài giây.

- Quản lý tồn kho theo số lô, hạn dùng; cảnh báo thuốc cận hạn trước 90 ngày
- Bán theo đơn thuốc, lưu thông tin người mua và lịch sử dùng thuốc
- Liên thông đơn bán và phiếu nhập lên cổng dữ liệu dược theo quy định
- Thanh toán QR, in hóa đơn và kết nối hóa đơn điện tử

## Quản lý chuỗi

Chủ chuỗi theo dõi doanh thu, tồn kho và điều chuyển hàng giữa các điểm bán trên một màn hình. Báo cáo lợi nhuận theo nhóm thuốc giúp tối ưu danh mục nhập hàng.`,
    trl: 9,
    deploymentModel: "SAAS",
    ipStatus: "Quyền tác giả chương trình máy tính, Giấy chứng nhận đăng ký số 3620/2023/QTG",
    contactName: "Đặng Quốc Bảo",
    contactEmail: "pharma@hongduc-health.example.vn",
    contactPhone: "024 3974 5230",
    evidenceLevel: "REFERENCE_CONFIRMED",
    sectors: ["y-te", "tai-chinh-thuong-mai"],
    technologies: ["dien-toan-dam-may"],
    businessNeeds: ["ban-hang-quan-ly-cua-hang", "quan-ly-kho-hang"],
    packages: [
      {
        name: "Gói Cơ bản",
        priceVnd: 149_000,
        unit: "tháng",
        description: "1 điểm bán, 2 người dùng, bán hàng, quản lý lô và hạn dùng, liên thông dữ liệu dược.",
      },
      {
        name: "Gói Tiêu chuẩn",
        priceVnd: 299_000,
        unit: "tháng",
        description: "1 điểm bán, 5 người dùng, thêm quản lý khách hàng, khuyến mại và báo cáo lợi nhuận.",
      },
      {
        name: "Gói Chuỗi",
        priceVnd: 590_000,
        unit: "tháng",
        description:
          "Giá cho mỗi điểm bán, không giới hạn người dùng, điều chuyển kho và báo cáo tập trung toàn chuỗi.",
      },
    ],
    references: [
      {
        customer: "Chuỗi nhà thuốc Bách Thảo Đường (6 điểm bán)",
        year: 2024,
        result: "Giảm 85% lượng thuốc hết hạn phải hủy nhờ cảnh báo cận hạn 90 ngày.",
      },
      {
        customer: "Nhà thuốc Minh Châu Hà Đông",
        year: 2025,
        result: "100% đơn bán được liên thông lên cổng dữ liệu dược ngay trong ngày.",
      },
    ],
    monthsSinceUpdate: 5,
  },
  {
    organisation: "dong-xanh-agritech",
    titleVi: "Sạp Xanh POS – bán hàng cho cửa hàng thực phẩm và tạp hóa",
    titleEn: "Sap Xanh POS – Sales for Food and Grocery Stores",
    summaryVi:
      "Phần mềm bán hàng cho cửa hàng thực phẩm sạch và tạp hóa, hỗ trợ cân điện tử, hàng tươi sống theo trọng lượng và thanh toán QR. Theo dõi tồn kho, hao hụt và doanh thu theo thời gian thực.",
    summaryEn:
      "Point-of-sale software for fresh-food and grocery stores, supporting electronic scales, sale of fresh produce by weight and QR payments. Track stock, shrinkage and revenue in real time.",
    descriptionMd: `## Tính năng bán hàng

Sạp Xanh POS được thiết kế cho hàng tươi sống, nơi giá bán phụ thuộc vào trọng lượng và hạn sử dụng ngắn.

- Kết nối cân điện tử, in tem mã vạch theo trọng lượng
- Quản lý tồn kho, hàng hao hụt và hàng cận hạn cần giảm giá
- Thanh toán QR, thẻ và tiền mặt; tự động lập hóa đơn điện tử
- Tích điểm khách hàng thân thiết và gửi khuyến mại qua Zalo

## Truy xuất nguồn gốc

Sản phẩm nhập từ hợp tác xã đối tác mang sẵn mã QR truy xuất nguồn gốc, khách hàng quét mã để xem vùng trồng và ngày thu hoạch. Phần mềm chạy trên máy tính, máy tính bảng và điện thoại Android.`,
    trl: 9,
    deploymentModel: "SAAS",
    ipStatus: null,
    contactName: "Lương Văn Hiếu",
    contactEmail: "hieu.luong@dongxanh-agri.example.vn",
    contactPhone: "024 3368 2751",
    evidenceLevel: "SELF_DECLARED",
    sectors: ["nong-nghiep-thuc-pham", "tai-chinh-thuong-mai"],
    technologies: ["dien-toan-dam-may", "iot"],
    businessNeeds: ["ban-hang-quan-ly-cua-hang", "quan-ly-kho-hang"],
    packages: [
      {
        name: "Gói Cơ bản",
        priceVnd: 129_000,
        unit: "tháng",
        description: "1 điểm bán, 2 người dùng, bán hàng, kết nối cân điện tử và thanh toán QR.",
      },
      {
        name: "Gói Tiêu chuẩn",
        priceVnd: 269_000,
        unit: "tháng",
        description: "1 điểm bán, 5 người dùng, thêm quản lý hao hụt, tích điểm khách hàng và báo cáo lợi nhuận.",
      },
      {
        name: "Gói Chuỗi",
        priceVnd: 549_000,
        unit: "tháng",
        description:
          "Giá cho mỗi điểm bán, không giới hạn người dùng, điều chuyển kho và báo cáo tập trung toàn chuỗi.",
      },
    ],
    references: [
      {
        customer: "Cửa hàng Thực phẩm sạch Mầm Xanh Long Biên",
        year: 2025,
        result: "Giảm 60% chênh lệch kiểm kê cuối tháng; thanh toán QR chiếm 72% doanh thu.",
      },
      {
        customer: "Hộ kinh doanh Tạp hóa Hương Quê Gia Lâm",
        year: 2024,
        result: "Thời gian tính tiền trung bình giảm từ 90 xuống 35 giây mỗi khách.",
      },
    ],
    monthsSinceUpdate: 2,
  },

  // --- HR and payroll --------------------------------------------------------
  {
    organisation: "song-hong-ai",
    titleVi: "Chấm công khuôn mặt và tính lương SH FaceHR",
    titleEn: "SH FaceHR Face-Recognition Attendance and Payroll",
    summaryVi:
      "Giải pháp chấm công bằng nhận diện khuôn mặt có chống giả mạo, tự động tổng hợp bảng công và tính lương, bảo hiểm, thuế thu nhập cá nhân. Phù hợp nhà xưởng, chuỗi cửa hàng và nhà hàng làm việc theo ca.",
    summaryEn:
      "Face-recognition attendance with anti-spoofing that automatically builds timesheets and calculates pay, social insurance and personal income tax. Suited to factories, store chains and restaurants working in shifts.",
    descriptionMd: `## Chấm công chính xác

Máy chấm công nhận diện khuôn mặt trong dưới 1 giây, phát hiện ảnh chụp và video giả mạo, hoạt động cả khi mất mạng.

- Chấm công bằng máy tại chỗ hoặc bằng điện thoại kèm định vị GPS
- Xếp ca, đổi ca, đăng ký nghỉ phép và tăng ca trên ứng dụng
- Tự động tính lương theo công, sản phẩm, phụ cấp, bảo hiểm xã hội và thuế TNCN
- Gửi phiếu lương điện tử cho từng nhân viên

## Dữ liệu và quyền riêng tư

Dữ liệu khuôn mặt được mã hóa, chỉ lưu đặc trưng sinh trắc học và được xử lý theo quy định về bảo vệ dữ liệu cá nhân. Nhân viên ký đồng ý điện tử trước khi đăng ký khuôn mặt.`,
    trl: 9,
    deploymentModel: "SAAS",
    ipStatus: "Quyền tác giả chương trình máy tính, Giấy chứng nhận đăng ký số 4088/2024/QTG",
    contactName: "Trịnh Thu Trang",
    contactEmail: "facehr@songhongai.example.vn",
    contactPhone: "024 3856 2160",
    evidenceLevel: "REFERENCE_CONFIRMED",
    sectors: ["lao-dong-xa-hoi"],
    technologies: ["thi-giac-may-tinh", "tri-tue-nhan-tao", "dien-toan-dam-may"],
    businessNeeds: ["nhan-su-tien-luong"],
    packages: [
      {
        name: "Gói Khởi đầu (đến 30 nhân viên)",
        priceVnd: 390_000,
        unit: "tháng",
        description: "Chấm công bằng điện thoại, xếp ca, nghỉ phép và tính lương cho tối đa 30 nhân viên.",
      },
      {
        name: "Gói Doanh nghiệp",
        priceVnd: 15_000,
        unit: "người dùng/tháng",
        description: "Không giới hạn số nhân viên, nhiều chi nhánh, tính lương sản phẩm và kết nối phần mềm kế toán.",
      },
      {
        name: "Máy chấm công khuôn mặt SH-F2",
        priceVnd: 4_900_000,
        unit: "thiết bị",
        description: "Máy nhận diện khuôn mặt chống giả mạo, lưu 3.000 khuôn mặt, bảo hành 24 tháng.",
      },
    ],
    references: [
      {
        customer: "Công ty TNHH May mặc Phú Xuyên Hưng Thịnh",
        year: 2024,
        result: "Tính lương cho 420 công nhân trong 1 giờ thay vì 3 ngày; chấm dứt tình trạng chấm công hộ.",
      },
      {
        customer: "Chuỗi nhà hàng Lẩu Nấm Rừng Xanh (5 cơ sở)",
        year: 2025,
        result: "Giảm 90% sai sót bảng công khi nhân viên đổi ca giữa các cơ sở.",
      },
    ],
    monthsSinceUpdate: 1,
  },

  // --- Cybersecurity ---------------------------------------------------------
  {
    organisation: "lac-long-security",
    titleVi: "Lạc Long Shield – gói an toàn thông tin cho doanh nghiệp nhỏ",
    titleEn: "Lac Long Shield – Cybersecurity Bundle for Small Businesses",
    summaryVi:
      "Gói bảo vệ trọn gói gồm phần mềm phòng chống mã độc, sao lưu dữ liệu tự động và giám sát an ninh 24/7 từ trung tâm SOC. Giúp doanh nghiệp nhỏ chống mã độc tống tiền và lừa đảo qua e-mail mà không cần chuyên gia riêng.",
    summaryEn:
      "An all-in-one bundle of anti-malware software, automatic data backup and 24/7 security monitoring from a SOC. It protects small businesses against ransomware and phishing without an in-house specialist.",
    descriptionMd: `## Thành phần bảo vệ

Lạc Long Shield kết hợp công cụ bảo vệ máy tính với dịch vụ giám sát của đội ngũ chuyên gia, quản lý tập trung trên một bảng điều khiển.

- Phần mềm phòng chống mã độc và mã độc tống tiền cho máy tính Windows, macOS
- Sao lưu dữ liệu tự động hằng ngày, lưu 30 phiên bản trên đám mây tại Việt Nam
- Diễn tập lừa đảo qua e-mail và bài học ngắn cho nhân viên mỗi quý
- Giám sát cảnh báo và ứng cứu sự cố từ xa 24/7

## Cam kết dịch vụ

Thời gian phản hồi sự cố nghiêm trọng không quá 30 phút, kể cả ngày nghỉ. Báo cáo an ninh hằng tháng trình bày dễ hiểu cho chủ doanh nghiệp kèm khuyến nghị cụ thể.`,
    trl: 9,
    deploymentModel: "SERVICE",
    ipStatus: null,
    contactName: "Vương Đình Phúc",
    contactEmail: "shield@laclongsec.example.vn",
    contactPhone: "024 3557 8193",
    evidenceLevel: "SANDBOX_TESTED",
    sectors: ["ha-tang-so"],
    technologies: ["an-ninh-mang", "dien-toan-dam-may"],
    businessNeeds: ["an-toan-thong-tin"],
    packages: [
      {
        name: "Gói Cơ bản (đến 10 máy)",
        priceVnd: 490_000,
        unit: "tháng",
        description: "Phòng chống mã độc và sao lưu 200 GB cho tối đa 10 máy tính, cảnh báo qua e-mail.",
      },
      {
        name: "Gói Tiêu chuẩn (đến 30 máy)",
        priceVnd: 1_290_000,
        unit: "tháng",
        description: "Thêm diễn tập lừa đảo hằng quý, sao lưu 1 TB và hỗ trợ xử lý sự cố trong giờ hành chính.",
      },
      {
        name: "Gói Giám sát 24/7 (đến 50 máy)",
        priceVnd: 1_990_000,
        unit: "tháng",
        description: "Giám sát liên tục từ trung tâm SOC, ứng cứu sự cố từ xa 24/7 và báo cáo an ninh hằng tháng.",
      },
    ],
    references: [
      {
        customer: "Công ty Cổ phần Logistics Cổ Loa",
        year: 2024,
        result:
          "Chặn 2 đợt tấn công mã độc tống tiền, không mất dữ liệu; tỷ lệ nhân viên bấm vào liên kết lừa đảo giảm từ 27% xuống 4%.",
      },
      {
        customer: "Phòng khám Nha khoa Nụ Cười Việt Cầu Giấy",
        year: 2025,
        result: "Khôi phục toàn bộ dữ liệu người bệnh trong 2 giờ sau sự cố hỏng ổ cứng nhờ sao lưu tự động.",
      },
    ],
    monthsSinceUpdate: 1,
  },

  // --- Digital signature -----------------------------------------------------
  {
    organisation: "lac-long-security",
    titleVi: "Chữ ký số Lạc Long CA",
    titleEn: "Lac Long CA Digital Signatures",
    summaryVi:
      "Chứng thư chữ ký số công cộng dạng USB Token hoặc ký số từ xa trên điện thoại, dùng cho kê khai thuế, bảo hiểm xã hội, hải quan, hóa đơn và hợp đồng điện tử. Cấp chứng thư trực tuyến trong ngày bằng xác thực định danh điện tử.",
    summaryEn:
      "Public digital signature certificates on a USB token or as remote signing on a phone, for tax filing, social insurance, customs, e-invoices and e-contracts. Certificates are issued online the same day with electronic identity verification.",
    descriptionMd: `## Hình thức chữ ký số

Khách hàng chọn USB Token truyền thống hoặc ký số từ xa, ký được trên máy tính, điện thoại và tích hợp vào phần mềm qua API.

- Ký tờ khai thuế, bảo hiểm xã hội, hải quan và hóa đơn điện tử
- Ký hợp đồng điện tử với đối tác, lưu vết thời gian ký
- Xác thực ký số từ xa bằng ứng dụng di động và sinh trắc học
- Đăng ký và gia hạn trực tuyến, không cần nộp hồ sơ giấy

## Hỗ trợ

Kỹ thuật viên hỗ trợ cài đặt từ xa và hướng dẫn đăng ký chữ ký số với các cổng dịch vụ công. Chứng thư được gia hạn trực tuyến, nhắc lịch trước khi hết hạn 30 ngày.`,
    trl: 9,
    deploymentModel: "SERVICE",
    ipStatus: "Giấy phép cung cấp dịch vụ chứng thực chữ ký số công cộng số 71/GP-BKHCN",
    contactName: "Cao Minh Đức",
    contactEmail: "ca@laclongsec.example.vn",
    contactPhone: "024 3557 8204",
    evidenceLevel: "DOCUMENTS_VERIFIED",
    sectors: ["ha-tang-so", "hanh-chinh-cong"],
    technologies: ["dinh-danh-so-chu-ky-so", "an-ninh-mang"],
    businessNeeds: ["chu-ky-so"],
    packages: [
      {
        name: "Ký số từ xa cho cá nhân, hộ kinh doanh",
        priceVnd: 390_000,
        unit: "năm",
        description: "Chứng thư cá nhân ký trên điện thoại, tối đa 1.000 lượt ký mỗi năm.",
      },
      {
        name: "Chữ ký số USB Token doanh nghiệp",
        priceVnd: 1_390_000,
        unit: "năm",
        description: "Chứng thư doanh nghiệp kèm thiết bị USB Token, dùng cho thuế, bảo hiểm xã hội và hải quan.",
      },
      {
        name: "Ký số từ xa cho doanh nghiệp",
        priceVnd: 1_790_000,
        unit: "năm",
        description:
          "Chứng thư doanh nghiệp ký từ xa không giới hạn lượt ký, có API tích hợp phần mềm hóa đơn, hợp đồng.",
      },
    ],
    references: [
      {
        customer: "Công ty TNHH Xuất nhập khẩu Ngọc Hồi Phát",
        year: 2023,
        result: "Ký 1.200 hợp đồng điện tử mỗi tháng, giảm 80% chi phí in ấn và chuyển phát.",
      },
      {
        customer: "Hộ kinh doanh Điện máy Quang Trung Sóc Sơn",
        year: 2026,
        result: "Kê khai thuế và ký hóa đơn trên điện thoại; thời gian ký mỗi hóa đơn dưới 10 giây.",
      },
    ],
    monthsSinceUpdate: 2,
  },

  // --- CRM -------------------------------------------------------------------
  {
    organisation: "tay-ho-labs",
    titleVi: "Tây Hồ Chat – CRM và trợ lý AI chăm sóc khách hàng",
    titleEn: "Tay Ho Chat – CRM with an AI Customer Care Assistant",
    summaryVi:
      "Gom tin nhắn từ Zalo OA, Facebook Messenger và website về một hộp thư, trợ lý AI tiếng Việt trả lời câu hỏi thường gặp 24/7. Mỗi khách hàng có hồ sơ, lịch sử mua hàng và lịch chăm sóc lại.",
    summaryEn:
      "Brings messages from Zalo Official Accounts, Facebook Messenger and the website into one inbox, with a Vietnamese AI assistant answering common questions 24/7. Every customer gets a profile, purchase history and follow-up schedule.",
    descriptionMd: `## Quản lý khách hàng

Tây Hồ Chat tự tạo hồ sơ khách hàng từ mỗi cuộc trò chuyện và gợi ý bước chăm sóc tiếp theo cho nhân viên bán hàng.

- Hộp thư chung cho Zalo OA, Facebook Messenger và khung chat trên website
- Trợ lý AI trả lời giá, tồn kho, giờ mở cửa dựa trên dữ liệu của cửa hàng
- Phân nhóm khách hàng, gắn thẻ và giao việc cho nhân viên
- Gửi tin chăm sóc, nhắc lịch và khuyến mại theo nhóm khách

## Báo cáo hiệu quả

Báo cáo thời gian phản hồi, tỷ lệ chuyển đổi từ hỏi giá thành đơn hàng và doanh thu theo nhân viên. Trợ lý AI tự chuyển cuộc trò chuyện cho nhân viên khi gặp câu hỏi ngoài phạm vi.`,
    trl: 8,
    deploymentModel: "SAAS",
    ipStatus: null,
    contactName: "Nguyễn Hải Yến",
    contactEmail: "yen.nguyen@tayholabs.example.vn",
    contactPhone: "024 3718 4415",
    evidenceLevel: "REFERENCE_CONFIRMED",
    sectors: ["tai-chinh-thuong-mai"],
    technologies: ["tri-tue-nhan-tao", "dien-toan-dam-may"],
    businessNeeds: ["quan-ly-khach-hang-crm"],
    packages: [
      {
        name: "Gói Cơ bản",
        priceVnd: 199_000,
        unit: "tháng",
        description: "2 kênh nhắn tin, 2 nhân viên, 1.000 câu trả lời AI mỗi tháng và quản lý 2.000 khách hàng.",
      },
      {
        name: "Gói Chuyên nghiệp",
        priceVnd: 599_000,
        unit: "tháng",
        description:
          "Tất cả kênh, 10 nhân viên, 10.000 câu trả lời AI, gửi tin chăm sóc theo nhóm và báo cáo chuyển đổi.",
      },
      {
        name: "Gói Doanh nghiệp",
        priceVnd: 1_490_000,
        unit: "tháng",
        description:
          "Không giới hạn nhân viên và khách hàng, API kết nối phần mềm bán hàng, huấn luyện AI theo tài liệu riêng.",
      },
    ],
    references: [
      {
        customer: "Trung tâm Anh ngữ Bầu Trời Xanh Hà Đông",
        year: 2025,
        result: "Tỷ lệ phản hồi tin nhắn trong 5 phút tăng từ 35% lên 96%; số học viên đăng ký tăng 22% sau 4 tháng.",
      },
      {
        customer: "Cửa hàng Nội thất Mộc An Gia Lâm",
        year: 2024,
        result: "Tỷ lệ khách hỏi giá chuyển thành đơn hàng tăng từ 11% lên 18%.",
      },
    ],
    monthsSinceUpdate: 3,
  },

  // --- Online presence / website ----------------------------------------------
  {
    organisation: "van-mieu-edtech",
    titleVi: "Văn Miếu Web – website trọn gói cho cơ sở đào tạo và hộ kinh doanh",
    titleEn: "Van Mieu Web – All-in-One Websites for Training Centres and Small Shops",
    summaryVi:
      "Tạo website chuyên nghiệp từ mẫu có sẵn trong một ngày, kèm tên miền .vn, chứng chỉ bảo mật và tối ưu hiển thị trên Google Maps. Phù hợp trung tâm đào tạo, homestay, quán ăn và cửa hàng nhỏ.",
    summaryEn:
      "Build a professional website from ready-made templates in a day, with a .vn domain, SSL certificate and Google Maps optimisation. Suited to training centres, homestays, restaurants and small shops.",
    descriptionMd: `## Trọn gói trong một ngày

Khách hàng chọn mẫu giao diện, cung cấp nội dung và hình ảnh; đội ngũ Văn Miếu Web dựng và đưa website vào hoạt động trong 24 giờ làm việc.

- Tên miền .vn, chứng chỉ SSL và hộp thư theo tên miền
- Giao diện hiển thị tốt trên điện thoại, tốc độ tải trang dưới 2 giây
- Đăng ký hồ sơ doanh nghiệp trên Google Maps và tối ưu tìm kiếm cơ bản
- Biểu mẫu đăng ký học, đặt bàn, đặt phòng gửi thông báo qua Zalo

## Hỗ trợ pháp lý và vận hành

Hỗ trợ thủ tục thông báo website thương mại điện tử bán hàng với Bộ Công Thương. Khách hàng tự cập nhật nội dung qua trình quản trị tiếng Việt, có video hướng dẫn cho từng thao tác.`,
    trl: 9,
    deploymentModel: "SAAS",
    ipStatus: null,
    contactName: "Tạ Quang Huy",
    contactEmail: "web@vanmieu-edu.example.vn",
    contactPhone: "024 3823 6074",
    evidenceLevel: "SELF_DECLARED",
    sectors: ["giao-duc", "van-hoa-du-lich"],
    technologies: ["dien-toan-dam-may"],
    businessNeeds: ["hien-dien-truc-tuyen"],
    packages: [
      {
        name: "Gói Trang giới thiệu",
        priceVnd: 99_000,
        unit: "tháng",
        description: "Website 5 trang, tên miền .vn, SSL, biểu mẫu liên hệ và hồ sơ Google Maps.",
      },
      {
        name: "Gói Cửa hàng trực tuyến",
        priceVnd: 249_000,
        unit: "tháng",
        description: "Không giới hạn trang, danh mục sản phẩm hoặc khóa học, đặt hàng và thanh toán QR.",
      },
      {
        name: "Gói Cửa hàng trực tuyến trả theo năm",
        priceVnd: 2_390_000,
        unit: "năm",
        description:
          "Toàn bộ tính năng gói Cửa hàng trực tuyến, tiết kiệm 20% so với trả theo tháng, tặng 3 bài viết chuẩn SEO.",
      },
    ],
    references: [
      {
        customer: "Trung tâm Kỹ năng sống Cánh Diều Nhỏ",
        year: 2023,
        result: "Số học viên đăng ký qua website tăng gấp 3 lần sau 6 tháng.",
      },
      {
        customer: "Homestay Mái Ngói Làng Cổ Đường Lâm",
        year: 2024,
        result: "42% lượt đặt phòng đến trực tiếp từ website thay vì qua sàn, tiết kiệm 15% hoa hồng.",
      },
    ],
    monthsSinceUpdate: 9,
  },

  // --- E-commerce --------------------------------------------------------------
  {
    organisation: "dong-xanh-agritech",
    titleVi: "Đồng Xanh Market – gian hàng nông sản trực tuyến có truy xuất nguồn gốc",
    titleEn: "Dong Xanh Market – Online Produce Store with Traceability",
    summaryVi:
      "Mở gian hàng nông sản trực tuyến, đồng bộ sản phẩm và tồn kho lên các sàn thương mại điện tử, mỗi sản phẩm có tem QR truy xuất nguồn gốc. Dành cho hợp tác xã, trang trại và hộ kinh doanh nông sản.",
    summaryEn:
      "Open an online produce store, sync products and stock to major e-commerce marketplaces, with a traceability QR label on every item. Built for cooperatives, farms and household produce businesses.",
    descriptionMd: `## Bán hàng đa kênh

Một nơi quản lý sản phẩm, đơn hàng và tồn kho cho gian hàng riêng và các sàn thương mại điện tử.

- Gian hàng trực tuyến riêng với tên miền và thanh toán QR
- Đồng bộ sản phẩm, giá và tồn kho lên các sàn thương mại điện tử
- Kết nối đơn vị giao hàng, in vận đơn và theo dõi trạng thái giao
- Tem QR truy xuất nguồn gốc ghi nhận vùng trồng, ngày thu hoạch, chứng nhận VietGAP

## Dữ liệu truy xuất tin cậy

Nhật ký canh tác và thu hoạch được ghi lên sổ cái chuỗi khối nên không thể chỉnh sửa sau khi xác nhận. Người mua quét mã để xem hành trình sản phẩm từ ruộng đến tay mình.`,
    trl: 8,
    deploymentModel: "SAAS",
    ipStatus: "Giấy phép sử dụng phần mềm nguồn mở Apache 2.0",
    contactName: "Kiều Thị Phương",
    contactEmail: "market@dongxanh-agri.example.vn",
    contactPhone: "024 3368 2764",
    evidenceLevel: "DOCUMENTS_VERIFIED",
    sectors: ["nong-nghiep-thuc-pham", "tai-chinh-thuong-mai"],
    technologies: ["blockchain", "dien-toan-dam-may"],
    businessNeeds: ["thuong-mai-dien-tu", "quan-ly-kho-hang"],
    packages: [
      {
        name: "Gói Khởi đầu",
        priceVnd: 149_000,
        unit: "tháng",
        description: "Gian hàng riêng, 50 sản phẩm, 500 tem QR mỗi tháng và kết nối 1 đơn vị giao hàng.",
      },
      {
        name: "Gói Tăng trưởng",
        priceVnd: 449_000,
        unit: "tháng",
        description: "Không giới hạn sản phẩm, đồng bộ 3 sàn thương mại điện tử, 3.000 tem QR mỗi tháng.",
      },
      {
        name: "Gói Hợp tác xã",
        priceVnd: 990_000,
        unit: "tháng",
        description:
          "Nhiều thành viên cung ứng, nhật ký canh tác trên chuỗi khối, 10.000 tem QR và báo cáo theo vùng trồng.",
      },
    ],
    references: [
      {
        customer: "Hợp tác xã Cam Canh Minh Khai Xanh",
        year: 2024,
        result: "Doanh thu trực tuyến đạt 1,2 tỷ đồng trong vụ Tết, chiếm 35% sản lượng tiêu thụ.",
      },
      {
        customer: "Hộ kinh doanh Gạo nếp cái hoa vàng Cô Tư Đông Anh",
        year: 2025,
        result: "Đơn hàng trực tuyến tăng gấp 2,5 lần; 100% sản phẩm có tem QR truy xuất nguồn gốc.",
      },
    ],
    monthsSinceUpdate: 4,
  },

  // --- Cashless payments -------------------------------------------------------
  {
    organisation: "ho-guom-pay",
    titleVi: "Hồ Gươm Pay – thanh toán QR và loa báo tiền cho cửa hàng",
    titleEn: "Ho Guom Pay – QR Payments and Payment Alert Speakers for Shops",
    summaryVi:
      "Nhận thanh toán bằng mã QR liên ngân hàng, ví điện tử và thẻ, loa đọc to số tiền ngay khi khách chuyển khoản. Đối soát tự động cuối ngày và xuất hóa đơn điện tử từ giao dịch.",
    summaryEn:
      "Accept interbank QR codes, e-wallets and cards, with a speaker that reads out each payment as soon as the customer pays. Reconciliation is automatic at the end of the day and e-invoices are issued from transactions.",
    descriptionMd: `## Nhận tiền nhanh, không nhầm lẫn

Cửa hàng nhận mã QR tĩnh để dán tại quầy hoặc mã QR động hiển thị đúng số tiền cần thanh toán trên màn hình bán hàng.

- Mã QR liên ngân hàng nhận tiền từ mọi ứng dụng ngân hàng và ví điện tử
- Loa báo tiền đọc số tiền và nội dung chuyển khoản, hoạt động qua 4G
- Đối soát tự động theo ca và theo ngày, xuất báo cáo cho kế toán
- Kết nối HG-eInvoice để lập hóa đơn điện tử từ giao dịch

## An toàn và chi phí

Tiền được chuyển thẳng vào tài khoản ngân hàng của cửa hàng, không qua ví trung gian. Phí giao dịch QR liên ngân hàng được miễn cho hộ kinh doanh có doanh thu dưới 100 triệu đồng mỗi tháng.`,
    trl: 9,
    deploymentModel: "SAAS",
    ipStatus: "Giấy phép cung ứng dịch vụ trung gian thanh toán số 94/GP-NHNN",
    contactName: "Lý Thanh Tâm",
    contactEmail: "merchant@hoguompay.example.vn",
    contactPhone: "024 3936 8815",
    evidenceLevel: "SANDBOX_TESTED",
    sectors: ["tai-chinh-thuong-mai"],
    technologies: ["dien-toan-dam-may", "du-lieu-mo-api", "iot"],
    businessNeeds: ["thanh-toan-khong-tien-mat"],
    packages: [
      {
        name: "Gói QR miễn phí",
        priceVnd: 0,
        unit: "tháng",
        description: "Mã QR tĩnh dán tại quầy, thông báo giao dịch qua ứng dụng và đối soát cuối ngày.",
      },
      {
        name: "Gói Cửa hàng",
        priceVnd: 99_000,
        unit: "tháng",
        description:
          "QR động theo từng đơn hàng, nhiều nhân viên thu ngân, báo cáo theo ca và kết nối phần mềm bán hàng.",
      },
      {
        name: "Loa báo tiền HG-Speaker",
        priceVnd: 590_000,
        unit: "thiết bị",
        description: "Loa báo tiền dùng SIM 4G, pin 3 ngày, miễn phí dữ liệu di động 12 tháng đầu, bảo hành 12 tháng.",
      },
    ],
    references: [
      {
        customer: "Ban Quản lý chợ dân sinh Nghĩa Tân Mới (120 tiểu thương)",
        year: 2023,
        result: "Tỷ lệ giao dịch không dùng tiền mặt tăng từ 12% lên 58% sau 6 tháng.",
      },
      {
        customer: "Hộ kinh doanh Bánh mì Ông Béo Kim Liên",
        year: 2025,
        result: "Không còn nhầm lẫn khi nhận chuyển khoản; thời gian đối soát cuối ngày giảm từ 30 xuống 5 phút.",
      },
    ],
    monthsSinceUpdate: 0,
  },
];
