// Phrase banks for the synthetic marketplace. Kept in "a|b|c" strings so the
// banks stay readable at this size; the generator composes them into titles,
// summaries and bodies. Sector slugs follow prisma/seed-taxonomy.ts where a
// matching sector exists.

const L = (text: string) =>
  text
    .split("|")
    .map((item) => item.trim())
    .filter(Boolean);

export interface LanguageBank {
  /** Noun phrases naming a product or solution. */
  products: string[];
  /** What it does ("verb phrase"). */
  features: string[];
  /** Outcomes, each followed by a percentage in the text. */
  benefits: string[];
  /** Who buys or uses it. */
  users: string[];
  /** The problem it addresses. */
  problems: string[];
  /** What people type into the search box (1–3 words). */
  searches: string[];
}

export interface SectorBank {
  key: string;
  sectors: string[];
  technologies: string[];
  vi: LanguageBank;
  en: LanguageBank;
}

export const SECTOR_BANKS: SectorBank[] = [
  {
    key: "transport",
    sectors: ["giao-thong"],
    technologies: ["tri-tue-nhan-tao", "thi-giac-may-tinh", "iot", "gis", "du-lieu-lon"],
    vi: {
      products: L(
        "hệ thống giám sát giao thông thông minh|đèn tín hiệu giao thông thích ứng|nền tảng quản lý bãi đỗ xe|ứng dụng tìm chỗ đỗ xe|camera nhận diện biển số|hệ thống thu phí không dừng|bản đồ mật độ giao thông thời gian thực|phần mềm điều hành xe buýt|hệ thống vé điện tử liên thông|ứng dụng đặt xe công nghệ|trạm cân tải trọng tự động|hệ thống phát hiện vi phạm vượt đèn đỏ|nền tảng chia sẻ xe đạp công cộng|cảm biến đếm lưu lượng phương tiện|bảng thông tin điện tử tại điểm dừng",
      ),
      features: L(
        "nhận diện biển số xe tự động|đếm lưu lượng phương tiện theo làn|điều chỉnh chu kỳ đèn theo thời gian thực|cảnh báo ùn tắc cho người tham gia giao thông|thanh toán vé bằng mã QR|phát hiện xe đỗ sai quy định|dự báo thời gian xe buýt đến trạm|tối ưu lộ trình cho đội xe|ghi nhận hình ảnh vi phạm làm bằng chứng|đồng bộ dữ liệu với trung tâm điều hành|phân tích hành trình theo dữ liệu GPS|giám sát tốc độ trên tuyến cao tốc",
      ),
      benefits: L(
        "giảm thời gian chờ tại nút giao|giảm số vụ vi phạm được ghi nhận|tăng tỷ lệ sử dụng bãi đỗ|rút ngắn thời gian di chuyển giờ cao điểm|tăng số hành khách đi xe buýt|giảm chi phí nhiên liệu của đội xe",
      ),
      users: L(
        "Sở Giao thông Vận tải|doanh nghiệp vận tải hành khách|ban quản lý bãi đỗ xe|Cảnh sát giao thông|hợp tác xã vận tải|nhà đầu tư bến xe|Tổng công ty Vận tải Hà Nội",
      ),
      problems: L(
        "ùn tắc kéo dài giờ cao điểm|thiếu chỗ đỗ xe trong nội đô|xe buýt đến trạm không đúng giờ|vi phạm tốc độ trên đường vành đai|hàng rong lấn chiếm vỉa hè|tai nạn tại các nút giao phức tạp",
      ),
      searches: L(
        "giao thông|kẹt xe|ùn tắc|bãi đỗ xe|biển số|xe buýt|đèn tín hiệu|thu phí không dừng|vé điện tử|giao thông thông minh|camera giao thông|vi phạm giao thông|đỗ xe|lưu lượng",
      ),
    },
    en: {
      products: L(
        "adaptive traffic signal control|smart parking platform|automatic number plate recognition|electronic toll collection system|real-time traffic density map|bus fleet management software|integrated e-ticketing system|ride-hailing dispatch platform|weigh-in-motion station|red-light violation detection|public bike sharing platform|traffic flow counting sensors",
      ),
      features: L(
        "recognises licence plates automatically|counts vehicles per lane|adjusts signal timing in real time|warns drivers about congestion|accepts QR code ticket payments|detects illegally parked vehicles|predicts bus arrival times|optimises routes for the fleet|streams evidence to the control centre|analyses GPS trip data",
      ),
      benefits: L(
        "shorter waiting time at junctions|fewer recorded violations|higher parking occupancy|shorter rush-hour journeys|more bus passengers|lower fuel costs",
      ),
      users: L(
        "the Department of Transport|passenger transport operators|parking operators|traffic police|bus depots|expressway operators",
      ),
      problems: L(
        "rush-hour congestion|lack of parking in the inner city|unreliable bus arrival times|speeding on the ring roads|dangerous junctions",
      ),
      searches: L(
        "traffic|parking|congestion|number plate|bus tracking|toll collection|smart mobility|traffic lights|e-ticket|fleet management",
      ),
    },
  },
  {
    key: "health",
    sectors: ["y-te"],
    technologies: ["tri-tue-nhan-tao", "dien-toan-dam-may", "du-lieu-lon", "iot", "du-lieu-mo-api"],
    vi: {
      products: L(
        "phần mềm quản lý bệnh viện|bệnh án điện tử|hệ thống đặt lịch khám trực tuyến|nền tảng khám chữa bệnh từ xa|hệ thống lưu trữ và truyền hình ảnh y tế|phần mềm quản lý phòng khám|ứng dụng theo dõi sức khỏe người cao tuổi|hệ thống xét nghiệm liên thông|phần mềm quản lý nhà thuốc|vòng đeo tay theo dõi nhịp tim|trợ lý AI đọc phim X-quang|hệ thống quản lý tiêm chủng|sổ sức khỏe điện tử|kiosk tiếp đón bệnh nhân tự động",
      ),
      features: L(
        "đặt lịch khám qua Zalo và ứng dụng di động|thanh toán viện phí không dùng tiền mặt|liên thông đơn thuốc điện tử|kết nối cổng giám định bảo hiểm y tế|phát hiện bất thường trên ảnh chụp cắt lớp|nhắc lịch tái khám và uống thuốc|theo dõi chỉ số huyết áp tại nhà|quản lý tồn kho thuốc và vật tư|chia sẻ kết quả xét nghiệm giữa các cơ sở|tư vấn bác sĩ qua video|cảnh báo té ngã cho người già sống một mình|số hóa hồ sơ bệnh án giấy",
      ),
      benefits: L(
        "giảm thời gian chờ khám|giảm thất thoát thuốc|tăng số ca được tư vấn từ xa|rút ngắn thời gian trả kết quả xét nghiệm|giảm tỷ lệ bệnh nhân bỏ tái khám|giảm chi phí in phim",
      ),
      users: L(
        "bệnh viện tuyến quận|trạm y tế phường|phòng khám tư nhân|Sở Y tế|chuỗi nhà thuốc|trung tâm kiểm soát bệnh tật|viện dưỡng lão",
      ),
      problems: L(
        "quá tải tại bệnh viện tuyến trên|bệnh nhân phải chờ lâu để làm thủ tục|hồ sơ bệnh án giấy thất lạc|người cao tuổi sống một mình thiếu người theo dõi|kê đơn thuốc trùng lặp giữa các cơ sở",
      ),
      searches: L(
        "bệnh viện|bệnh án điện tử|y tế|khám bệnh|đặt lịch khám|khám từ xa|nhà thuốc|xét nghiệm|tiêm chủng|hồ sơ sức khỏe|viện phí|phòng khám|người cao tuổi|X-quang",
      ),
    },
    en: {
      products: L(
        "hospital information system|electronic medical records|online appointment booking|telemedicine platform|PACS imaging archive|clinic management software|elderly care monitoring app|laboratory information system|pharmacy management software|AI chest X-ray reader|vaccination registry|personal health record",
      ),
      features: L(
        "books appointments through mobile apps|collects hospital fees without cash|exchanges e-prescriptions|connects to the health insurance gateway|flags anomalies on CT scans|reminds patients of follow-up visits|monitors blood pressure at home|tracks drug stock and supplies|offers video consultations",
      ),
      benefits: L(
        "shorter waiting times|less drug wastage|more remote consultations|faster lab results|fewer missed follow-ups",
      ),
      users: L(
        "district hospitals|ward health stations|private clinics|the Department of Health|pharmacy chains|nursing homes",
      ),
      problems: L(
        "overcrowded central hospitals|long queues at registration|lost paper records|isolated elderly people",
      ),
      searches: L(
        "hospital|medical records|telemedicine|appointment booking|pharmacy|clinic software|health monitoring|vaccination|x-ray AI|patient portal",
      ),
    },
  },
  {
    key: "education",
    sectors: ["giao-duc"],
    technologies: ["dien-toan-dam-may", "tri-tue-nhan-tao", "ar-vr", "du-lieu-lon"],
    vi: {
      products: L(
        "hệ thống quản lý học tập|sổ liên lạc điện tử|phần mềm quản lý trường học|nền tảng học trực tuyến|ứng dụng luyện thi vào lớp 10|phòng học thông minh|học bạ số|phần mềm xếp thời khóa biểu|thư viện số|hệ thống điểm danh bằng nhận diện khuôn mặt|nền tảng thi trắc nghiệm trực tuyến|phòng thí nghiệm ảo|ứng dụng học tiếng Anh cho học sinh tiểu học",
      ),
      features: L(
        "giao bài tập và chấm điểm tự động|gửi thông báo cho phụ huynh|điểm danh học sinh khi vào cổng trường|thu học phí không dùng tiền mặt|xếp thời khóa biểu tối ưu|tổ chức thi trực tuyến chống gian lận|gợi ý lộ trình học cá nhân hóa|số hóa học bạ và văn bằng|mô phỏng thí nghiệm vật lý và hóa học|quản lý hồ sơ giáo viên",
      ),
      benefits: L(
        "giảm khối lượng công việc hành chính của giáo viên|tăng tỷ lệ phụ huynh tương tác|nâng điểm trung bình môn|tiết kiệm chi phí in ấn|rút ngắn thời gian chấm bài",
      ),
      users: L(
        "trường tiểu học|trường trung học cơ sở|trường trung học phổ thông|Sở Giáo dục và Đào tạo|phòng giáo dục quận|trung tâm ngoại ngữ|trường đại học",
      ),
      problems: L(
        "giáo viên mất nhiều thời gian cho sổ sách|phụ huynh khó theo dõi việc học của con|thiếu phòng thí nghiệm thực hành|sĩ số lớp học quá đông",
      ),
      searches: L(
        "giáo dục|trường học|học trực tuyến|sổ liên lạc điện tử|học bạ số|thời khóa biểu|thi trực tuyến|điểm danh|học phí|thư viện số|luyện thi|lớp học thông minh",
      ),
    },
    en: {
      products: L(
        "learning management system|digital school report|school management software|online learning platform|smart classroom|timetable generator|digital library|face recognition attendance|online exam platform|virtual science lab",
      ),
      features: L(
        "grades assignments automatically|notifies parents instantly|records attendance at the school gate|collects tuition fees online|runs proctored online exams|personalises learning paths|digitises transcripts",
      ),
      benefits: L("less paperwork for teachers|more parent engagement|higher test scores|lower printing costs"),
      users: L("primary schools|secondary schools|universities|language centres|the Department of Education"),
      problems: L("teachers buried in paperwork|parents unable to follow progress|overcrowded classrooms"),
      searches: L(
        "education|e-learning|school management|online exam|attendance|tuition payment|digital library|edtech|smart classroom|LMS",
      ),
    },
  },
  {
    key: "environment",
    sectors: ["moi-truong", "cap-thoat-nuoc"],
    technologies: ["iot", "cong-nghe-moi-truong", "gis", "du-lieu-lon", "tri-tue-nhan-tao"],
    vi: {
      products: L(
        "trạm quan trắc chất lượng không khí|hệ thống quan trắc nước thải tự động|cảm biến đo mực nước ngập|ứng dụng phản ánh rác thải|hệ thống quản lý thu gom rác|thiết bị xử lý nước thải sinh hoạt|bản đồ ô nhiễm không khí|thùng rác thông minh|hệ thống cảnh báo ngập úng|công nghệ xử lý bùn thải|máy lọc nước cho khu dân cư|hệ thống giám sát cây xanh đô thị",
      ),
      features: L(
        "đo bụi mịn PM2.5 và PM10 liên tục|cảnh báo khi chỉ số AQI vượt ngưỡng|tối ưu lộ trình xe thu gom rác|phân loại rác tại nguồn|đo mực nước tại điểm ngập|truyền dữ liệu quan trắc về Sở Tài nguyên và Môi trường|giám sát xả thải của khu công nghiệp|xử lý nước thải đạt QCVN 14:2008|theo dõi sức khỏe cây xanh bằng cảm biến",
      ),
      benefits: L(
        "giảm lượng rác chôn lấp|giảm chi phí vận chuyển rác|giảm số điểm ngập kéo dài|tăng tỷ lệ nước thải được xử lý|giảm phát thải khí nhà kính",
      ),
      users: L(
        "Sở Tài nguyên và Môi trường|Công ty Môi trường Đô thị|khu công nghiệp|ban quản lý dự án|Công ty Thoát nước Hà Nội|UBND phường",
      ),
      problems: L(
        "ô nhiễm không khí mùa đông|ngập úng sau mưa lớn|rác thải không được phân loại|nước thải chưa xử lý đổ ra sông Tô Lịch|cây xanh gãy đổ khi có bão",
      ),
      searches: L(
        "môi trường|quan trắc|không khí|bụi mịn|nước thải|rác thải|phân loại rác|ngập úng|chống ngập|xử lý nước|AQI|cây xanh",
      ),
    },
    en: {
      products: L(
        "air quality monitoring station|automatic wastewater monitoring|flood level sensors|waste collection management|smart bins|air pollution map|flood early warning system|sludge treatment technology|community water purifier",
      ),
      features: L(
        "measures PM2.5 continuously|alerts when AQI exceeds limits|optimises garbage truck routes|sorts waste at source|measures water levels at flood spots|monitors industrial discharge",
      ),
      benefits: L(
        "less landfilled waste|lower waste transport costs|fewer prolonged floods|lower greenhouse gas emissions",
      ),
      users: L(
        "the Department of Natural Resources and Environment|urban environment companies|industrial parks|drainage companies",
      ),
      problems: L("winter air pollution|flooding after heavy rain|unsorted household waste|untreated wastewater"),
      searches: L(
        "air quality|wastewater|flood warning|waste management|recycling|pollution|water treatment|environmental monitoring|smart bin|emissions",
      ),
    },
  },
  {
    key: "agriculture",
    sectors: ["nong-nghiep-thuc-pham"],
    technologies: ["iot", "blockchain", "uav", "tri-tue-nhan-tao", "du-lieu-lon"],
    vi: {
      products: L(
        "hệ thống truy xuất nguồn gốc nông sản|tưới tiêu tự động cho nhà màng|máy bay không người lái phun thuốc|nhật ký canh tác điện tử|cảm biến độ ẩm đất|sàn thương mại nông sản|hệ thống giám sát trang trại chăn nuôi|ứng dụng chẩn đoán sâu bệnh|kho lạnh thông minh bảo quản rau quả|phần mềm quản lý hợp tác xã|tem truy xuất QR cho sản phẩm OCOP",
      ),
      features: L(
        "ghi nhật ký sản xuất theo tiêu chuẩn VietGAP|truy xuất nguồn gốc bằng mã QR|tưới nước theo độ ẩm đất|phun thuốc bảo vệ thực vật bằng drone|chẩn đoán sâu bệnh qua ảnh chụp lá|giám sát nhiệt độ chuồng trại|kết nối người mua với hợp tác xã|dự báo năng suất vụ mùa|quản lý mã vùng trồng",
      ),
      benefits: L(
        "tăng năng suất cây trồng|giảm lượng nước tưới|giảm chi phí thuốc bảo vệ thực vật|tăng giá bán nông sản|giảm tỷ lệ hao hụt sau thu hoạch",
      ),
      users: L(
        "hợp tác xã nông nghiệp|trang trại chăn nuôi|hộ nông dân|doanh nghiệp chế biến thực phẩm|Sở Nông nghiệp và Phát triển nông thôn|chủ thể OCOP",
      ),
      problems: L(
        "nông sản khó chứng minh nguồn gốc|thiếu nước tưới mùa khô|dịch bệnh trên đàn gia súc|giá nông sản bấp bênh|rau quả hư hỏng sau thu hoạch",
      ),
      searches: L(
        "nông nghiệp|truy xuất nguồn gốc|nông sản|tưới tự động|VietGAP|OCOP|hợp tác xã|sâu bệnh|chăn nuôi|nhà màng|drone phun thuốc|thực phẩm an toàn",
      ),
    },
    en: {
      products: L(
        "farm produce traceability|greenhouse irrigation controller|crop spraying drone|digital farm diary|soil moisture sensors|agricultural marketplace|livestock farm monitoring|plant disease diagnosis app|smart cold storage|cooperative management software",
      ),
      features: L(
        "records farm diaries to VietGAP|traces origin with QR codes|irrigates by soil moisture|sprays crops by drone|diagnoses pests from leaf photos|monitors barn temperature|forecasts harvest yields",
      ),
      benefits: L(
        "higher crop yields|less irrigation water|lower pesticide costs|better farm-gate prices|lower post-harvest losses",
      ),
      users: L("farming cooperatives|livestock farms|smallholder farmers|food processors"),
      problems: L(
        "unverifiable produce origin|dry-season water shortages|animal disease outbreaks|volatile produce prices",
      ),
      searches: L(
        "agriculture|traceability|smart farming|irrigation|crop drone|food safety|agritech|livestock|greenhouse|farm management",
      ),
    },
  },
  {
    key: "tourism",
    sectors: ["van-hoa-du-lich"],
    technologies: ["ar-vr", "tri-tue-nhan-tao", "du-lieu-mo-api", "dien-toan-dam-may"],
    vi: {
      products: L(
        "ứng dụng thuyết minh tự động cho di tích|bảo tàng số|tham quan thực tế ảo 360 độ|nền tảng đặt tour trực tuyến|vé điện tử cho điểm tham quan|bản đồ du lịch số|hệ thống quản lý khách sạn|chatbot hỗ trợ du khách đa ngôn ngữ|số hóa di sản văn hóa phi vật thể|ứng dụng khám phá phố cổ",
      ),
      features: L(
        "thuyết minh bằng nhiều ngôn ngữ qua mã QR|tái hiện không gian di tích bằng thực tế ảo|bán vé tham quan trực tuyến|thống kê lượng khách theo thời gian thực|gợi ý lịch trình theo sở thích|số hóa hiện vật bằng quét 3D|quản lý đặt phòng và buồng phòng|thanh toán bằng thẻ quốc tế và ví điện tử",
      ),
      benefits: L(
        "tăng lượng khách quốc tế|tăng doanh thu bán vé|giảm thời gian xếp hàng mua vé|tăng thời gian lưu trú của du khách",
      ),
      users: L("ban quản lý di tích|bảo tàng|công ty lữ hành|khách sạn và homestay|Sở Du lịch|làng nghề truyền thống"),
      problems: L(
        "du khách quốc tế thiếu thông tin bằng tiếng nước ngoài|xếp hàng dài mua vé tại điểm tham quan|hiện vật xuống cấp theo thời gian|làng nghề khó tiếp cận khách du lịch",
      ),
      searches: L(
        "du lịch|di tích|bảo tàng số|thực tế ảo|vé tham quan|thuyết minh tự động|phố cổ|homestay|khách sạn|lễ hội|làng nghề|di sản",
      ),
    },
    en: {
      products: L(
        "audio guide app for heritage sites|digital museum|360-degree virtual tour|online tour booking platform|smart ticketing for attractions|digital tourism map|hotel management system|multilingual tourist chatbot|3D heritage digitisation",
      ),
      features: L(
        "narrates sites in many languages|recreates heritage spaces in VR|sells tickets online|counts visitors in real time|suggests itineraries|scans artefacts in 3D",
      ),
      benefits: L("more international visitors|higher ticket revenue|shorter ticket queues|longer stays"),
      users: L("heritage site managers|museums|tour operators|hotels and homestays|craft villages"),
      problems: L("little information in foreign languages|long ticket queues|deteriorating artefacts"),
      searches: L(
        "tourism|virtual tour|museum|heritage|audio guide|hotel software|tour booking|old quarter|travel app|ticketing",
      ),
    },
  },
  {
    key: "finance",
    sectors: ["tai-chinh-thuong-mai"],
    technologies: [
      "hoa-don-dien-tu",
      "ke-toan",
      "chu-ky-so",
      "thanh-toan-khong-tien-mat",
      "dien-toan-dam-may",
      "blockchain",
    ],
    vi: {
      products: L(
        "phần mềm hóa đơn điện tử|hóa đơn điện tử khởi tạo từ máy tính tiền|phần mềm kế toán cho hộ kinh doanh|chữ ký số từ xa|cổng thanh toán trực tuyến|phần mềm quản lý công nợ|nền tảng cho vay ngang hàng|ví điện tử|phần mềm kê khai thuế|hệ thống đối soát giao dịch|nền tảng gọi vốn cho doanh nghiệp nhỏ|phần mềm quản lý tài sản công",
      ),
      features: L(
        "xuất hóa đơn theo Nghị định 123/2020/NĐ-CP|gửi dữ liệu hóa đơn đến cơ quan thuế|ký số trên điện thoại|kê khai thuế trực tuyến|đối soát công nợ tự động|thanh toán qua VietQR|chấm điểm tín dụng bằng dữ liệu thay thế|lập báo cáo tài chính theo Thông tư 133|tích hợp với phần mềm bán hàng|cảnh báo hóa đơn rủi ro",
      ),
      benefits: L(
        "giảm chi phí in và gửi hóa đơn|rút ngắn thời gian quyết toán thuế|giảm sai sót khi nhập liệu|tăng tỷ lệ thu hồi công nợ|giảm thời gian giải ngân",
      ),
      users: L(
        "hộ kinh doanh cá thể|doanh nghiệp nhỏ và vừa|Cục Thuế|ngân hàng thương mại|quỹ tín dụng nhân dân|đại lý thuế|chuỗi bán lẻ",
      ),
      problems: L(
        "hộ kinh doanh chưa quen hóa đơn điện tử|sai sót khi kê khai thuế thủ công|doanh nghiệp nhỏ khó tiếp cận vốn vay|thanh toán tiền mặt khó đối soát",
      ),
      searches: L(
        "hóa đơn điện tử|kế toán|chữ ký số|kê khai thuế|thanh toán|ví điện tử|máy tính tiền|công nợ|VietQR|tài chính|cho vay|thuế",
      ),
    },
    en: {
      products: L(
        "e-invoicing software|cash register e-invoices|accounting for household businesses|remote digital signature|online payment gateway|receivables management|peer-to-peer lending platform|e-wallet|tax filing software|transaction reconciliation|SME crowdfunding platform",
      ),
      features: L(
        "issues invoices under Decree 123|sends invoice data to the tax authority|signs documents on a phone|files taxes online|reconciles receivables automatically|accepts VietQR payments|scores credit with alternative data",
      ),
      benefits: L("lower invoicing costs|faster tax settlement|fewer data entry errors|better debt collection"),
      users: L("household businesses|SMEs|the Tax Department|commercial banks|retail chains"),
      problems: L("household businesses new to e-invoices|manual tax filing errors|SMEs without access to credit"),
      searches: L(
        "e-invoice|accounting|digital signature|tax filing|payment gateway|e-wallet|fintech|invoice|lending|reconciliation",
      ),
    },
  },
  {
    key: "cybersecurity",
    sectors: ["ha-tang-so", "an-ninh-an-toan"],
    technologies: ["an-ninh-mang", "an-toan-thong-tin", "dien-toan-dam-may", "tri-tue-nhan-tao"],
    vi: {
      products: L(
        "trung tâm giám sát an toàn thông tin|giải pháp phòng chống mã độc|tường lửa thế hệ mới|dịch vụ kiểm thử xâm nhập|hệ thống phát hiện xâm nhập|giải pháp chống thất thoát dữ liệu|dịch vụ đánh giá an toàn thông tin theo cấp độ|phần mềm quản lý định danh và truy cập|giải pháp sao lưu và phục hồi dữ liệu|đào tạo nhận thức an toàn thông tin|hệ thống chống tấn công từ chối dịch vụ",
      ),
      features: L(
        "giám sát sự kiện an ninh 24/7|phát hiện mã độc tống tiền|xác thực đa yếu tố|phân loại hệ thống thông tin theo cấp độ|kiểm thử xâm nhập ứng dụng web|mô phỏng tấn công lừa đảo qua email|mã hóa dữ liệu cá nhân theo Nghị định 13/2023/NĐ-CP|sao lưu dữ liệu ra ngoài địa điểm|chặn truy cập trái phép",
      ),
      benefits: L(
        "giảm thời gian phát hiện sự cố|giảm số máy tính nhiễm mã độc|tăng tỷ lệ nhân viên nhận diện email lừa đảo|giảm thời gian khôi phục hệ thống",
      ),
      users: L(
        "cơ quan nhà nước|ngân hàng|bệnh viện|doanh nghiệp thương mại điện tử|Sở Thông tin và Truyền thông|trường đại học",
      ),
      problems: L(
        "tấn công mã độc tống tiền|lộ lọt dữ liệu cá nhân|email lừa đảo giả mạo lãnh đạo|hệ thống chưa được phân loại cấp độ",
      ),
      searches: L(
        "an toàn thông tin|an ninh mạng|mã độc|tường lửa|kiểm thử xâm nhập|bảo mật|xác thực|sao lưu dữ liệu|dữ liệu cá nhân|SOC|lừa đảo",
      ),
    },
    en: {
      products: L(
        "security operations centre|anti-malware suite|next-generation firewall|penetration testing service|intrusion detection system|data loss prevention|identity and access management|backup and disaster recovery|security awareness training|DDoS protection",
      ),
      features: L(
        "monitors security events around the clock|detects ransomware|enforces multi-factor authentication|tests web applications|simulates phishing campaigns|encrypts personal data|blocks unauthorised access",
      ),
      benefits: L("faster incident detection|fewer infected machines|fewer successful phishing clicks|faster recovery"),
      users: L("government agencies|banks|hospitals|e-commerce companies|universities"),
      problems: L("ransomware attacks|personal data leaks|CEO fraud emails"),
      searches: L(
        "cybersecurity|firewall|ransomware|penetration testing|SOC|data protection|backup|MFA|phishing|security audit",
      ),
    },
  },
  {
    key: "egov",
    sectors: ["hanh-chinh-cong"],
    technologies: [
      "nen-tang-chinh-quyen-so",
      "dinh-danh-so-chu-ky-so",
      "du-lieu-mo-api",
      "dien-toan-dam-may",
      "tri-tue-nhan-tao",
    ],
    vi: {
      products: L(
        "cổng dịch vụ công trực tuyến|hệ thống một cửa điện tử|phần mềm quản lý văn bản và điều hành|trợ lý ảo trả lời câu hỏi thủ tục hành chính|kiosk tra cứu hồ sơ|ứng dụng công dân số|hệ thống phản ánh hiện trường|nền tảng họp trực tuyến cho chính quyền|kho dữ liệu dân cư cấp phường|phần mềm số hóa hồ sơ lưu trữ|hệ thống đánh giá mức độ hài lòng",
      ),
      features: L(
        "tiếp nhận hồ sơ trực tuyến toàn trình|xác thực công dân qua VNeID|ký số văn bản điều hành|trả lời câu hỏi thủ tục bằng trí tuệ nhân tạo|tra cứu tình trạng hồ sơ bằng mã QR|tiếp nhận phản ánh kèm ảnh và vị trí|số hóa kết quả giải quyết thủ tục|đồng bộ với Cổng Dịch vụ công quốc gia|thống kê hồ sơ trễ hạn",
      ),
      benefits: L(
        "giảm thời gian giải quyết hồ sơ|tăng tỷ lệ hồ sơ nộp trực tuyến|giảm số lần công dân phải đến trụ sở|tăng mức độ hài lòng của người dân",
      ),
      users: L(
        "UBND phường|UBND quận|Trung tâm Phục vụ hành chính công|Văn phòng UBND thành phố|Công an phường|bộ phận một cửa",
      ),
      problems: L(
        "người dân phải đi lại nhiều lần|hồ sơ giấy tồn đọng|phản ánh của người dân chậm được xử lý|dữ liệu giữa các sở chưa liên thông",
      ),
      searches: L(
        "dịch vụ công|một cửa|hành chính công|chính quyền số|thủ tục hành chính|VNeID|văn bản điện tử|phản ánh hiện trường|công dân số|số hóa hồ sơ|Đề án 06",
      ),
    },
    en: {
      products: L(
        "online public services portal|electronic one-stop shop|document management and workflow|virtual assistant for administrative procedures|citizen app|field incident reporting|digitised archives|citizen satisfaction survey",
      ),
      features: L(
        "accepts applications fully online|verifies citizens through VNeID|signs official documents digitally|answers procedure questions with AI|tracks application status by QR code|syncs with the national public services portal",
      ),
      benefits: L("faster processing|more online applications|fewer office visits|higher citizen satisfaction"),
      users: L("ward people's committees|district people's committees|public administration service centres"),
      problems: L("citizens making repeated trips|backlogs of paper files|slow response to citizen reports"),
      searches: L(
        "e-government|public services|one-stop shop|digital government|citizen app|document workflow|civic tech|open data",
      ),
    },
  },
  {
    key: "manufacturing",
    sectors: ["cong-nghiep-san-xuat"],
    technologies: ["robot", "iot", "ban-sao-so", "tri-tue-nhan-tao", "thi-giac-may-tinh"],
    vi: {
      products: L(
        "hệ thống điều hành sản xuất MES|giải pháp bảo trì dự đoán|robot hàn tự động|dây chuyền kiểm tra chất lượng bằng thị giác máy|bản sao số nhà máy|phần mềm hoạch định nguồn lực doanh nghiệp|cảm biến giám sát rung động động cơ|hệ thống quản lý năng suất tổng thể OEE|cánh tay robot gắp sản phẩm|phần mềm quản lý kho nguyên vật liệu",
      ),
      features: L(
        "thu thập dữ liệu máy móc theo thời gian thực|dự báo hỏng hóc trước khi xảy ra|phát hiện lỗi sản phẩm bằng camera|tính chỉ số OEE theo ca|lập kế hoạch sản xuất theo đơn hàng|truy vết lô sản xuất|điều khiển robot bằng giao diện kéo thả|kết nối PLC qua giao thức OPC UA",
      ),
      benefits: L(
        "giảm thời gian dừng máy|giảm tỷ lệ sản phẩm lỗi|tăng năng suất dây chuyền|giảm tồn kho nguyên vật liệu",
      ),
      users: L(
        "nhà máy cơ khí|doanh nghiệp dệt may|xưởng sản xuất linh kiện điện tử|làng nghề gốm Bát Tràng|doanh nghiệp trong khu công nghiệp Thăng Long",
      ),
      problems: L("máy móc hỏng đột xuất|tỷ lệ lỗi cao trên dây chuyền|số liệu sản xuất ghi chép thủ công"),
      searches: L(
        "sản xuất|nhà máy thông minh|MES|bảo trì dự đoán|robot|kiểm tra chất lượng|OEE|ERP|tự động hóa|cơ khí|dệt may",
      ),
    },
    en: {
      products: L(
        "manufacturing execution system|predictive maintenance|robotic welding cell|machine vision quality inspection|factory digital twin|enterprise resource planning|vibration monitoring sensors|OEE dashboard|pick-and-place robot arm",
      ),
      features: L(
        "collects machine data in real time|predicts failures before they happen|detects defects with cameras|calculates OEE per shift|plans production by order|connects PLCs over OPC UA",
      ),
      benefits: L("less unplanned downtime|fewer defective products|higher line throughput|lower raw material stock"),
      users: L("machine shops|garment makers|electronics component factories|industrial park tenants"),
      problems: L("unplanned machine breakdowns|high defect rates|manual production records"),
      searches: L(
        "manufacturing|smart factory|predictive maintenance|robotics|quality inspection|industry 4.0|automation|OEE|MES|ERP",
      ),
    },
  },
  {
    key: "logistics",
    sectors: ["logistics"],
    technologies: ["quan-ly-kho-hang", "iot", "du-lieu-lon", "tri-tue-nhan-tao"],
    vi: {
      products: L(
        "phần mềm quản lý kho hàng|hệ thống quản lý vận tải|nền tảng giao hàng chặng cuối|thiết bị định vị xe tải|tủ giao nhận hàng thông minh|phần mềm tối ưu tuyến giao hàng|hệ thống quản lý kho lạnh|sàn kết nối chủ hàng và nhà xe|phần mềm khai báo hải quan điện tử",
      ),
      features: L(
        "quản lý nhập xuất tồn theo mã vạch|tối ưu tuyến giao hàng theo thời gian thực|theo dõi nhiệt độ hàng hóa trên đường|xác nhận giao hàng bằng ảnh chụp|ghép chuyến cho xe tải chạy rỗng|khai báo hải quan trực tuyến|thu tiền hộ khi giao hàng",
      ),
      benefits: L(
        "giảm số chuyến xe chạy rỗng|rút ngắn thời gian giao hàng|giảm sai lệch tồn kho|giảm chi phí vận chuyển",
      ),
      users: L("doanh nghiệp chuyển phát|chủ kho|nhà xe tải|doanh nghiệp xuất nhập khẩu|cảng cạn ICD Gia Lâm"),
      problems: L("xe tải chạy rỗng chiều về|sai lệch tồn kho|giao hàng trễ hẹn trong nội đô"),
      searches: L(
        "logistics|kho hàng|quản lý kho|giao hàng|vận tải|chuyển phát|kho lạnh|hải quan|định vị xe|tối ưu tuyến",
      ),
    },
    en: {
      products: L(
        "warehouse management system|transport management system|last-mile delivery platform|truck GPS trackers|smart parcel lockers|route optimisation software|cold chain management|freight matching marketplace|electronic customs declaration",
      ),
      features: L(
        "tracks stock by barcode|optimises delivery routes live|monitors cargo temperature|captures proof of delivery|matches empty trucks with cargo|collects cash on delivery",
      ),
      benefits: L("fewer empty trips|faster deliveries|more accurate stock|lower freight costs"),
      users: L("courier companies|warehouse owners|trucking firms|importers and exporters"),
      problems: L("empty return trips|stock discrepancies|late urban deliveries"),
      searches: L(
        "logistics|warehouse|delivery|fleet tracking|cold chain|route optimisation|WMS|TMS|last mile|freight",
      ),
    },
  },
  {
    key: "energy",
    sectors: ["nang-luong"],
    technologies: ["nang-luong-tai-tao", "iot", "du-lieu-lon", "tri-tue-nhan-tao"],
    vi: {
      products: L(
        "điện mặt trời áp mái|hệ thống quản lý năng lượng tòa nhà|công tơ điện thông minh|trạm sạc xe điện|hệ thống chiếu sáng công cộng thông minh|pin lưu trữ năng lượng|phần mềm kiểm toán năng lượng|đèn LED tiết kiệm điện|bơm nhiệt đun nước nóng",
      ),
      features: L(
        "đo đếm điện năng từ xa|điều khiển đèn đường theo lịch và cảm biến|tối ưu phụ tải giờ cao điểm|giám sát sản lượng điện mặt trời|đặt chỗ sạc xe điện qua ứng dụng|cảnh báo thiết bị tiêu thụ điện bất thường|lưu trữ điện dư để dùng buổi tối",
      ),
      benefits: L(
        "giảm hóa đơn tiền điện|giảm điện năng chiếu sáng công cộng|tăng tỷ lệ năng lượng tái tạo|giảm phát thải CO2",
      ),
      users: L("tòa nhà văn phòng|khu đô thị|nhà máy|EVN Hà Nội|chung cư|trường học"),
      problems: L("hóa đơn tiền điện cao|đèn đường sáng cả khi vắng người|quá tải lưới điện mùa hè"),
      searches: L(
        "năng lượng|điện mặt trời|tiết kiệm điện|công tơ thông minh|trạm sạc|xe điện|chiếu sáng thông minh|pin lưu trữ|đèn LED|năng lượng tái tạo",
      ),
    },
    en: {
      products: L(
        "rooftop solar|building energy management|smart electricity meters|EV charging stations|smart street lighting|battery energy storage|energy audit software|heat pump water heaters",
      ),
      features: L(
        "reads meters remotely|dims street lights by schedule and sensors|shifts peak loads|monitors solar output|books EV chargers in an app",
      ),
      benefits: L("lower electricity bills|less street lighting energy|more renewable energy|lower CO2 emissions"),
      users: L("office buildings|urban areas|factories|apartment blocks"),
      problems: L("high power bills|street lights on in empty streets|summer grid overload"),
      searches: L(
        "solar|energy management|smart meter|EV charging|street lighting|battery storage|renewable energy|energy saving",
      ),
    },
  },
  {
    key: "construction",
    sectors: ["quy-hoach-xay-dung", "trat-tu-do-thi"],
    technologies: ["gis", "ban-sao-so", "uav", "du-lieu-lon"],
    vi: {
      products: L(
        "hệ thống thông tin địa lý GIS|bản đồ quy hoạch trực tuyến|mô hình thông tin công trình BIM|bản sao số đô thị|khảo sát địa hình bằng UAV|phần mềm quản lý dự án xây dựng|hệ thống giám sát công trình bằng camera|cơ sở dữ liệu hạ tầng ngầm|phần mềm cấp phép xây dựng trực tuyến|cảm biến quan trắc lún nứt công trình",
      ),
      features: L(
        "tra cứu thông tin quy hoạch theo thửa đất|dựng mô hình 3D từ ảnh bay chụp|phát hiện công trình xây dựng trái phép|quản lý tiến độ thi công|quan trắc lún nứt tòa nhà cũ|chồng lớp bản đồ địa chính và quy hoạch|cấp phép xây dựng trực tuyến|quản lý mạng lưới cấp thoát nước ngầm",
      ),
      benefits: L(
        "rút ngắn thời gian cấp phép xây dựng|giảm vi phạm trật tự xây dựng|giảm chi phí khảo sát|giảm chậm tiến độ dự án",
      ),
      users: L(
        "Sở Quy hoạch – Kiến trúc|Sở Xây dựng|chủ đầu tư|nhà thầu thi công|đội trật tự đô thị|ban quản lý dự án",
      ),
      problems: L(
        "xây dựng trái phép khó phát hiện|dữ liệu quy hoạch khó tra cứu|công trình cũ xuống cấp|đào đường làm hỏng hạ tầng ngầm",
      ),
      searches: L(
        "GIS|bản đồ|quy hoạch|BIM|xây dựng|cấp phép xây dựng|khảo sát địa hình|bản sao số|hạ tầng ngầm|trật tự đô thị|địa chính",
      ),
    },
    en: {
      products: L(
        "geographic information system|online zoning map|building information modelling|city digital twin|UAV topographic survey|construction project management|site camera monitoring|underground utility database|online building permits",
      ),
      features: L(
        "looks up zoning by land parcel|builds 3D models from aerial photos|detects unauthorised construction|tracks construction progress|monitors settlement and cracks",
      ),
      benefits: L("faster building permits|fewer construction violations|cheaper surveys|fewer project delays"),
      users: L("the Department of Construction|developers|contractors|urban order teams"),
      problems: L("illegal construction|hard-to-find zoning data|deteriorating old buildings"),
      searches: L(
        "GIS|zoning|BIM|digital twin|drone survey|construction|building permit|mapping|land parcel|urban planning",
      ),
    },
  },
  {
    key: "labour",
    sectors: ["lao-dong-xa-hoi"],
    technologies: ["nhan-su-tien-luong", "tri-tue-nhan-tao", "dien-toan-dam-may"],
    vi: {
      products: L(
        "sàn giao dịch việc làm trực tuyến|phần mềm quản lý nhân sự và tiền lương|hệ thống chấm công bằng khuôn mặt|nền tảng đào tạo nghề trực tuyến|cổng thông tin thị trường lao động|phần mềm tuyển dụng|ứng dụng tìm việc thời vụ|hệ thống quản lý lao động nước ngoài",
      ),
      features: L(
        "kết nối người tìm việc với nhà tuyển dụng|tính lương và bảo hiểm xã hội tự động|chấm công bằng nhận diện khuôn mặt|đào tạo kỹ năng nghề qua video|dự báo nhu cầu lao động theo ngành|sàng lọc hồ sơ ứng viên bằng AI",
      ),
      benefits: L("rút ngắn thời gian tuyển dụng|giảm sai sót khi tính lương|tăng số người có việc làm sau đào tạo"),
      users: L(
        "Sở Lao động – Thương binh và Xã hội|Trung tâm Dịch vụ việc làm|doanh nghiệp|trường cao đẳng nghề|khu công nghiệp",
      ),
      problems: L(
        "người lao động khó tìm việc phù hợp|doanh nghiệp thiếu lao động kỹ thuật|tính lương thủ công dễ sai",
      ),
      searches: L("việc làm|tuyển dụng|nhân sự|tiền lương|chấm công|đào tạo nghề|lao động|bảo hiểm xã hội|HRM"),
    },
    en: {
      products: L(
        "online job exchange|HR and payroll software|face recognition time clock|online vocational training|labour market portal|recruitment software|gig work app",
      ),
      features: L(
        "matches job seekers with employers|calculates payroll and social insurance|clocks staff in by face|screens CVs with AI",
      ),
      benefits: L("faster hiring|fewer payroll errors|more graduates employed"),
      users: L("employment service centres|employers|vocational colleges"),
      problems: L("job seekers unable to find suitable work|shortage of skilled workers"),
      searches: L("jobs|recruitment|HR software|payroll|time attendance|vocational training|labour market"),
    },
  },
  {
    key: "welfare",
    sectors: ["lao-dong-xa-hoi"],
    technologies: ["du-lieu-lon", "dinh-danh-so-chu-ky-so", "thanh-toan-khong-tien-mat"],
    vi: {
      products: L(
        "hệ thống quản lý đối tượng bảo trợ xã hội|chi trả trợ cấp không dùng tiền mặt|cơ sở dữ liệu hộ nghèo|ứng dụng hỗ trợ người khuyết tật|hệ thống quản lý người có công|nền tảng kết nối tình nguyện viên|thiết bị gọi khẩn cấp cho người cao tuổi",
      ),
      features: L(
        "chi trả trợ cấp qua tài khoản ngân hàng|rà soát hộ nghèo bằng dữ liệu dân cư|đọc màn hình cho người khiếm thị|gọi hỗ trợ khẩn cấp bằng một nút bấm|quản lý hồ sơ người có công với cách mạng",
      ),
      benefits: L(
        "giảm thời gian chi trả trợ cấp|giảm sai sót trong danh sách thụ hưởng|tăng số người được hỗ trợ kịp thời",
      ),
      users: L(
        "phòng Lao động – Thương binh và Xã hội|UBND phường|Hội Chữ thập đỏ|trung tâm bảo trợ xã hội|tổ chức từ thiện",
      ),
      problems: L(
        "chi trả trợ cấp bằng tiền mặt mất thời gian|danh sách hộ nghèo chưa chính xác|người khuyết tật khó tiếp cận dịch vụ công",
      ),
      searches: L(
        "an sinh xã hội|bảo trợ xã hội|trợ cấp|hộ nghèo|người khuyết tật|người có công|tình nguyện|chi trả không tiền mặt",
      ),
    },
    en: {
      products: L(
        "social assistance case management|cashless benefit payments|poor household database|assistive app for people with disabilities|volunteer matching platform|emergency call button for the elderly",
      ),
      features: L(
        "pays benefits into bank accounts|reviews poor households with population data|reads screens aloud|calls for help with one button",
      ),
      benefits: L("faster benefit payments|fewer errors in beneficiary lists"),
      users: L("social protection centres|charities|the Red Cross"),
      problems: L("slow cash benefit payments|inaccurate poverty lists"),
      searches: L("social welfare|benefits payment|disability|accessibility|volunteering|poverty|elderly care"),
    },
  },
  {
    key: "firesafety",
    sectors: ["an-ninh-an-toan"],
    technologies: ["iot", "tri-tue-nhan-tao", "thi-giac-may-tinh", "gis"],
    vi: {
      products: L(
        "hệ thống báo cháy tự động kết nối trung tâm|cảm biến khói không dây|camera phát hiện cháy sớm|ứng dụng thoát hiểm cho chung cư|phần mềm quản lý phòng cháy chữa cháy|thiết bị chữa cháy tự động cho nhà ống|bản đồ nguồn nước chữa cháy|hệ thống giám sát an ninh khu dân cư|camera an ninh tích hợp AI",
      ),
      features: L(
        "gửi cảnh báo cháy đến điện thoại và cảnh sát PCCC|phát hiện khói và lửa bằng camera AI|chỉ dẫn lối thoát hiểm gần nhất|quản lý hồ sơ kiểm tra PCCC|định vị trụ nước chữa cháy|báo động khi có người lạ đột nhập|tự động ngắt điện khi phát hiện chập cháy",
      ),
      benefits: L(
        "rút ngắn thời gian phát hiện đám cháy|giảm thời gian xe chữa cháy tiếp cận hiện trường|giảm thiệt hại tài sản",
      ),
      users: L(
        "Cảnh sát PCCC và CNCH|ban quản trị chung cư|chủ nhà ống kết hợp kinh doanh|chợ truyền thống|khu nhà trọ|Công an phường",
      ),
      problems: L(
        "cháy nhà ống không có lối thoát phụ|cháy chung cư mini|chập điện tại chợ truyền thống|xe chữa cháy khó tiếp cận ngõ nhỏ",
      ),
      searches: L(
        "phòng cháy chữa cháy|PCCC|báo cháy|cảm biến khói|thoát hiểm|chung cư mini|camera an ninh|an ninh trật tự|cứu nạn cứu hộ|nhà trọ",
      ),
    },
    en: {
      products: L(
        "connected fire alarm system|wireless smoke detectors|early fire detection cameras|evacuation app for apartment blocks|fire safety inspection software|automatic extinguishers for tube houses|fire hydrant map|neighbourhood security cameras",
      ),
      features: L(
        "alerts phones and the fire police|detects smoke and flames with AI cameras|shows the nearest exit|locates fire hydrants|cuts power when a short circuit is detected",
      ),
      benefits: L("faster fire detection|faster fire truck arrival|less property damage"),
      users: L("fire police|apartment management boards|traditional markets|boarding houses"),
      problems: L("tube-house fires without a second exit|mini-apartment fires|narrow alleys blocking fire trucks"),
      searches: L("fire safety|fire alarm|smoke detector|evacuation|security camera|fire detection|emergency response"),
    },
  },
  {
    key: "ecommerce",
    sectors: ["thuong-mai-dien-tu", "tai-chinh-thuong-mai"],
    technologies: [
      "thuong-mai-dien-tu",
      "ban-hang-quan-ly-cua-hang",
      "quan-ly-khach-hang-crm",
      "hien-dien-truc-tuyen",
      "thanh-toan-khong-tien-mat",
    ],
    vi: {
      products: L(
        "phần mềm quản lý bán hàng đa kênh|website bán hàng|phần mềm quản lý cửa hàng|chatbot chăm sóc khách hàng|phần mềm CRM|giải pháp livestream bán hàng|chợ truyền thống 4.0|ứng dụng đặt món cho nhà hàng|phần mềm quản lý chuỗi cà phê|công cụ quảng cáo trên mạng xã hội|phần mềm chăm sóc khách hàng qua Zalo OA",
      ),
      features: L(
        "đồng bộ đơn hàng từ Shopee, Lazada và TikTok Shop|quản lý tồn kho theo chi nhánh|in hóa đơn và tem mã vạch|tích điểm cho khách hàng thân thiết|trả lời tin nhắn tự động|thanh toán bằng mã QR tại quầy|gửi tin nhắn chăm sóc qua Zalo OA|phân tích doanh thu theo mặt hàng|tạo website bán hàng trong một ngày",
      ),
      benefits: L(
        "tăng doanh thu bán hàng trực tuyến|giảm thời gian chốt đơn|tăng tỷ lệ khách hàng quay lại|giảm sai sót tồn kho",
      ),
      users: L(
        "hộ kinh doanh|cửa hàng tạp hóa|chuỗi bán lẻ|tiểu thương chợ Đồng Xuân|nhà hàng và quán cà phê|cửa hàng thời trang",
      ),
      problems: L(
        "hộ kinh doanh chưa biết bán hàng trực tuyến|quản lý đơn hàng nhiều kênh rời rạc|khách hàng mua một lần rồi không quay lại",
      ),
      searches: L(
        "bán hàng|thương mại điện tử|quản lý cửa hàng|bán hàng online|CRM|chăm sóc khách hàng|livestream|Zalo OA|website bán hàng|đa kênh|tích điểm|chợ 4.0",
      ),
    },
    en: {
      products: L(
        "omnichannel sales management|online store builder|point of sale software|customer service chatbot|CRM software|live commerce tools|restaurant ordering app|coffee chain management|social media ads tool",
      ),
      features: L(
        "syncs orders from Shopee, Lazada and TikTok Shop|tracks stock per branch|prints receipts and barcode labels|runs loyalty points|replies to messages automatically|accepts QR payments at the counter",
      ),
      benefits: L("more online sales|faster order closing|more repeat customers|fewer stock errors"),
      users: L("household businesses|grocery stores|retail chains|restaurants and cafés|fashion shops"),
      problems: L("small shops new to online selling|scattered multichannel orders|customers who never return"),
      searches: L(
        "e-commerce|POS|online store|CRM|omnichannel|loyalty|chatbot|retail software|live selling|marketplace",
      ),
    },
  },
  {
    key: "data-ai",
    sectors: ["ha-tang-so"],
    technologies: ["tri-tue-nhan-tao", "du-lieu-lon", "iot", "blockchain", "dien-toan-dam-may", "5g", "du-lieu-mo-api"],
    vi: {
      products: L(
        "nền tảng dữ liệu lớn|kho dữ liệu dùng chung|nền tảng IoT cho thành phố thông minh|mô hình ngôn ngữ lớn tiếng Việt|trợ lý ảo doanh nghiệp|nền tảng blockchain xác thực văn bằng|hệ thống nhận dạng chữ viết tay|nền tảng dữ liệu mở|dịch vụ điện toán đám mây|trung tâm điều hành đô thị thông minh|cổng kết nối API liên thông|mạng cảm biến LoRaWAN|hạ tầng 5G riêng cho nhà máy",
      ),
      features: L(
        "thu thập dữ liệu từ hàng nghìn cảm biến|huấn luyện mô hình trí tuệ nhân tạo trên dữ liệu tiếng Việt|nhận dạng văn bản tiếng Việt bằng OCR|trả lời câu hỏi từ kho tài liệu nội bộ|xác thực văn bằng bằng chuỗi khối|chia sẻ dữ liệu qua API chuẩn|trực quan hóa dữ liệu trên bảng điều khiển|phân tích dữ liệu thời gian thực|lưu trữ dữ liệu tại trung tâm dữ liệu trong nước",
      ),
      benefits: L(
        "giảm thời gian nhập liệu|tăng độ chính xác nhận dạng|giảm chi phí hạ tầng máy chủ|rút ngắn thời gian ra quyết định",
      ),
      users: L(
        "Sở Khoa học và Công nghệ|trung tâm điều hành đô thị thông minh|doanh nghiệp công nghệ|trường đại học|viện nghiên cứu|tập đoàn viễn thông",
      ),
      problems: L(
        "dữ liệu phân tán ở nhiều phần mềm|nhập liệu thủ công tốn nhân lực|văn bằng giả khó phát hiện|thiếu mô hình AI hiểu tiếng Việt",
      ),
      searches: L(
        "trí tuệ nhân tạo|AI|dữ liệu lớn|IoT|blockchain|chuỗi khối|điện toán đám mây|chatbot|OCR|nhận dạng|dữ liệu mở|API|5G|thành phố thông minh|học máy|chuyển đổi số",
      ),
    },
    en: {
      products: L(
        "big data platform|shared data warehouse|smart city IoT platform|Vietnamese large language model|enterprise virtual assistant|blockchain credential verification|handwriting recognition|open data portal|cloud computing services|smart city operations centre|API gateway|LoRaWAN sensor network|private 5G network",
      ),
      features: L(
        "collects data from thousands of sensors|trains AI models on Vietnamese text|recognises Vietnamese documents with OCR|answers questions from internal documents|verifies diplomas on a blockchain|shares data through standard APIs|visualises data on dashboards",
      ),
      benefits: L("less manual data entry|higher recognition accuracy|lower server costs|faster decisions"),
      users: L(
        "the Department of Science and Technology|smart city operations centres|technology companies|universities|research institutes",
      ),
      problems: L(
        "data scattered across systems|manual data entry|fake diplomas|no AI models that understand Vietnamese",
      ),
      searches: L(
        "artificial intelligence|machine learning|big data|IoT platform|blockchain|cloud|LLM|OCR|data platform|smart city|digital transformation|computer vision",
      ),
    },
  },
];

// --- Hanoi places --------------------------------------------------------------

export const DISTRICTS = L(
  "Ba Đình|Hoàn Kiếm|Tây Hồ|Long Biên|Cầu Giấy|Đống Đa|Hai Bà Trưng|Hoàng Mai|Thanh Xuân|Nam Từ Liêm|Bắc Từ Liêm|Hà Đông|Sơn Tây|Ba Vì|Chương Mỹ|Đan Phượng|Đông Anh|Gia Lâm|Hoài Đức|Mê Linh|Mỹ Đức|Phú Xuyên|Phúc Thọ|Quốc Oai|Sóc Sơn|Thạch Thất|Thanh Oai|Thanh Trì|Thường Tín|Ứng Hòa",
);

export const WARDS = L(
  "Phúc Xá|Trúc Bạch|Vĩnh Phúc|Cống Vị|Liễu Giai|Quán Thánh|Ngọc Hà|Điện Biên|Đội Cấn|Ngọc Khánh|Kim Mã|Giảng Võ|Thành Công|Đồng Xuân|Hàng Mã|Hàng Buồm|Hàng Đào|Hàng Bồ|Cửa Đông|Lý Thái Tổ|Hàng Bạc|Hàng Gai|Chương Dương|Hàng Trống|Cửa Nam|Hàng Bông|Tràng Tiền|Trần Hưng Đạo|Phan Chu Trinh|Hàng Bài|Phú Thượng|Nhật Tân|Tứ Liên|Quảng An|Xuân La|Yên Phụ|Bưởi|Thụy Khuê|Nghĩa Đô|Nghĩa Tân|Mai Dịch|Dịch Vọng|Dịch Vọng Hậu|Quan Hoa|Yên Hòa|Trung Hòa|Cát Linh|Văn Miếu|Quốc Tử Giám|Láng Thượng|Ô Chợ Dừa|Văn Chương|Hàng Bột|Láng Hạ|Khâm Thiên|Thổ Quan|Nam Đồng|Trung Phụng|Trung Liệt|Phương Liên|Thịnh Quang|Trung Tự|Kim Liên|Phương Mai|Ngã Tư Sở|Khương Thượng|Nguyễn Du|Bạch Đằng|Phạm Đình Hổ|Lê Đại Hành|Đồng Nhân|Phố Huế|Đống Mác|Thanh Lương|Thanh Nhàn|Cầu Dền|Bách Khoa|Đồng Tâm|Vĩnh Tuy|Bạch Mai|Quỳnh Mai|Quỳnh Lôi|Minh Khai|Trương Định|Vĩnh Hưng|Định Công|Mai Động|Tương Mai|Đại Kim|Tân Mai|Hoàng Văn Thụ|Giáp Bát|Lĩnh Nam|Thịnh Liệt|Hoàng Liệt|Yên Sở|Nhân Chính|Thượng Đình|Khương Trung|Khương Mai|Thanh Xuân Trung|Phương Liệt|Hạ Đình|Khương Đình|Thanh Xuân Bắc|Thanh Xuân Nam|Kim Giang|Thượng Thanh|Ngọc Thụy|Giang Biên|Đức Giang|Việt Hưng|Gia Thụy|Ngọc Lâm|Phúc Lợi|Bồ Đề|Sài Đồng|Thạch Bàn|Phúc Đồng|Cự Khối|Mộ Lao|Văn Quán|Vạn Phúc|Yết Kiêu|La Khê|Phú La|Phúc La|Hà Cầu|Yên Nghĩa|Kiến Hưng|Phú Lãm|Phú Lương|Dương Nội|Đồng Mai|Biên Giang|Cầu Diễn|Xuân Phương|Phương Canh|Mỹ Đình|Tây Mỗ|Mễ Trì|Phú Đô|Đại Mỗ|Trung Văn|Thượng Cát|Liên Mạc|Đông Ngạc|Đức Thắng|Thụy Phương|Tây Tựu|Xuân Đỉnh|Xuân Tảo|Cổ Nhuế|Phú Diễn|Phúc Diễn|Bát Tràng|Kim Lan|Đa Tốn|Cổ Loa|Uy Nỗ|Vân Nội|Kim Chung|Hải Bối|Ninh Hiệp|Phù Đổng|Yên Viên|Trâu Quỳ|Văn Điển|Tả Thanh Oai|Ngũ Hiệp|Vạn Phúc|Tam Hiệp|Hòa Lạc|Bình Yên|Thạch Hòa|Tiến Xuân|Xuân Mai|Chúc Sơn|Phùng|Trạm Trôi|An Khánh|Sơn Đồng|Vân Canh|Quang Minh|Chi Đông|Tiền Phong|Sóc Sơn|Phù Linh|Minh Phú|Hương Sơn|Đại Nghĩa|Phú Minh|Thường Tín|Chương Dương|Vân Đình|Tây Đằng|Tản Lĩnh|Ba Trại|Phúc Thọ|Quốc Oai|Liên Quan|Kim Bài|Đường Lâm|Trung Hưng|Viên Sơn",
);

export const STREETS = L(
  "Trần Duy Hưng|Láng|Nguyễn Chí Thanh|Giải Phóng|Phạm Văn Đồng|Lê Văn Lương|Xuân Thủy|Tố Hữu|Hoàng Quốc Việt|Trường Chinh|Nguyễn Trãi|Đại Cồ Việt|Lạc Long Quân|Võ Chí Công|Kim Mã|Nguyễn Văn Cừ|Phạm Hùng|Lê Duẩn|Tôn Đức Thắng|Cầu Giấy|Hồ Tùng Mậu|Trần Phú|Quang Trung|Nguyễn Xiển|Minh Khai|Đê La Thành|Thái Hà|Chùa Bộc|Tây Sơn|Nguyễn Lương Bằng|Bạch Mai|Lò Đúc|Hàng Bài|Đinh Tiên Hoàng|Tràng Thi|Hai Bà Trưng|Lý Thường Kiệt|Nguyễn Hoàng|Duy Tân|Trần Thái Tông|Lê Trọng Tấn|Vũ Trọng Phụng|Ngọc Hồi|Nguyễn Văn Linh|Ngô Gia Tự|Thụy Khuê|Âu Cơ|Nghi Tàm|An Dương Vương",
);

export const LANDMARKS = L(
  "Hồ Gươm|Hồ Tây|phố cổ Hà Nội|Văn Miếu – Quốc Tử Giám|Hoàng thành Thăng Long|Khu công nghệ cao Hòa Lạc|Khu công nghiệp Thăng Long|Khu công nghiệp Quang Minh|Bến xe Mỹ Đình|Bến xe Giáp Bát|Ga Hà Nội|sân bay Nội Bài|cầu Long Biên|cầu Nhật Tân|tuyến đường sắt Cát Linh – Hà Đông|tuyến metro Nhổn – ga Hà Nội|chợ Đồng Xuân|chợ Long Biên|Bệnh viện Bạch Mai|Bệnh viện Việt Đức|Bệnh viện Nhi Trung ương|Làng lụa Vạn Phúc|làng gốm Bát Tràng|đường Vành đai 3|sông Tô Lịch|sông Hồng|Thành cổ Sơn Tây|chùa Hương|Ecopark|Times City|khu đô thị Linh Đàm|khu đô thị Ciputra",
);

// --- organisations and people ---------------------------------------------------

export const BRAND_HEADS = L(
  "Viet|Hanoi|Smart|Green|Sao|Lac|Hong|ThangLong|Rong|An|Minh|Tam|Hoa|Kim|Long|Phuong|Nam|Bac|Dong|Tay|Sen|Mai|Lotus|Sky|Blue|Red|Ocean|Star|Sun|Moon|Nova|Alpha|Omni|Uni|Neo|Pro|Ez|Go|One|Bee",
);

export const BRAND_TAILS = L(
  "Tech|Soft|Data|Link|Go|Care|Edu|Pay|Sense|Net|Hub|Lab|Guard|Farm|Trip|Bill|AI|Cloud|Vision|Track|Map|Energy|Build|Work|Ship|Med|Learn|Shop|Chain|Gate|Box|Flow|Desk|Bot|Eye|Watch|Grid|Wave|Smart|Way",
);

export const ORG_FORMS_VI = L(
  "Công ty Cổ phần Công nghệ|Công ty TNHH Giải pháp|Công ty Cổ phần Phần mềm|Công ty TNHH Công nghệ số|Công ty Cổ phần Đầu tư và Phát triển Công nghệ|Công ty TNHH Kỹ thuật|Công ty Cổ phần Dịch vụ Dữ liệu|Công ty TNHH Thiết bị Thông minh",
);

export const RESEARCH_ORGS = L(
  "Trường Đại học Bách khoa Hà Nội|Đại học Quốc gia Hà Nội|Trường Đại học Công nghệ|Học viện Công nghệ Bưu chính Viễn thông|Viện Hàn lâm Khoa học và Công nghệ Việt Nam|Viện Công nghệ thông tin|Trường Đại học Xây dựng Hà Nội|Trường Đại học Giao thông Vận tải|Học viện Nông nghiệp Việt Nam|Trường Đại học Y Hà Nội|Trường Đại học Kinh tế Quốc dân|Trường Đại học Thủy lợi|Trường Đại học Mỏ – Địa chất|Trường Đại học Phenikaa|Trường Đại học FPT|Viện Vật lý|Viện Công nghệ môi trường|Viện Cơ khí Năng lượng và Mỏ|Viện Khoa học Thủy lợi|Trường Đại học Điện lực",
);

export const AGENCIES = L(
  "Trung tâm Chuyển đổi số Hà Nội|Trung tâm Dữ liệu thành phố|Trung tâm Ứng dụng tiến bộ khoa học và công nghệ|Trung tâm Phục vụ hành chính công|Trung tâm Điều hành giao thông|Trung tâm Y tế dự phòng|Trung tâm Quan trắc môi trường|Trung tâm Khuyến nông",
);

export const INNOVATION_CENTRES = L(
  "Trung tâm Hỗ trợ khởi nghiệp sáng tạo Hà Nội|Vườn ươm doanh nghiệp công nghệ|Trung tâm Đổi mới sáng tạo quốc gia|Không gian khởi nghiệp sáng tạo Hòa Lạc|Trung tâm Đổi mới sáng tạo Hà Nội",
);

export const CUSTOMERS = L(
  "Sở Giao thông Vận tải Hà Nội|Sở Y tế Hà Nội|Sở Giáo dục và Đào tạo Hà Nội|Sở Tài nguyên và Môi trường Hà Nội|Sở Khoa học và Công nghệ Hà Nội|Sở Thông tin và Truyền thông Hà Nội|Công an thành phố Hà Nội|Tổng công ty Vận tải Hà Nội|Công ty Nước sạch Hà Nội|EVN Hà Nội|Cục Thuế Hà Nội|Bảo hiểm xã hội Hà Nội|Bệnh viện Đa khoa Hà Đông|Bệnh viện Thanh Nhàn|Bệnh viện Xanh Pôn|Trường THPT Chu Văn An|Trường THPT Kim Liên|Trường THCS Cầu Giấy|Hợp tác xã rau an toàn Văn Đức|Hợp tác xã nông nghiệp Đông Dư|Công ty Môi trường Đô thị Hà Nội|Tổng công ty Đường sắt đô thị Hà Nội|Ban quản lý phố cổ Hà Nội|Ngân hàng Thương mại cổ phần Quân đội|Viettel|VNPT Hà Nội|FPT Telecom|Ban quản lý Khu công nghệ cao Hòa Lạc",
);

export const FAMILY_NAMES = L(
  "Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Đinh|Trịnh|Đào|Mai|Cao|Lương|Tạ|Quách|Kiều",
);
export const MIDDLE_NAMES = L("Văn|Thị|Đức|Minh|Thu|Thanh|Hoàng|Quang|Ngọc|Hải|Hữu|Xuân|Thùy|Kim|Tuấn|Bảo|Gia|Khánh");
export const GIVEN_NAMES = L(
  "Hùng|Lan|Hương|Dũng|Hà|Linh|Trang|Nam|Tuấn|Hoa|Thảo|Long|Phương|Quân|Mai|Sơn|Huyền|Thắng|Yến|Khoa|Vy|Hiếu|Nhung|Cường|Giang|Tùng|Ngân|Đạt|Oanh|Phúc|Hạnh|Vinh|Chi|Tâm|Duy|Trung|Loan|Kiên|My|Việt",
);

// --- shared building blocks --------------------------------------------------------

export const INTEGRATIONS = L(
  "VNeID|Cổng Dịch vụ công quốc gia|Zalo OA|VNPay|MoMo|ZaloPay|VietQR|cổng thuế điện tử eTax|MISA|SAP|Odoo|Microsoft 365|Google Workspace|hệ thống HIS|hệ thống LIS|hệ thống PACS|cổng giám định bảo hiểm y tế|Trục liên thông văn bản quốc gia|nền tảng LGSP của thành phố|Hanoi Smart City|iHanoi|cơ sở dữ liệu quốc gia về dân cư",
);

export const INTEGRATIONS_EN = L(
  "VNeID|the national public services portal|Zalo OA|VNPay|MoMo|ZaloPay|VietQR|the eTax portal|MISA|SAP|Odoo|Microsoft 365|Google Workspace|HIS systems|LIS systems|PACS archives|the health insurance gateway|the city's LGSP integration platform|iHanoi|the national population database|Salesforce|Power BI|Shopee|Lazada",
);

/** Detail sentences with a wider business vocabulary, any sector. */
export const DETAILS_VI = L(
  "Giao diện thân thiện, hỗ trợ tiếng Việt và tiếng Anh.|Có giao diện lập trình mở để bên thứ ba tích hợp.|Sản phẩm đạt giải Sao Khuê và được công nhận Make in Vietnam.|Đoạt giải Nhân tài Đất Việt ở hạng mục sản phẩm số.|Được Quỹ Đổi mới công nghệ quốc gia tài trợ một phần kinh phí nghiên cứu.|Mã nguồn được kiểm định độc lập, không chứa thành phần vi phạm bản quyền.|Hỗ trợ kỹ thuật qua tổng đài, email và nhóm Zalo trong giờ hành chính.|Người dùng được tập huấn trực tiếp tại trụ sở hoặc qua lớp học trực tuyến.|Báo cáo được xuất ra Excel, PDF và gửi định kỳ qua thư điện tử.|Ứng dụng chạy được trên Android, iOS và trình duyệt web.|Dữ liệu được sao lưu hằng đêm, cam kết thời gian hoạt động 99,9%.|Đơn vị có thể thuê bao theo tháng hoặc mua đứt bản quyền vĩnh viễn.|Sản phẩm đã được thẩm định giá bởi đơn vị độc lập.|Phần cứng được lắp ráp tại Khu công nghiệp Quang Minh, linh kiện nhập khẩu chính hãng.|Thiết bị tiêu thụ điện năng thấp, dùng pin lithium hoặc tấm năng lượng mặt trời.|Mô hình học máy được huấn luyện trên hơn một triệu mẫu dữ liệu đã gán nhãn.|Nhà cung cấp có văn phòng đại diện tại Thành phố Hồ Chí Minh và Đà Nẵng.|Giải pháp nằm trong danh mục nền tảng số được Bộ Thông tin và Truyền thông khuyến khích sử dụng.|Khách hàng tiêu biểu gồm nhiều cơ quan nhà nước, doanh nghiệp niêm yết và tổ chức quốc tế.|Lộ trình sản phẩm năm tới bổ sung trợ lý ảo, bản đồ nhiệt và cảnh báo qua tin nhắn.|Hợp đồng mẫu, điều khoản bảo mật và phụ lục kỹ thuật có sẵn để tải về.|Có chế độ ngoại tuyến khi mất kết nối mạng, tự đồng bộ khi có mạng trở lại.|Tùy biến giao diện theo nhận diện thương hiệu của từng khách hàng.|Kiến trúc vi dịch vụ, triển khai bằng container và mở rộng theo chiều ngang.",
);

export const DETAILS_EN = L(
  "The interface is available in Vietnamese and English.|An open API lets third parties integrate.|The product won a Sao Khue award and carries the Make in Vietnam label.|Part of the research was funded by the National Technology Innovation Foundation.|The source code has been independently audited.|Support is available by hotline, email and chat during business hours.|Users are trained on site or in live online classes.|Reports export to Excel and PDF and arrive by email on a schedule.|Runs on Android, iOS and any modern browser.|Data is backed up nightly with a 99.9% uptime commitment.|Customers can subscribe monthly or buy a perpetual licence.|Hardware is assembled in Quang Minh Industrial Park from genuine components.|Devices draw little power and run on lithium batteries or solar panels.|Models were trained on more than a million labelled samples.|The vendor also has offices in Ho Chi Minh City and Da Nang.|Reference customers include government agencies, listed companies and international organisations.|Next year's roadmap adds a virtual assistant, heat maps and SMS alerts.|Works offline and syncs automatically when the connection returns.|Microservice architecture, deployed in containers and scaled horizontally.",
);

export const STANDARDS = L(
  "ISO/IEC 27001:2022|ISO 9001:2015|TCVN 11930:2017|HL7 FHIR|Nghị định 13/2023/NĐ-CP|Nghị định 123/2020/NĐ-CP|Thông tư 78/2021/TT-BTC|Luật An toàn thông tin mạng|Luật Dữ liệu 2024|QCVN 05:2023/BTNMT|Quyết định 06/QĐ-TTg|Khung kiến trúc Chính phủ điện tử 3.0|tiêu chuẩn OWASP ASVS|IEC 62443",
);

export const GENERIC_VI = {
  openers: L("Giải pháp|Nền tảng|Hệ thống|Ứng dụng|Phần mềm|Dịch vụ|Bộ công cụ|Thiết bị"),
  qualities: L(
    "thông minh|trên nền tảng đám mây|thế hệ mới|mã nguồn mở|dành cho thiết bị di động|chi phí thấp|tích hợp trí tuệ nhân tạo|an toàn và bảo mật|dễ triển khai|made in Vietnam",
  ),
  units: L("tháng|năm|thiết bị|người dùng|điểm lắp đặt|gói triển khai|cơ sở"),
  connectors: L("Ngoài ra|Bên cạnh đó|Đặc biệt|Hơn nữa|Đồng thời|Nhờ vậy"),
};

export const GENERIC_EN = {
  openers: L("Solution|Platform|System|App|Software|Service|Toolkit|Device"),
  qualities: L(
    "smart|cloud-based|next-generation|open-source|mobile-first|low-cost|AI-powered|secure|easy to deploy|made in Vietnam",
  ),
  units: L("month|year|device|user|site|deployment|facility"),
  connectors: L("In addition|Moreover|Notably|Furthermore|At the same time|As a result"),
};
