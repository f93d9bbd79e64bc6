/**
 * Demo seed data: the list of major problems (bài toán lớn) of Hanoi.
 *
 * Pure data. The list is the city's real one, Decision 1193/QĐ-UBND of the
 * Hanoi People's Committee, 18 March 2026 (30 problems for 2026–2030). Only
 * HN-2026-01 … HN-2026-07 are problems named in that decision (its long-running
 * urban bottlenecks and its urban-space group); every later code
 * is an ILLUSTRATIVE problem written for the demo, as the README says, and so
 * are all lead agencies, owners and deadlines. Lead agencies use the names of Hanoi public bodies after
 * the 2025 reorganisation (e.g. transport and water supply under Sở Xây dựng,
 * environment under Sở Nông nghiệp và Môi trường, social protection under
 * Sở Y tế, two-level local government with wards and communes).
 *
 * Each `sector` is a SECTOR slug from ./seed-taxonomy.ts.
 */

export interface SeedMajorProblem {
  /** Unique code, e.g. "HN-2026-01". */
  code: string;
  /** Vietnamese, concise. */
  title: string;
  /** Vietnamese, 2–4 sentences, saying how results are measured. */
  description: string;
  /** A SECTOR slug from seed-taxonomy.ts. */
  sector: string;
  /** Vietnamese name of the lead Hanoi public body. */
  leadAgency: string;
  priority: "HIGH" | "MEDIUM" | "LOW";
  /** English title and summary: only some problems have them, so the demo shows both cases. */
  titleEn?: string;
  summaryEn?: string;
}

// Quyết định số 1193/QĐ-UBND ngày 18/3/2026 của UBND thành phố Hà Nội.
export const seedMajorProblemList: {
  name: string;
  slug: string;
  decisionNumber: string;
  decisionDate: string;
  periodStart: number;
  periodEnd: number;
  summary: string;
  nameEn: string;
  summaryEn: string;
} = {
  name: "Danh mục bài toán lớn của thành phố Hà Nội giai đoạn 2026–2030",
  summary: "Những vấn đề lớn Hà Nội cần giải bằng khoa học, công nghệ và chuyển đổi số trong giai đoạn 2026–2030.",
  nameEn: "Hanoi's list of major problems, 2026–2030",
  summaryEn: "The big problems Hanoi wants to solve with science, technology and digital transformation in 2026–2030.",
  slug: "danh-muc-bai-toan-lon-2026-2030",
  decisionNumber: "1193/QĐ-UBND",
  decisionDate: "2026-03-18",
  periodStart: 2026,
  periodEnd: 2030,
};

// The first version's changelog says plainly which problems are the decision's.
export const seedFirstChangelog =
  "Ban hành theo Quyết định số 1193/QĐ-UBND ngày 18/3/2026 của UBND Thành phố. Bản trình diễn: các bài toán HN-2026-01 đến HN-2026-07 theo quyết định; các bài toán còn lại là ví dụ minh họa.";

export const seedMajorProblems: SeedMajorProblem[] = [
  // Named in Decision 1193/QĐ-UBND of 18 March 2026: the long-running urban
  // bottlenecks, then urban space. Titles and summaries are ours, in plain
  // words, with no figure the decision does not give; lead agencies are illustrative.
  {
    code: "HN-2026-01",
    title: "Giảm ùn tắc giao thông đô thị",
    titleEn: "Reducing urban traffic congestion",
    summaryEn:
      "Long-running congestion on radial roads, ring roads and at many junctions at rush hour. The city wants real-time traffic data from cameras, sensors and trip data, adaptive signal control, forecasting and diversion, tied to public transport. Results are measured by journey times and waiting times at the junctions and roads where it is used.",
    description:
      "Ùn tắc giao thông kéo dài trên các trục hướng tâm, vành đai và tại nhiều nút giao vào giờ cao điểm là điểm nghẽn lâu năm của Hà Nội, gây lãng phí thời gian, nhiên liệu và làm tăng ô nhiễm. Thành phố cần giải pháp thu thập và phân tích dữ liệu giao thông theo thời gian thực từ camera, cảm biến và dữ liệu hành trình, điều khiển đèn tín hiệu thích ứng, dự báo và phân luồng, gắn với phát triển vận tải hành khách công cộng. Kết quả được đo bằng thời gian hành trình và thời gian chờ tại các nút giao, tuyến đường áp dụng.",
    sector: "giao-thong",
    leadAgency: "Sở Xây dựng Hà Nội",
    priority: "HIGH",
  },
  {
    code: "HN-2026-02",
    title: "Bảo đảm trật tự đô thị và vệ sinh môi trường",
    titleEn: "Keeping the city orderly and clean",
    summaryEn:
      "Pavement encroachment, illegal parking and building, and fly-tipping recur, while detection still relies on manual checks and residents' reports. The city wants detection (camera image analysis, a reporting app), a digital map and one handling process shared by wards, communes and enforcement. Results are measured by violations found, time to handle reports and how clean the streets are.",
    description:
      "Lấn chiếm vỉa hè, lòng đường, đỗ xe sai quy định, xây dựng trái phép, đổ trộm rác thải và phế thải xây dựng là những vi phạm lặp đi lặp lại, trong khi việc phát hiện và xử lý còn dựa nhiều vào kiểm tra thủ công và phản ánh của người dân. Cần giải pháp phát hiện vi phạm (camera phân tích hình ảnh, ứng dụng phản ánh), bản đồ số và quy trình xử lý liên thông giữa phường, xã và các lực lượng chức năng, cùng theo dõi việc thu gom, vận chuyển rác thải. Kết quả được đo bằng số vi phạm được phát hiện, thời gian xử lý phản ánh và mức độ sạch của các tuyến phố áp dụng.",
    sector: "trat-tu-do-thi",
    leadAgency: "UBND các phường, xã",
    priority: "HIGH",
  },
  {
    code: "HN-2026-03",
    title: "Giảm phát thải, hướng tới phát thải ròng bằng 0 (Net Zero)",
    description:
      "Giao thông, xây dựng, sản xuất và xử lý chất thải là những nguồn phát thải khí nhà kính lớn của thành phố, đồng thời làm suy giảm chất lượng không khí. Cần giải pháp kiểm kê, đo đạc, báo cáo và thẩm định (MRV) phát thải theo ngành và khu vực, quan trắc chất lượng không khí, cùng các giải pháp giảm phát thải như chuyển phương tiện sang điện, tiết kiệm năng lượng và dùng năng lượng tái tạo. Kết quả được đo bằng lượng phát thải được kiểm kê, lượng phát thải giảm được và chất lượng không khí tại các khu vực áp dụng.",
    sector: "moi-truong",
    leadAgency: "Sở Nông nghiệp và Môi trường Hà Nội",
    priority: "HIGH",
  },
  {
    code: "HN-2026-04",
    title: 'Chống ngập úng đô thị theo hướng "thành phố bọt biển"',
    description:
      'Mưa lớn thường gây úng ngập tại nhiều tuyến phố và khu dân cư, trong khi hệ thống thoát nước và hồ điều hòa chưa theo kịp tốc độ đô thị hóa. Theo hướng "thành phố bọt biển", thành phố cần tăng khả năng thấm, trữ và điều tiết nước mưa (mặt phủ thấm nước, hồ, không gian xanh, bể trữ), kết hợp cảm biến mực nước, dự báo điểm ngập và hỗ trợ vận hành trạm bơm, cửa xả. Kết quả được đo bằng số điểm ngập, độ sâu và thời gian ngập sau các trận mưa lớn tại khu vực áp dụng.',
    sector: "cap-thoat-nuoc",
    leadAgency: "Sở Xây dựng Hà Nội",
    priority: "HIGH",
  },
  {
    code: "HN-2026-05",
    title: "Truy xuất nguồn gốc thực phẩm, bảo đảm an toàn thực phẩm",
    description:
      "Người tiêu dùng khó kiểm chứng nguồn gốc thực phẩm, trong khi thực phẩm không rõ nguồn gốc vẫn vào chợ, cửa hàng và bếp ăn tập thể. Cần nền tảng truy xuất nguồn gốc bằng mã QR, ghi nhận dữ liệu từ vùng sản xuất, cơ sở giết mổ, chế biến đến nơi bán, dễ dùng với hộ sản xuất, hợp tác xã và tiểu thương, kết nối với cơ quan quản lý để kiểm tra, cảnh báo và thu hồi sản phẩm không an toàn. Kết quả được đo bằng tỷ lệ sản phẩm, cơ sở có dữ liệu truy xuất hợp lệ và thời gian truy vết khi có sự cố.",
    sector: "nong-nghiep-thuc-pham",
    leadAgency: "Sở Nông nghiệp và Môi trường Hà Nội",
    priority: "HIGH",
  },
  {
    code: "HN-2026-06",
    title: "Quản trị không gian đô thị đa tầng: ngầm, mặt đất và trên cao",
    description:
      "Không gian ngầm (công trình ngầm, đường ống, cáp), mặt đất và trên cao của thành phố đang được quy hoạch, cấp phép và quản lý rời rạc theo từng ngành, dễ chồng lấn và khó kiểm soát. Cần cơ sở dữ liệu và bản đồ số 3D thống nhất cho các tầng không gian đô thị, kết nối dữ liệu quy hoạch, hạ tầng kỹ thuật và công trình, phục vụ cấp phép, giám sát và khai thác hiệu quả quỹ không gian. Kết quả được đo bằng phạm vi không gian đã có dữ liệu số, thời gian thẩm định, cấp phép và số xung đột công trình được phát hiện trước khi thi công.",
    sector: "quy-hoach-xay-dung",
    leadAgency: "Sở Quy hoạch – Kiến trúc Hà Nội",
    priority: "HIGH",
  },
  {
    code: "HN-2026-07",
    title: "Kinh tế tầm thấp: hành lang bay và an toàn cho thiết bị bay không người lái (UAV)",
    description:
      "Thiết bị bay không người lái ngày càng được dùng để giao hàng, kiểm tra hạ tầng, phục vụ nông nghiệp, cứu hộ và giám sát đô thị, nhưng chưa có hành lang bay, cơ chế cấp phép và giám sát đủ để khai thác an toàn vùng trời tầm thấp trên một đô thị đông dân. Cần giải pháp quản lý bay tầm thấp: định danh, đăng ký và cấp phép chuyến bay, xác định hành lang và vùng cấm bay, giám sát theo thời gian thực, phát hiện và xử lý thiết bị bay trái phép. Kết quả được đo bằng số chuyến bay được cấp phép và giám sát, số sự cố và vi phạm được phát hiện trong các hành lang thí điểm.",
    sector: "an-ninh-an-toan",
    leadAgency: "Sở Khoa học và Công nghệ Hà Nội",
    priority: "HIGH",
  },
  // Illustrative problems (not from the decision): they show the exchange at work.
  {
    code: "HN-2026-08",
    title: "Nền tảng thông tin và đặt chỗ đỗ xe thông minh trong khu vực nội đô",
    description:
      "Nhu cầu đỗ xe tại khu vực nội đô vượt xa năng lực của các điểm trông giữ, khiến người dân mất nhiều thời gian tìm chỗ và xe đỗ tràn xuống lòng đường, vỉa hè. Cần nền tảng hiển thị chỗ trống theo thời gian thực, cho phép đặt chỗ, thanh toán không dùng tiền mặt và cung cấp dữ liệu để cơ quan quản lý điều chỉnh giá theo khung giờ. Mục tiêu: 80% điểm đỗ xe công cộng trong vành đai 2 được kết nối lên nền tảng và giảm 30% thời gian tìm chỗ đỗ trung bình.",
    sector: "giao-thong",
    leadAgency: "Sở Xây dựng Hà Nội",
    priority: "MEDIUM",
  },
  {
    code: "HN-2026-09",
    title: "Liên thông vé và thông tin hành trình giữa đường sắt đô thị, BRT và xe buýt",
    description:
      "Các tuyến đường sắt đô thị Cát Linh – Hà Đông, Nhổn – ga Hà Nội, tuyến BRT và mạng xe buýt chưa được kết nối liền mạch về vé, lịch trình và điểm trung chuyển, làm giảm sức hấp dẫn của vận tải hành khách công cộng. Cần hệ thống vé liên thông (thẻ, mã QR, định danh điện tử), ứng dụng lập kế hoạch hành trình đa phương thức và dữ liệu hành khách phục vụ điều chỉnh mạng tuyến. Mục tiêu: 100% phương tiện vận tải công cộng chấp nhận vé liên thông và tăng 25% lượt hành khách đi vận tải công cộng so với năm 2025.",
    sector: "giao-thong",
    leadAgency: "Sở Xây dựng Hà Nội",
    priority: "HIGH",
  },
  {
    code: "HN-2026-10",
    title: "Quan trắc và dự báo chất lượng không khí (bụi mịn PM2.5) chi tiết đến từng phường, xã",
    description:
      "Nồng độ bụi mịn PM2.5 tại Hà Nội thường xuyên vượt quy chuẩn, nhất là vào mùa đông, trong khi mạng trạm quan trắc còn thưa, chưa đủ để cảnh báo sớm theo từng khu vực. Cần mạng cảm biến chi phí thấp được hiệu chuẩn với trạm quan trắc chuẩn, kết hợp mô hình dự báo và kênh cảnh báo cho người dân, trường học, cơ sở y tế. Mục tiêu: có dữ liệu PM2.5 cập nhật hằng giờ cho 100% phường, xã và dự báo trước 72 giờ với sai số chỉ số AQI dưới 15%.",
    sector: "moi-truong",
    leadAgency: "Sở Nông nghiệp và Môi trường Hà Nội",
    priority: "HIGH",
  },
  {
    code: "HN-2026-11",
    title: "Giám sát và cải thiện chất lượng nước sông Tô Lịch và hệ thống hồ nội đô",
    description:
      "Sông Tô Lịch và nhiều hồ nội đô vẫn tiếp nhận nước thải chưa qua xử lý, gây ô nhiễm, phát sinh mùi và làm suy giảm cảnh quan đô thị. Cần giải pháp quan trắc tự động chất lượng nước, truy vết nguồn xả thải và công nghệ xử lý tại chỗ phù hợp với điều kiện mặt bằng hạn chế của đô thị. Mục tiêu: 100% cửa xả chính ra sông Tô Lịch được giám sát liên tục và đến năm 2030 ít nhất 70% số hồ nội đô đạt quy chuẩn chất lượng nước mặt cho mục đích cảnh quan.",
    sector: "moi-truong",
    leadAgency: "Sở Nông nghiệp và Môi trường Hà Nội",
    priority: "MEDIUM",
  },
  {
    code: "HN-2026-12",
    title: "Phân loại chất thải rắn sinh hoạt tại nguồn và tối ưu hóa thu gom, vận chuyển",
    description:
      "Thành phố phát sinh hàng nghìn tấn chất thải rắn sinh hoạt mỗi ngày, trong khi việc phân loại tại nguồn còn hạn chế và lộ trình thu gom chưa được tối ưu. Cần giải pháp giám sát phân loại, định tuyến xe thu gom dựa trên dữ liệu, tính giá dịch vụ theo khối lượng và cơ chế khuyến khích người dân tham gia. Mục tiêu: 80% hộ gia đình tại các phường thí điểm phân loại rác đúng quy định và giảm 15% quãng đường, nhiên liệu của đội xe thu gom.",
    sector: "moi-truong",
    leadAgency: "Sở Nông nghiệp và Môi trường Hà Nội",
    priority: "MEDIUM",
  },
  {
    code: "HN-2026-13",
    title: "Giảm quá tải bệnh viện bằng đặt lịch khám và điều phối người bệnh trực tuyến",
    description:
      "Nhiều bệnh viện tuyến thành phố thường xuyên quá tải, người bệnh phải chờ nhiều giờ để đăng ký, khám và làm cận lâm sàng. Cần nền tảng đặt lịch khám dùng chung, phân luồng người bệnh theo mức độ và khuyến khích khám tại y tế cơ sở, kết nối với hồ sơ sức khỏe điện tử. Mục tiêu: 60% lượt khám ngoại trú được đặt lịch trước và giảm 40% thời gian chờ trung bình tại khoa khám bệnh.",
    sector: "y-te",
    leadAgency: "Sở Y tế Hà Nội",
    priority: "HIGH",
  },
  {
    code: "HN-2026-14",
    title: "Liên thông hồ sơ bệnh án điện tử giữa các cơ sở khám bệnh, chữa bệnh",
    description:
      "Dữ liệu khám chữa bệnh của người dân đang phân tán ở nhiều phần mềm bệnh viện khác nhau, khiến xét nghiệm bị chỉ định lặp lại và bác sĩ thiếu thông tin khi chuyển tuyến. Cần giải pháp liên thông dữ liệu theo chuẩn HL7 FHIR, bảo đảm an toàn, quyền riêng tư và sự đồng ý của người bệnh. Mục tiêu: 100% bệnh viện công lập trên địa bàn liên thông hồ sơ bệnh án điện tử và giảm 20% chỉ định xét nghiệm lặp lại trong vòng 30 ngày.",
    sector: "y-te",
    leadAgency: "Sở Y tế Hà Nội",
    priority: "MEDIUM",
  },
  {
    code: "HN-2026-15",
    title: "Tuyển sinh đầu cấp trực tuyến minh bạch, chịu tải cao",
    description:
      "Mỗi mùa tuyển sinh, hệ thống tiếp nhận hồ sơ vào mầm non, lớp 1, lớp 6 và lớp 10 phải chịu tải rất lớn trong thời gian ngắn, phụ huynh gặp khó khăn khi tra cứu tuyến, nộp hồ sơ và theo dõi kết quả. Cần nền tảng tuyển sinh chịu tải cao, kết nối Cơ sở dữ liệu quốc gia về dân cư để tự động xác thực thông tin cư trú và phân tuyến. Mục tiêu: 95% hồ sơ được nộp và xử lý trực tuyến, hệ thống phục vụ tối thiểu 200.000 người dùng đồng thời mà không gián đoạn.",
    sector: "giao-duc",
    leadAgency: "Sở Giáo dục và Đào tạo Hà Nội",
    priority: "MEDIUM",
  },
  {
    code: "HN-2026-16",
    title: "Rút ngắn thời gian giải quyết thủ tục hành chính theo mô hình một cửa số",
    description:
      "Người dân và doanh nghiệp vẫn phải nộp lại giấy tờ đã có trong cơ sở dữ liệu của Nhà nước và chờ đợi do quy trình liên thông giữa các cơ quan chưa thông suốt. Cần giải pháp số hóa hồ sơ, tái sử dụng dữ liệu, tự động phân công và theo dõi tiến độ xử lý, kèm trợ lý ảo hướng dẫn thủ tục. Mục tiêu: giảm 30% thời gian giải quyết thủ tục hành chính, 90% hồ sơ được tiếp nhận trực tuyến toàn trình và 95% hồ sơ được giải quyết đúng hạn.",
    sector: "hanh-chinh-cong",
    leadAgency: "Trung tâm Phục vụ hành chính công thành phố Hà Nội",
    priority: "HIGH",
  },
  {
    code: "HN-2026-17",
    title: "Số hóa và liên thông hồ sơ đất đai, cấp phép xây dựng",
    description:
      "Hồ sơ địa chính và hồ sơ cấp phép xây dựng còn lưu trữ nhiều trên giấy, dữ liệu giữa các ngành đất đai, quy hoạch và xây dựng chưa đồng bộ, gây chậm trễ và khó kiểm tra. Cần giải pháp số hóa, chuẩn hóa và liên kết dữ liệu theo từng thửa đất trên nền GIS, phục vụ tra cứu và cấp phép trực tuyến. Mục tiêu: 100% hồ sơ địa chính được số hóa và giảm 40% thời gian cấp giấy phép xây dựng nhà ở riêng lẻ.",
    sector: "quy-hoach-xay-dung",
    leadAgency: "Sở Nông nghiệp và Môi trường Hà Nội",
    priority: "MEDIUM",
  },
  {
    code: "HN-2026-18",
    title: "Cảnh báo sớm cháy nổ tại chung cư cũ, nhà ở kết hợp kinh doanh và ngõ hẻm nhỏ",
    description:
      "Nhiều chung cư cũ, nhà ở kết hợp kinh doanh và khu dân cư trong ngõ nhỏ có nguy cơ cháy cao nhưng thiếu thiết bị báo cháy và khó tiếp cận khi xảy ra sự cố. Cần giải pháp cảm biến khói, nhiệt giá rẻ kết nối với nền tảng cảnh báo tập trung, kèm bản đồ số lối thoát nạn và điểm lấy nước chữa cháy. Mục tiêu: 100% chung cư cũ và ít nhất 50.000 nhà ở kết hợp kinh doanh được lắp thiết bị cảnh báo có kết nối, thời gian truyền cảnh báo tới lực lượng ứng cứu dưới 60 giây.",
    sector: "an-ninh-an-toan",
    leadAgency: "Sở Xây dựng Hà Nội",
    priority: "HIGH",
  },
  {
    code: "HN-2026-19",
    title: "Giảm thất thoát, thất thu nước sạch trong mạng lưới cấp nước",
    description:
      "Tỷ lệ thất thoát nước sạch tại một số khu vực vẫn ở mức cao do đường ống cũ, rò rỉ ngầm khó phát hiện và đồng hồ đo thiếu chính xác. Cần giải pháp phân vùng tách mạng (DMA), cảm biến áp lực, lưu lượng, đồng hồ nước thông minh và phân tích dữ liệu để định vị điểm rò rỉ. Mục tiêu: giảm tỷ lệ thất thoát nước sạch toàn thành phố xuống dưới 12% và rút ngắn thời gian phát hiện rò rỉ xuống dưới 24 giờ.",
    sector: "cap-thoat-nuoc",
    leadAgency: "Sở Xây dựng Hà Nội",
    priority: "MEDIUM",
  },
  {
    code: "HN-2026-20",
    title: "Chiếu sáng công cộng thông minh, tiết kiệm năng lượng",
    description:
      "Hệ thống chiếu sáng công cộng tiêu thụ lượng điện năng lớn, nhiều tuyến còn dùng đèn công suất cao và vận hành theo lịch cố định. Cần giải pháp đèn LED có kết nối, điều khiển tập trung theo lưu lượng giao thông và thời gian thực, tự động phát hiện đèn hỏng. Mục tiêu: giảm 40% điện năng tiêu thụ cho chiếu sáng công cộng và khắc phục 95% sự cố hỏng đèn trong vòng 24 giờ.",
    sector: "nang-luong",
    leadAgency: "Sở Xây dựng Hà Nội",
    priority: "MEDIUM",
  },
  {
    code: "HN-2026-21",
    title: "Nền tảng dữ liệu du lịch và trải nghiệm số cho du khách",
    description:
      "Dữ liệu về lượt khách, hành vi và mức chi tiêu của du khách còn phân tán, khiến việc xây dựng sản phẩm và xúc tiến du lịch thiếu căn cứ. Cần nền tảng dữ liệu du lịch tổng hợp từ cơ sở lưu trú, điểm tham quan, giao dịch thanh toán, kèm ứng dụng thuyết minh và gợi ý lịch trình đa ngôn ngữ. Mục tiêu: 90% cơ sở lưu trú báo cáo dữ liệu trực tuyến và tăng 15% mức chi tiêu bình quân của khách quốc tế tại các điểm áp dụng.",
    sector: "van-hoa-du-lich",
    leadAgency: "Sở Du lịch Hà Nội",
    priority: "MEDIUM",
  },
  {
    code: "HN-2026-22",
    title: "Số hóa di sản Hoàng thành Thăng Long và khu phố cổ Hà Nội",
    description:
      "Các công trình kiến trúc, hiện vật tại Hoàng thành Thăng Long và khu phố cổ Hà Nội chịu tác động của thời gian và quá trình đô thị hóa, trong khi nhiều tư liệu chưa được số hóa. Cần giải pháp quét 3D, chụp ảnh độ phân giải cao, kho dữ liệu di sản số và trải nghiệm thực tế ảo phục vụ bảo tồn và khách tham quan. Mục tiêu: số hóa 3D 100% công trình kiến trúc và hiện vật trưng bày chính, đạt ít nhất 500.000 lượt sử dụng trải nghiệm số mỗi năm.",
    sector: "van-hoa-du-lich",
    leadAgency: "Trung tâm Bảo tồn Di sản Thăng Long – Hà Nội",
    priority: "LOW",
  },
  {
    code: "HN-2026-23",
    title: "Chăm sóc người cao tuổi và xác định đúng đối tượng trợ giúp xã hội",
    description:
      "Số người cao tuổi tại Hà Nội tăng nhanh, nhiều người sống một mình cần hỗ trợ y tế và xã hội, nhưng dữ liệu đối tượng còn phân tán giữa các ngành, dẫn tới bỏ sót hoặc chi trả trùng lặp. Cần cơ sở dữ liệu an sinh xã hội liên thông với dữ liệu dân cư, kèm giải pháp theo dõi sức khỏe từ xa và nút gọi khẩn cấp cho người cao tuổi. Mục tiêu: 100% đối tượng bảo trợ xã hội được chi trả không dùng tiền mặt, đúng hạn và giảm 90% sai sót về đối tượng hưởng chính sách.",
    sector: "lao-dong-xa-hoi",
    leadAgency: "Sở Y tế Hà Nội",
    priority: "MEDIUM",
  },
  {
    code: "HN-2026-24",
    title: "Giảm hiệu ứng đảo nhiệt đô thị và mở rộng không gian xanh",
    description:
      "Mật độ xây dựng cao và diện tích cây xanh bình quân đầu người thấp khiến nhiều khu vực nội đô nóng hơn vài độ C so với vùng ven đô vào mùa hè. Cần giải pháp lập bản đồ nhiệt từ ảnh vệ tinh và cảm biến, đánh giá các kịch bản bố trí cây xanh, mặt nước, vật liệu mát để hỗ trợ quy hoạch. Mục tiêu: giảm 1,5°C nhiệt độ bề mặt trung bình tại các khu vực thí điểm và tăng 20% diện tích cây xanh công cộng nội đô đến năm 2030.",
    sector: "quy-hoach-xay-dung",
    leadAgency: "Sở Quy hoạch – Kiến trúc Hà Nội",
    priority: "LOW",
  },
  {
    code: "HN-2026-25",
    title: "Thúc đẩy chuyển đổi số cho hộ kinh doanh và doanh nghiệp nhỏ",
    description:
      "Hà Nội có hàng trăm nghìn hộ kinh doanh, phần lớn vẫn ghi chép sổ sách thủ công, chưa dùng hóa đơn điện tử và thanh toán số, trong khi yêu cầu chuyển từ thuế khoán sang tự kê khai đòi hỏi quản lý doanh thu minh bạch. Cần các gói giải pháp số giá rẻ, dễ dùng (bán hàng, hóa đơn điện tử, kế toán, thanh toán không tiền mặt) được cung cấp qua Chợ chuyển đổi số, kèm hỗ trợ hướng dẫn tại phường, xã. Mục tiêu: 80% hộ kinh doanh sử dụng hóa đơn điện tử khởi tạo từ máy tính tiền và 70% giao dịch bán lẻ tại hộ kinh doanh được thanh toán không dùng tiền mặt.",
    sector: "tai-chinh-thuong-mai",
    leadAgency: "Sở Công Thương Hà Nội",
    priority: "HIGH",
  },
  {
    code: "HN-2026-26",
    title: "Bảo đảm an toàn thông tin cho các nền tảng số dùng chung của thành phố",
    description:
      "Các nền tảng số dùng chung, cổng dịch vụ công và cơ sở dữ liệu của thành phố là mục tiêu thường xuyên của tấn công mạng, mã độc tống tiền và lừa đảo trực tuyến. Cần giải pháp giám sát an toàn thông tin tập trung (SOC), phát hiện bất thường bằng trí tuệ nhân tạo, quản lý lỗ hổng và khôi phục hệ thống sau sự cố. Mục tiêu: 100% hệ thống thông tin được phê duyệt cấp độ và giám sát 24/7, phát hiện và phản ứng với sự cố nghiêm trọng trong vòng 30 phút.",
    sector: "an-ninh-an-toan",
    leadAgency: "Sở Khoa học và Công nghệ Hà Nội",
    priority: "HIGH",
  },
  {
    code: "HN-2026-27",
    title: "Nền tảng dữ liệu mở của thành phố Hà Nội",
    description:
      "Nhiều bộ dữ liệu do cơ quan nhà nước của thành phố nắm giữ có giá trị cho nghiên cứu, khởi nghiệp và giám sát xã hội nhưng chưa được công bố ở định dạng máy đọc được. Cần nền tảng dữ liệu mở với danh mục dữ liệu, API chuẩn, giấy phép sử dụng rõ ràng và cơ chế cập nhật tự động từ hệ thống nguồn. Mục tiêu: công bố ít nhất 500 bộ dữ liệu mở, trong đó 50% được cập nhật tự động qua API, và có 1.000 tổ chức, cá nhân đăng ký sử dụng.",
    sector: "ha-tang-so",
    leadAgency: "Sở Khoa học và Công nghệ Hà Nội",
    priority: "MEDIUM",
  },
  {
    code: "HN-2026-28",
    title: "Bản sao số đô thị phục vụ quy hoạch",
    description:
      "Công tác quy hoạch còn dựa nhiều vào bản vẽ 2D và dữ liệu rời rạc, khó đánh giá tác động của dự án tới giao thông, hạ tầng kỹ thuật và môi trường. Cần mô hình 3D và bản sao số của thành phố tích hợp dữ liệu GIS, BIM và cảm biến IoT để mô phỏng, so sánh các kịch bản quy hoạch. Mục tiêu: hoàn thành mô hình 3D cho 100% khu vực nội đô lịch sử và rút ngắn 30% thời gian thẩm định đồ án quy hoạch chi tiết.",
    sector: "quy-hoach-xay-dung",
    leadAgency: "Sở Quy hoạch – Kiến trúc Hà Nội",
    priority: "HIGH",
  },
  {
    code: "HN-2026-29",
    title: "Quản lý năng lượng tại trụ sở cơ quan, trường học và bệnh viện công lập",
    description:
      "Các tòa nhà công sở, trường học và bệnh viện công lập tiêu thụ nhiều điện năng nhưng phần lớn chưa có hệ thống đo đếm chi tiết để phát hiện lãng phí. Cần giải pháp công tơ thông minh, quản lý năng lượng tòa nhà (BEMS) và điện mặt trời mái nhà phù hợp với công trình công. Mục tiêu: giảm 15% điện năng tiêu thụ tại các công trình áp dụng và lắp đặt điện mặt trời mái nhà tổng công suất 50 MWp đến năm 2030.",
    sector: "nang-luong",
    leadAgency: "Sở Công Thương Hà Nội",
    priority: "LOW",
  },
];

// Second, amended version of the list (demo, illustrative): changes applied on top of the first.
export const seedAmendment: {
  changelog: string;
  add: SeedMajorProblem[];
  retitle: { code: string; title: string }[];
} = {
  changelog:
    "Bổ sung 2 bài toán về hạ tầng sạc, chuyển đổi xe máy điện trong khu vực Vành đai 1 và kết nối cung – cầu lao động theo đề xuất của các sở, ngành. Điều chỉnh tên bài toán HN-2026-28 để mở rộng phạm vi bản sao số từ quy hoạch sang quản lý và vận hành đô thị.",
  add: [
    {
      code: "HN-2026-30",
      title: "Hạ tầng sạc, đổi pin và chuyển đổi sang xe máy điện trong khu vực Vành đai 1",
      description:
        "Lộ trình hạn chế xe máy chạy xăng trong khu vực Vành đai 1 đòi hỏi người dân chuyển nhanh sang phương tiện điện, trong khi điểm sạc, đổi pin công cộng còn rất ít và nhiều khu dân cư, chung cư cũ không đủ điều kiện sạc an toàn. Cần giải pháp quy hoạch, vận hành mạng lưới trạm sạc và tủ đổi pin, bản đồ số điểm sạc và cơ chế hỗ trợ chuyển đổi phương tiện. Mục tiêu: bảo đảm có điểm sạc hoặc đổi pin công cộng trong bán kính 500 m tại mọi khu vực trong Vành đai 1 và hỗ trợ chuyển đổi ít nhất 100.000 xe máy chạy xăng.",
      sector: "giao-thong",
      leadAgency: "Sở Xây dựng Hà Nội",
      priority: "HIGH",
    },
    {
      code: "HN-2026-31",
      title: "Kết nối cung – cầu lao động và đào tạo lại kỹ năng số cho người lao động",
      description:
        "Doanh nghiệp trên địa bàn thiếu lao động có kỹ năng số, trong khi nhiều người lao động, nhất là lao động tự do và lao động lớn tuổi, khó tiếp cận thông tin việc làm và cơ hội đào tạo phù hợp. Cần sàn giao dịch việc làm trực tuyến sử dụng dữ liệu lớn để gợi ý việc làm, khóa học, liên thông với dữ liệu bảo hiểm thất nghiệp và cơ sở giáo dục nghề nghiệp. Mục tiêu: giảm 30% thời gian tìm việc trung bình của người lao động đăng ký qua sàn và đào tạo kỹ năng số cho 50.000 lượt người lao động mỗi năm.",
      sector: "lao-dong-xa-hoi",
      leadAgency: "Sở Nội vụ Hà Nội",
      priority: "MEDIUM",
    },
  ],
  retitle: [
    {
      code: "HN-2026-28",
      title: "Bản sao số đô thị phục vụ quy hoạch, quản lý và vận hành đô thị",
    },
  ],
};
