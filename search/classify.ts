// Classifies free text (an offer's or a problem's title and description, in
// Vietnamese or English) into the seeded taxonomy: sectors, technologies and
// business needs. A hand-written bilingual lexicon, no model: every score can
// be explained by the phrases listed in `evidence`.
//
// Matching rules:
//  - words are compared folded (no case, no diacritics), so "giao thong" finds
//    "giao thông"; but a word the text spells WITH diacritics must carry the
//    keyword's diacritics (in any tone-mark placement: hoá = hóa), so
//    "giao thương" (trade) never matches "giao thông" (transport);
//  - keywords are phrases matched as adjacent whole words: "AI" never matches
//    inside "tai";
//  - acronyms ("AI", "GIS", "IoT") must be written with capitals in the text:
//    "ai" is also the Vietnamese for "who";
//  - at each position the longest keyword wins, across all terms, so
//    "machine learning" is not also read as education's "learning", and
//    "network traffic" is not read as road traffic;
//  - English plurals are reduced ("sensors" = "sensor").
//
// Score of a term = Σ over its distinct phrases found of
//   weight × (1 + ½·log2(occurrences))  [× 1.5 when found in the title]
// where weight grows with the phrase's length in letters (longer = more
// specific), acronyms weigh 1.3 and keywords marked "~" are weak (× 0.4).
import { tokenize, type Token } from "./text.ts";

export interface TaxonomyTermInput {
  kind: "SECTOR" | "TECHNOLOGY" | "BUSINESS_NEED";
  slug: string;
  nameVi: string;
  nameEn: string;
}

export interface Classification {
  kind: TaxonomyTermInput["kind"];
  slug: string;
  score: number;
  /** The phrases found, as written in the text, strongest first. */
  evidence: string[];
}

export interface ClassifyOptions {
  kinds?: TaxonomyTermInput["kind"][];
  /** Results per kind. Default 3. */
  limit?: number;
  /** Only results scoring strictly above this. Default 1 (about one clear keyword). */
  minScore?: number;
}

export type ClassifyInput = string | { title?: string; body?: string };

export const DEFAULT_LIMIT = 3;
export const DEFAULT_MIN_SCORE = 1;
const TITLE_BOOST = 1.5;
const WEAK_FACTOR = 0.4;
const ACRONYM_WEIGHT = 1.3;

// Keywords per term, written from domain knowledge. "~" marks a weak keyword
// (common, or only suggestive). Term names are added automatically.
export const TERM_KEYWORDS: Record<string, string[]> = {
  // ─── Sectors ───────────────────────────────────────────────────────────
  "SECTOR:giao-thong": [
    "giao thông", "ùn tắc", "tắc đường", "tắc nghẽn giao thông", "kẹt xe", "đèn tín hiệu", "đèn giao thông",
    "nút giao", "giao lộ", "bãi đỗ xe", "bãi giữ xe", "chỗ đỗ xe", "đỗ xe", "xe buýt", "đường sắt đô thị",
    "tàu điện", "phương tiện", "xe máy", "ô tô", "xe tải", "làn đường", "tai nạn giao thông",
    "vi phạm giao thông", "biển số xe", "vận tải", "vận chuyển", "giao hàng", "chặng cuối", "xe đạp công cộng",
    "người tham gia giao thông", "traffic", "congestion", "traffic jam", "traffic light", "traffic signal",
    "intersection", "junction", "parking", "public transport", "bus", "buses", "metro", "vehicle", "car",
    "motorbike", "truck", "commuter", "road safety", "transit", "freight", "last mile", "delivery route",
    "ticketing", "~tuyến đường", "~route",
    "tắc nghẽn", "đèn xanh", "đèn đỏ", "ngã tư", "cầu vượt", "cầu đường", "đường bộ", "cao tốc", "road", "highway", "bridge", "commute",
  ],
  "SECTOR:moi-truong": [
    "môi trường", "ô nhiễm", "ô nhiễm không khí", "chất lượng không khí", "bụi mịn", "quan trắc", "khí thải",
    "phát thải", "rác thải", "chất thải", "chất thải rắn", "phân loại rác", "thu gom rác", "tái chế",
    "nước thải", "tiếng ồn", "biến đổi khí hậu", "khí nhà kính", "đốt rơm rạ", "ô nhiễm nguồn nước", "sông hồ",
    "environment", "environmental", "pollution", "air quality", "air pollution", "PM2.5", "AQI", "emissions",
    "waste", "recycling", "landfill", "wastewater", "noise", "climate", "greenhouse gas", "carbon footprint",
    "khói bụi", "ô nhiễm nước", "water pollution", "vi sinh", "xử lý ô nhiễm", "smog", "dust", "sustainability", "bền vững",
  ],
  "SECTOR:y-te": [
    "y tế", "bệnh viện", "phòng khám", "khám bệnh", "khám chữa bệnh", "bệnh nhân", "người bệnh", "bác sĩ",
    "điều dưỡng", "bệnh án", "hồ sơ sức khỏe", "sức khỏe", "chăm sóc sức khỏe", "dịch bệnh", "tiêm chủng",
    "nhà thuốc", "đơn thuốc", "cấp cứu", "khám từ xa", "chẩn đoán", "xét nghiệm", "sức khỏe tâm thần",
    "trạm y tế", "bảo hiểm y tế", "hospital", "clinic", "patient", "doctor", "nurse", "medical", "healthcare",
    "health", "disease", "vaccination", "pharmacy", "prescription", "diagnosis", "telemedicine",
    "mental health", "ambulance", "epidemic",
    "té ngã", "fall detection", "nhịp tim", "huyết áp", "heart rate", "blood pressure", "đột quỵ", "ECG", "điện tâm đồ", "khám sức khỏe",
  ],
  "SECTOR:giao-duc": [
    "giáo dục", "trường học", "học sinh", "sinh viên", "giáo viên", "giảng viên", "học tập", "học trực tuyến",
    "lớp học", "bài giảng", "kỳ thi", "thi cử", "tuyển sinh", "đào tạo", "học liệu", "sổ liên lạc", "phụ huynh",
    "mầm non", "đại học", "thư viện", "học bạ", "education", "school", "student", "teacher", "learning",
    "e-learning", "classroom", "exam", "university", "curriculum", "tuition", "lesson", "pupil", "lecture",
    "LMS", "training course",
  ],
  "SECTOR:hanh-chinh-cong": [
    "hành chính", "dịch vụ công", "thủ tục hành chính", "một cửa", "bộ phận một cửa", "cổng dịch vụ công",
    "chính quyền", "~cơ quan nhà nước", "cán bộ", "công chức", "ủy ban nhân dân", "UBND", "công văn",
    "cấp phép", "giấy phép", "chứng thực", "hộ tịch", "phản ánh kiến nghị", "tiếp công dân", "~người dân",
    "public service", "public services", "e-government", "government", "civil servant", "administrative",
    "permit", "licence", "~citizen", "one-stop", "municipal", "paperwork", "city hall", "~hồ sơ", "~agency",
    "quản lý văn bản", "văn bản hành chính", "văn thư", "biên bản", "cuộc họp", "phòng họp", "lãnh đạo", "e-office", "văn phòng điện tử", "không giấy tờ", "paperless", "dân cư", "officials", "ward", "commune", "~ra quyết định", "~decision-making", "~residents", "~officer",
  ],
  "SECTOR:trat-tu-do-thi": [
    "đô thị", "trật tự đô thị", "lấn chiếm", "vỉa hè", "lòng đường", "lối đi bộ", "hè phố",
    "xây dựng trái phép", "quảng cáo rao vặt", "chiếu sáng công cộng", "đèn đường", "cây xanh",
    "vệ sinh đô thị", "phản ánh hiện trường", "quản lý đô thị", "đô thị thông minh", "thành phố thông minh",
    "trung tâm điều hành", "IOC", "khu dân cư", "urban", "smart city", "sidewalk", "pavement", "street vendor",
    "encroachment", "street lighting", "streetlight", "city operations", "urban management", "public space",
    "illegal construction", "urban trees", "~thành phố", "~city",
  ],
  "SECTOR:cap-thoat-nuoc": [
    "cấp nước", "thoát nước", "nước sạch", "ngập úng", "ngập lụt", "điểm ngập", "chống ngập", "mưa lớn",
    "cống thoát nước", "đường ống nước", "rò rỉ nước", "thất thoát nước", "đồng hồ nước", "hóa đơn tiền nước",
    "nhà máy nước", "trạm bơm", "mực nước", "xử lý nước", "nước ngầm", "water supply", "drainage", "flood",
    "flooding", "stormwater", "sewer", "sewage", "water pipe", "water leak", "water meter", "water loss",
    "pumping station", "water level", "clean water", "tap water", "rainfall", "downpour", "inundation",
    "non-revenue water", "water utility", "water network", "mạng lưới cấp nước", "công ty nước", "~water", "~pipes",
  ],
  "SECTOR:nang-luong": [
    "năng lượng", "điện năng", "tiết kiệm điện", "tiết kiệm năng lượng", "điện mặt trời", "điện gió",
    "lưới điện", "tiêu thụ điện", "hóa đơn tiền điện", "tiền điện", "công tơ điện", "trạm sạc", "sạc xe điện",
    "pin lưu trữ", "mất điện", "điều hòa không khí", "hiệu suất năng lượng", "energy", "electricity",
    "power grid", "solar", "wind power", "renewable", "battery", "smart meter", "energy efficiency",
    "EV charging", "charging station", "power consumption", "electricity bill", "rooftop solar", "kWh",
    "blackout", "power outage", "air conditioning",
  ],
  "SECTOR:nong-nghiep-thuc-pham": [
    "nông nghiệp", "thực phẩm", "nông dân", "nông sản", "cây trồng", "trồng trọt", "chăn nuôi", "thủy sản",
    "nuôi trồng", "tưới tiêu", "tưới nước", "sâu bệnh", "phân bón", "thuốc bảo vệ thực vật", "hợp tác xã",
    "trang trại", "nhà kính", "truy xuất nguồn gốc", "an toàn thực phẩm", "rau sạch", "lúa gạo", "mùa vụ",
    "đồng ruộng", "agriculture", "agricultural", "farming", "farm", "farmer", "crop", "harvest", "irrigation",
    "livestock", "fishery", "aquaculture", "food safety", "food", "greenhouse", "fertiliser", "fertilizer",
    "pest", "traceability", "cooperative", "soil",
    "OCOP", "đặc sản", "nông thôn", "rural", "sản xuất nông nghiệp",
  ],
  "SECTOR:van-hoa-du-lich": [
    "văn hóa", "du lịch", "khách du lịch", "du khách", "di tích", "di sản", "bảo tàng", "lễ hội", "làng nghề",
    "điểm đến", "lưu trú", "khách sạn", "homestay", "tham quan", "thuyết minh", "hướng dẫn viên", "phố cổ",
    "nghệ thuật", "biểu diễn", "ẩm thực", "tourism", "tourist", "visitor", "travel", "heritage", "museum",
    "culture", "cultural", "festival", "hotel", "sightseeing", "attraction", "destination", "old quarter",
    "craft village", "tour guide",
  ],
  "SECTOR:an-ninh-an-toan": [
    "an ninh", "an ninh trật tự", "trật tự an toàn xã hội", "phòng cháy chữa cháy", "PCCC", "cháy nổ",
    "hỏa hoạn", "báo cháy", "chữa cháy", "đám cháy", "cứu hộ", "cứu nạn", "camera an ninh", "camera giám sát",
    "tội phạm", "công an", "cảnh sát", "trộm cắp", "lừa đảo", "an ninh mạng", "tấn công mạng", "khẩn cấp",
    "ứng phó sự cố", "thiên tai", "sơ tán", "public safety", "fire", "fire safety", "fire alarm",
    "firefighting", "smoke", "crime", "police", "emergency response", "rescue", "surveillance", "CCTV",
    "cybersecurity", "cyber attack", "fraud", "disaster", "evacuation", "~an toàn", "~security", "~safety",
    "mã độc", "ransomware", "malware", "tường lửa", "firewall", "DDoS", "phishing", "rò rỉ dữ liệu", "data breach", "endpoint", "zero trust", "threat", "mối đe dọa", "giả mạo", "hacker", "tin tặc",
  ],
  "SECTOR:quy-hoach-xay-dung": [
    "quy hoạch", "công trình", "công trình xây dựng", "công trường", "thi công", "giấy phép xây dựng",
    "nhà ở", "chung cư", "tòa nhà", "kết cấu", "cầu đường", "hạ tầng kỹ thuật", "đất đai", "địa chính",
    "bất động sản", "kiến trúc", "BIM", "nhà thầu", "vật liệu xây dựng", "ngành xây dựng", "dự án xây dựng",
    "urban planning", "city planning", "construction", "construction site", "building permit", "contractor",
    "architecture", "land use", "zoning", "real estate", "structural", "housing", "apartment", "bridge",
    "cadastre", "high-rise", "~xây dựng",
  ],
  "SECTOR:tai-chinh-thuong-mai": [
    "tài chính", "thương mại", "giao thương", "ngân hàng", "tín dụng", "khoản vay", "thanh toán", "nộp thuế",
    "cơ quan thuế", "bảo hiểm", "chứng khoán", "đầu tư", "bán lẻ", "bán hàng", "cửa hàng", "siêu thị",
    "chợ truyền thống", "xuất khẩu", "nhập khẩu", "hải quan", "doanh nghiệp nhỏ và vừa", "hộ kinh doanh",
    "tiểu thương", "hóa đơn", "ví điện tử", "chuỗi cung ứng", "kho bãi", "logistics", "công nghiệp",
    "khu công nghiệp", "doanh nghiệp sản xuất", "nhà máy", "finance", "financial", "trade", "banking", "bank",
    "loan", "credit", "payment", "tax", "insurance", "fintech", "retail", "merchant", "export", "import",
    "customs", "invoice", "e-commerce", "SME", "supply chain", "warehouse", "manufacturing", "factory",
    "industrial",
    "kế toán", "accounting", "ngân sách", "budget", "lệ phí", "thu phí", "fees", "giao dịch", "transaction", "rửa tiền", "money laundering", "AML", "hàng giả", "hàng nhái", "counterfeit", "quản lý thị trường", "OCOP", "đặc sản", "gian hàng", "storefront", "point of sale", "chuỗi lạnh", "cold chain", "kho hàng", "hàng hóa", "goods", "shop floor", "~sản xuất", "~production", "~máy móc", "~doanh nghiệp", "~enterprise", "~business",
  ],
  "SECTOR:lao-dong-xa-hoi": [
    "lao động", "việc làm", "người lao động", "tuyển dụng", "thất nghiệp", "bảo hiểm xã hội",
    "an sinh xã hội", "trợ cấp", "trợ cấp xã hội", "hộ nghèo", "cận nghèo", "người khuyết tật",
    "người cao tuổi", "người già", "trẻ em", "bảo vệ trẻ em", "bạo hành", "bạo lực gia đình", "người có công",
    "đối tượng chính sách", "công tác xã hội", "học nghề", "đào tạo nghề", "labour", "labor", "employment",
    "job", "jobs", "job seeker", "unemployment", "worker", "recruitment", "social welfare", "social security",
    "social worker", "welfare", "pension", "disability", "disabilities", "elderly", "older people",
    "child protection", "poverty", "vulnerable", "caregiver", "accessibility",
    "vocational", "reskilling", "upskilling", "công nhân", "cắt giảm lao động", "layoff", "giấy phép lao động", "work permit", "quyên góp", "từ thiện", "charity", "donation", "cứu trợ", "seniors", "senior citizens", "sống một mình", "living alone",
  ],
  "SECTOR:ha-tang-so": [
    "hạ tầng số", "chuyển đổi số", "số hóa", "cơ sở dữ liệu", "kho dữ liệu", "chia sẻ dữ liệu",
    "tích hợp dữ liệu", "dữ liệu dùng chung", "quản trị dữ liệu", "dữ liệu mở", "trung tâm dữ liệu",
    "điện toán đám mây", "viễn thông", "băng thông", "cáp quang", "wifi", "kết nối mạng", "an toàn thông tin",
    "chính phủ số", "chính quyền số", "kinh tế số", "nền tảng số", "digital transformation", "digitalisation",
    "digitization", "digital infrastructure", "data center", "data centre", "broadband", "telecom",
    "data governance", "data sharing", "interoperability", "open data", "cloud computing", "data platform",
    "master data", "~dữ liệu", "~data", "~internet", "~API",
    "5G", "mạng di động", "private network", "trí tuệ nhân tạo", "dữ liệu lớn", "big data", "nền tảng IoT",
  ],

  // ─── Technologies ──────────────────────────────────────────────────────
  "TECHNOLOGY:tri-tue-nhan-tao": [
    "AI", "học máy", "học sâu", "machine learning", "deep learning", "mạng nơ-ron", "neural network", "chatbot",
    "trợ lý ảo", "virtual assistant", "mô hình ngôn ngữ", "mô hình ngôn ngữ lớn", "LLM", "large language model",
    "xử lý ngôn ngữ tự nhiên", "NLP", "natural language processing", "nhận dạng giọng nói", "speech recognition",
    "speech-to-text", "học tăng cường", "reinforcement learning", "generative AI", "camera AI", "AI camera",
    "dự đoán", "predictive", "thuật toán", "algorithm", "~dự báo", "~forecast", "~forecasting", "~prediction",
    "~tối ưu", "~optimisation", "~optimization", "~thông minh", "~smart", "~intelligent",
  ],
  "TECHNOLOGY:iot": [
    "IoT", "cảm biến", "sensor", "thiết bị đo", "thiết bị thông minh", "kết nối không dây", "LoRa",
    "LoRaWAN", "NB-IoT", "Zigbee", "gateway", "đo từ xa", "giám sát từ xa", "remote monitoring", "telemetry",
    "thiết bị đeo", "wearable", "smart meter", "công tơ thông minh", "đồng hồ thông minh", "vòng đeo tay",
    "GPS", "thiết bị định vị", "RFID", "smart device", "connected device", "nhà thông minh", "smart home",
    "vòng từ", "~thiết bị", "~device",
  ],
  "TECHNOLOGY:gis": [
    "GIS", "bản đồ số", "bản đồ", "digital map", "map", "mapping", "WebGIS", "tọa độ", "dữ liệu không gian",
    "geospatial", "spatial data", "ảnh vệ tinh", "viễn thám", "remote sensing", "satellite imagery",
    "bản đồ nhiệt", "heatmap", "geolocation", "OpenStreetMap", "địa chính", "cadastral", "lớp bản đồ",
    "định vị", "location", "~vị trí",
  ],
  "TECHNOLOGY:du-lieu-lon": [
    "big data", "phân tích dữ liệu", "data analytics", "analytics", "kho dữ liệu", "data warehouse",
    "data lake", "hồ dữ liệu", "khai phá dữ liệu", "data mining", "dashboard", "bảng điều khiển",
    "báo cáo thống kê", "business intelligence", "trực quan hóa", "visualisation", "visualization",
    "dữ liệu thời gian thực", "real-time data", "tích hợp dữ liệu", "data integration", "ETL",
    "cơ sở dữ liệu", "database", "thống kê", "statistics", "nền tảng dữ liệu", "data platform",
    "~dữ liệu", "~data",
  ],
  "TECHNOLOGY:blockchain": [
    "chuỗi khối", "sổ cái phân tán", "distributed ledger", "hợp đồng thông minh", "smart contract", "NFT",
    "tiền mã hóa", "crypto", "cryptocurrency", "không thể sửa đổi", "immutable", "tamper-proof",
    "chống giả mạo", "Ethereum", "Hyperledger", "web3", "phi tập trung", "decentralised", "decentralized",
    "on-chain", "~minh bạch", "~transparent", "~transparency", "~truy xuất nguồn gốc", "~traceability",
  ],
  "TECHNOLOGY:dien-toan-dam-may": [
    "đám mây", "cloud", "SaaS", "PaaS", "IaaS", "máy chủ ảo", "virtual server", "ảo hóa", "virtualisation",
    "virtualization", "trung tâm dữ liệu", "data center", "data centre", "lưu trữ đám mây", "cloud storage",
    "hosting", "máy chủ", "server", "serverless", "Kubernetes", "container", "multi-tenant", "hybrid cloud",
    "private cloud", "public cloud", "điện toán biên", "edge computing", "~sao lưu", "~backup",
    "~subscription",
  ],
  "TECHNOLOGY:an-ninh-mang": [
    "an toàn thông tin", "cybersecurity", "cyber security", "bảo mật", "tấn công mạng", "cyber attack",
    "mã độc", "malware", "ransomware", "mã hóa", "encryption", "tường lửa", "firewall", "xâm nhập",
    "intrusion", "lỗ hổng", "vulnerability", "kiểm thử xâm nhập", "penetration testing", "pentest", "SOC",
    "lừa đảo trực tuyến", "phishing", "xác thực hai lớp", "two-factor", "MFA", "rò rỉ dữ liệu", "data breach",
    "DDoS", "network traffic", "lưu lượng mạng", "zero trust", "SIEM", "dữ liệu cá nhân", "personal data",
    "privacy", "~security",
  ],
  "TECHNOLOGY:uav": [
    "UAV", "drone", "máy bay không người lái", "flycam", "bay khảo sát", "aerial", "aerial imagery",
    "không ảnh", "ảnh hàng không", "photogrammetry", "LiDAR", "bay chụp", "khảo sát từ trên không",
    "quadcopter", "unmanned aerial", "phun thuốc", "~flight", "~đường bay",
  ],
  "TECHNOLOGY:robot": [
    "robot", "rô-bốt", "robotics", "tự động hóa", "automation", "dây chuyền tự động", "cánh tay robot",
    "robot arm", "cobot", "robot cộng tác", "PLC", "SCADA", "điều khiển tự động", "automatic control",
    "xe tự hành", "AGV", "autonomous", "RPA", "robotic process automation", "nhà máy thông minh",
    "smart factory", "dây chuyền sản xuất", "production line", "cơ điện tử", "mechatronics", "~tự động",
    "~automated", "~automatic",
  ],
  "TECHNOLOGY:ban-sao-so": [
    "digital twin", "song sinh số", "bản sao kỹ thuật số", "mô hình 3D", "3D model", "mô phỏng",
    "simulation", "simulate", "BIM", "mô hình thông tin công trình", "building information modelling",
    "building information modeling", "mô hình số", "3D", "virtual replica", "mô hình hóa", "what-if",
    "~kịch bản", "~scenario",
  ],
  "TECHNOLOGY:nen-tang-chinh-quyen-so": [
    "chính quyền số", "chính phủ điện tử", "chính phủ số", "e-government", "dịch vụ công trực tuyến",
    "cổng dịch vụ công", "một cửa điện tử", "hệ thống một cửa", "quản lý văn bản", "văn bản điện tử",
    "hồ sơ điện tử", "điều hành tác nghiệp", "trục liên thông", "liên thông", "LGSP", "phản ánh hiện trường",
    "cổng thông tin điện tử", "e-office", "văn phòng điện tử", "online public services", "digital government",
    "government portal", "citizen portal", "document management", "thủ tục trực tuyến", "số hóa hồ sơ",
    "~quy trình điện tử", "~workflow",
  ],
  "TECHNOLOGY:thi-giac-may-tinh": [
    "thị giác máy", "computer vision", "machine vision", "camera AI", "AI camera", "nhận dạng hình ảnh",
    "nhận diện hình ảnh", "image recognition", "nhận dạng khuôn mặt", "nhận diện khuôn mặt",
    "face recognition", "facial recognition", "nhận dạng biển số", "license plate recognition", "ANPR", "LPR",
    "phân tích video", "video analytics", "xử lý ảnh", "image processing", "phát hiện vật thể",
    "object detection", "OCR", "nhận dạng ký tự", "phân tích hình ảnh", "camera", "camera giám sát", "CCTV",
    "~nhận diện", "~nhận dạng", "~video", "~hình ảnh", "~image",
  ],
  "TECHNOLOGY:5g": [
    "5G", "4G", "LTE", "mạng di động", "mobile network", "viễn thông", "telecom", "telecommunications",
    "trạm phát sóng", "base station", "băng thông rộng", "broadband", "độ trễ thấp", "low latency",
    "private network", "private 5G", "network slicing", "phủ sóng", "coverage", "wifi", "cáp quang", "fibre",
    "fiber", "sóng di động", "~kết nối tốc độ cao", "~high-speed",
  ],
  "TECHNOLOGY:du-lieu-mo-api": [
    "dữ liệu mở", "open data", "API", "cổng dữ liệu", "data portal", "chia sẻ dữ liệu", "data sharing",
    "liên thông dữ liệu", "kết nối hệ thống", "interoperability", "REST", "webhook", "SDK",
    "dữ liệu dùng chung", "shared data", "dataset", "bộ dữ liệu", "machine-readable", "trục tích hợp",
    "nền tảng tích hợp", "open API", "JSON", "~tích hợp", "~integration",
  ],
  "TECHNOLOGY:ar-vr": [
    "AR", "VR", "XR", "thực tế ảo", "thực tế tăng cường", "virtual reality", "augmented reality",
    "mixed reality", "thực tế hỗn hợp", "metaverse", "kính thực tế ảo", "headset", "tham quan ảo",
    "virtual tour", "360 độ", "trải nghiệm nhập vai", "immersive", "hologram", "thực tế mở rộng", "sa bàn ảo",
    "~3D",
  ],
  "TECHNOLOGY:dinh-danh-so-chu-ky-so": [
    "định danh điện tử", "chữ ký số", "chữ ký điện tử", "digital signature", "e-signature",
    "electronic signature", "digital identity", "eID", "VNeID", "căn cước", "căn cước công dân", "CCCD",
    "xác thực", "authentication", "sinh trắc học", "biometric", "eKYC", "KYC", "định danh",
    "identity verification", "chứng thư số", "PKI", "ký số", "single sign-on", "SSO", "đăng nhập một lần",
    "mã định danh", "chứng chỉ số", "văn bằng số", "~certificate",
  ],
  "TECHNOLOGY:nang-luong-tai-tao": [
    "năng lượng tái tạo", "điện mặt trời", "năng lượng mặt trời", "tấm pin", "pin mặt trời",
    "điện mặt trời áp mái", "điện gió", "solar", "solar panel", "rooftop solar", "photovoltaic", "PV",
    "wind turbine", "lưu trữ năng lượng", "pin lưu trữ", "battery", "battery storage", "BESS",
    "energy storage", "inverter", "biến tần", "xe điện", "electric vehicle", "EV", "trạm sạc", "charging",
    "hydrogen", "sinh khối", "biomass", "biogas", "khí sinh học", "tiết kiệm năng lượng", "energy efficiency",
    "microgrid", "lưới điện thông minh", "smart grid", "net zero",
  ],
  "TECHNOLOGY:cong-nghe-moi-truong": [
    "xử lý nước", "xử lý nước thải", "nước thải", "wastewater", "water treatment", "lọc nước",
    "water filtration", "quan trắc môi trường", "quan trắc không khí", "cảm biến không khí",
    "air quality monitoring", "xử lý rác", "xử lý chất thải", "waste treatment", "đốt rác",
    "phát điện từ rác", "waste-to-energy", "compost", "phân hủy sinh học", "biodegradable", "tái chế",
    "recycling", "lọc bụi", "màng lọc", "membrane", "khử trùng", "disinfection", "bùn thải", "sludge",
    "desalination", "công nghệ xanh", "green technology", "phân loại rác", "waste sorting", "~quan trắc",
  ],

  // ─── Business needs ────────────────────────────────────────────────────
  "BUSINESS_NEED:hoa-don-dien-tu": [
    "hóa đơn", "e-invoice", "e-invoicing", "electronic invoice", "invoice", "invoicing", "xuất hóa đơn",
    "phát hành hóa đơn", "hóa đơn VAT", "VAT", "máy tính tiền", "cash register", "kê khai thuế",
    "tax declaration", "tra cứu hóa đơn", "biên lai điện tử", "e-receipt", "chứng từ điện tử", "~thuế",
    "~tax", "~receipt",
  ],
  "BUSINESS_NEED:ke-toan": [
    "kế toán", "accounting", "sổ sách kế toán", "bookkeeping", "báo cáo tài chính", "financial statements",
    "kế toán viên", "accountant", "phần mềm kế toán", "accounting software", "công nợ", "accounts receivable",
    "accounts payable", "thu chi", "dòng tiền", "cash flow", "quyết toán thuế", "sổ quỹ", "ngân sách",
    "budget", "bảng cân đối", "balance sheet", "ERP", "kiểm toán", "audit", "~chi phí", "~expense",
  ],
  "BUSINESS_NEED:ban-hang-quan-ly-cua-hang": [
    "bán hàng", "quản lý cửa hàng", "cửa hàng", "POS", "point of sale", "phần mềm bán hàng", "sales", "store",
    "shop", "retail", "bán lẻ", "tạp hóa", "quán ăn", "nhà hàng", "quán cà phê", "restaurant", "cafe",
    "gọi món", "đơn hàng", "thực đơn", "menu", "chuỗi cửa hàng", "khuyến mãi", "promotion", "thu ngân",
    "cashier", "mã vạch", "barcode", "hộ kinh doanh", "household business",
  ],
  "BUSINESS_NEED:nhan-su-tien-luong": [
    "nhân sự", "tiền lương", "bảng lương", "tính lương", "payroll", "HR", "human resources", "nhân viên",
    "employee", "chấm công", "timekeeping", "attendance", "ca làm", "shift", "nghỉ phép", "tuyển dụng",
    "recruitment", "hợp đồng lao động", "employment contract", "bảo hiểm xã hội", "social insurance", "KPI",
    "đánh giá hiệu suất", "performance review", "onboarding", "HRM", "~staff",
  ],
  "BUSINESS_NEED:an-toan-thong-tin": [
    "an ninh mạng", "cybersecurity", "cyber security", "bảo mật", "mã độc", "virus", "ransomware",
    "sao lưu dữ liệu", "backup", "tường lửa", "firewall", "mật khẩu", "password", "lừa đảo", "phishing",
    "rò rỉ dữ liệu", "data breach", "tấn công mạng", "cyber attack", "hacker", "tin tặc", "diệt virus",
    "antivirus", "mã hóa", "encryption", "xác thực hai lớp", "two-factor", "bảo vệ dữ liệu",
    "data protection", "~security",
  ],
  "BUSINESS_NEED:hien-dien-truc-tuyen": [
    "website", "trang web", "web", "thiết kế website", "tên miền", "domain", "SEO", "fanpage", "mạng xã hội",
    "social media", "Facebook", "Zalo", "TikTok", "Google Maps", "quảng cáo trực tuyến", "online advertising",
    "digital marketing", "tiếp thị số", "marketing", "landing page", "trang đích", "blog",
    "đánh giá trực tuyến", "online reviews", "email marketing", "thương hiệu", "branding", "~online",
    "~trực tuyến",
  ],
  "BUSINESS_NEED:thuong-mai-dien-tu": [
    "e-commerce", "ecommerce", "sàn thương mại điện tử", "bán hàng trực tuyến", "bán hàng online",
    "online store", "online shop", "cửa hàng trực tuyến", "Shopee", "Lazada", "Tiki", "TikTok Shop",
    "livestream", "đơn hàng trực tuyến", "online order", "giỏ hàng", "shopping cart", "checkout", "giao hàng",
    "delivery", "shipping", "marketplace", "đặt hàng", "dropshipping", "omnichannel", "đa kênh",
    "online marketplace", "~vận chuyển",
  ],
  "BUSINESS_NEED:chu-ky-so": [
    "chữ ký số", "digital signature", "chữ ký điện tử", "e-signature", "electronic signature", "ký số",
    "ký điện tử", "USB token", "chứng thư số", "digital certificate", "ký từ xa", "remote signing",
    "hợp đồng điện tử", "e-contract", "electronic contract", "chứng thực chữ ký số", "ký số từ xa", "SmartCA",
    "PKI", "ký văn bản", "e-sign", "~token",
  ],
  "BUSINESS_NEED:quan-ly-khach-hang-crm": [
    "CRM", "quản lý khách hàng", "customer relationship", "khách hàng", "customer", "chăm sóc khách hàng",
    "customer service", "customer care", "khách hàng tiềm năng", "leads", "telesales", "tổng đài",
    "call center", "call centre", "contact center", "hotline", "chatbot", "phiếu hỗ trợ", "loyalty",
    "khách hàng thân thiết", "tích điểm", "phản hồi khách hàng", "customer feedback", "Zalo OA",
    "omnichannel", "email marketing", "sales pipeline", "cơ hội bán hàng",
  ],
  "BUSINESS_NEED:thanh-toan-khong-tien-mat": [
    "thanh toán không dùng tiền mặt", "cashless", "cashless payment", "thanh toán điện tử", "thanh toán số",
    "e-payment", "digital payment", "mobile payment", "ví điện tử", "e-wallet", "mã QR", "QR code", "VietQR",
    "QR", "chuyển khoản", "bank transfer", "cổng thanh toán", "payment gateway", "thẻ ngân hàng",
    "card payment", "MoMo", "ZaloPay", "VNPay", "thanh toán", "payment", "contactless", "NFC",
    "thanh toán trực tuyến", "online payment",
  ],
  "BUSINESS_NEED:luu-tru-dam-may-lam-viec-nhom": [
    "lưu trữ đám mây", "làm việc nhóm", "cloud storage", "collaboration", "cộng tác", "làm việc từ xa",
    "remote work", "chia sẻ tài liệu", "file sharing", "document sharing", "Google Drive", "Google Workspace",
    "Microsoft 365", "Office 365", "OneDrive", "Dropbox", "email doanh nghiệp", "business email",
    "họp trực tuyến", "video conference", "online meeting", "Zoom", "quản lý công việc", "task management",
    "quản lý dự án", "project management", "sao lưu", "backup", "đồng bộ", "văn phòng số", "shared calendar",
  ],
  "BUSINESS_NEED:quan-ly-kho-hang": [
    "quản lý kho", "kho hàng", "inventory", "inventory management", "tồn kho", "stock", "xuất nhập kho",
    "nhập kho", "xuất kho", "kiểm kê", "stocktaking", "warehouse", "WMS", "warehouse management", "mã vạch",
    "barcode", "RFID", "hàng tồn", "hạn sử dụng", "expiry", "lô hàng", "SKU", "nhà cung cấp", "supplier",
    "purchase order", "kho bãi",
  ],
};

/**
 * Phrases whose words mean something else than the keywords inside them:
 * they hide those keywords in every kind ("machine learning" is not
 * education's "learning", "hoá đơn tiền điện" is not an e-invoice, and
 * unaccented "cong tac xa hoi" is not "cộng tác").
 */
export const BLOCKING_PHRASES: string[] = [
  "machine learning", "deep learning", "reinforcement learning", "network traffic", "hóa đơn tiền điện",
  "hóa đơn tiền nước", "data warehouse", "công tác xã hội", "lưu trữ", "tiền mã hóa", "video conference",
  "business intelligence", "payment gateway", "social security", "mạng xã hội", "license plate",
  "air conditioning", "chăm sóc", "vật liệu", "thực vật", "phát hiện vật thể", "electric vehicle",
  "robot cộng tác", "giao thương", "public safety", "food delivery",
];

// ─── Matching machinery ──────────────────────────────────────────────────

interface PatternWord {
  /** Folded and plural-stripped. */
  key: string;
  /** Diacritic signature when the keyword spells the word with marks, else "". */
  marks: string;
  /** Must be written with capitals in the text. */
  capitals: boolean;
}

interface Pattern {
  words: PatternWord[];
  weight: number;
  /** Term keys ("KIND:slug") that list this phrase. */
  terms: Set<string>;
}

interface TextWord {
  token: Token;
  key: string;
  marks: string;
  upperCount: number;
  /** 0 title, 1 body. */
  part: number;
  text: string;
}

/** Reduce English plurals; Vietnamese syllables never end in "s". */
function stem(folded: string): string {
  if (folded.length <= 3 || !/^[a-z]+$/.test(folded)) return folded;
  if (folded.endsWith("ies")) return `${folded.slice(0, -3)}y`;
  if (folded.endsWith("s") && !/(ss|us|is)$/.test(folded)) return folded.slice(0, -1);
  return folded;
}

/**
 * The diacritics of a word regardless of where the tone mark sits, so "hoá"
 * and "hóa", "thuỷ" and "thủy" agree, while "thông" and "thương" differ.
 */
function markSignature(word: string): string {
  const marks = word.normalize("NFD").match(/\p{M}/gu) ?? [];
  const stroke = /[đĐ]/.test(word) ? "đ" : "";
  return stroke + [...marks].sort().join("");
}

function countUpper(word: string): number {
  return word.match(/\p{Lu}/gu)?.length ?? 0;
}

function isAcronym(word: string): boolean {
  return countUpper(word) >= 2 || /^(?=.*\p{Lu})[\p{Lu}\d]{2,}$/u.test(word);
}

function compileWords(phrase: string): PatternWord[] {
  const nfc = phrase.normalize("NFC");
  return tokenize(nfc).map((token) => {
    const asWritten = nfc.slice(token.start, token.end);
    return {
      key: stem(token.folded),
      marks: markSignature(token.exact),
      capitals: isAcronym(asWritten) && !/\d/.test(asWritten),
    };
  });
}

function phraseWeight(words: PatternWord[], phrase: string): number {
  const letters = words.reduce((sum, word) => sum + word.key.length, 0);
  let weight = Math.min(2.5, Math.max(words.length > 1 ? 1.1 : 0.6, Math.sqrt(letters) / 2));
  if (words.length === 1 && isAcronym(phrase.trim())) weight = Math.max(weight, ACRONYM_WEIGHT);
  return weight;
}

/** "Trí tuệ nhân tạo (AI)" → ["Trí tuệ nhân tạo", "AI"]. */
export function namePhrases(name: string): string[] {
  const phrases: string[] = [];
  const outside = name.replace(/\(([^)]*)\)/g, (_, inner: string) => {
    phrases.push(inner);
    return " ";
  });
  phrases.unshift(outside);
  return phrases.map((phrase) => phrase.trim()).filter((phrase) => phrase !== "");
}

export function termKey(term: Pick<TaxonomyTermInput, "kind" | "slug">): string {
  return `${term.kind}:${term.slug}`;
}

function readWords(text: string, part: number): TextWord[] {
  const nfc = text.normalize("NFC");
  return tokenize(nfc).map((token) => {
    const asWritten = nfc.slice(token.start, token.end);
    return {
      token,
      key: stem(token.folded),
      marks: token.exact === token.folded ? "" : markSignature(token.exact),
      upperCount: countUpper(asWritten),
      part,
      text: nfc,
    };
  });
}

function wordMatches(word: TextWord, pattern: PatternWord): boolean {
  if (word.key !== pattern.key) return false;
  // Written without diacritics: any spelling matches. With: they must agree.
  if (word.marks !== "" && word.marks !== pattern.marks) return false;
  if (pattern.capitals && word.upperCount < 2) return false;
  return true;
}

interface Hit {
  pattern: Pattern;
  count: number;
  inTitle: boolean;
  evidence: string;
}

// ─── Learned component ───────────────────────────────────────────────────

const LEARNED_STOP = new Set([
  "va", "cua", "cac", "nhung", "la", "cho", "voi", "trong", "duoc", "co", "nay", "de", "tai", "ve", "den", "khi",
  "the", "a", "an", "and", "or", "of", "for", "to", "in", "on", "with", "by", "at", "from", "is", "are", "mot",
  "khong", "nguoi", "da", "dang", "se", "theo", "tu", "tren", "nhu", "thi", "ma", "it", "that", "this", "be",
]);

function learnedFeatures(text: string): Set<string> {
  const words = tokenize(text)
    .map((token) => token.folded)
    .filter((word) => !/^\d+$/.test(word));
  const features = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (!LEARNED_STOP.has(word) && word.length > 1) features.add(word);
    const next = words[i + 1];
    if (next !== undefined) features.add(`${word} ${next}`);
  }
  return features;
}

interface LearnedModel {
  /** Term key → feature → smoothed log-odds (positive only). */
  logOdds: Map<string, Map<string, number>>;
}

export interface TrainingExample {
  text: string;
  /** Bare slugs or "KIND:slug". */
  slugs: string[];
}

// ─── The classifier ──────────────────────────────────────────────────────

export class TaxonomyClassifier {
  private readonly terms = new Map<string, TaxonomyTermInput>();
  /** Per kind: folded first word → patterns, longest first. */
  private readonly indexes = new Map<TaxonomyTermInput["kind"], Map<string, Pattern[]>>();
  private learned: LearnedModel | null = null;
  /** How much one unit of learned log-odds evidence counts against the lexicon. */
  learnedWeight = 0.1;

  constructor(terms: TaxonomyTermInput[], options: { keywords?: Record<string, string[]> } = {}) {
    const keywords = options.keywords ?? TERM_KEYWORDS;
    const patternsByKind = new Map<TaxonomyTermInput["kind"], Map<string, Pattern>>();
    const add = (kind: TaxonomyTermInput["kind"], raw: string, term: string | null) => {
      const weak = raw.startsWith("~");
      const phrase = weak ? raw.slice(1) : raw;
      const words = compileWords(phrase);
      if (words.length === 0) return;
      const weight = phraseWeight(words, phrase) * (weak ? WEAK_FACTOR : 1);
      // One pattern per spelling and weight: the same phrase can be weak for
      // one term and strong for another.
      const id = `${words.map((word) => `${word.key}/${word.marks}/${word.capitals ? 1 : 0}`).join(" ")}#${term === null ? "block" : weight}`;
      const patterns = patternsByKind.get(kind) ?? new Map<string, Pattern>();
      patternsByKind.set(kind, patterns);
      const pattern = patterns.get(id) ?? { words, weight, terms: new Set<string>() };
      if (term !== null) pattern.terms.add(term);
      patterns.set(id, pattern);
    };
    for (const term of terms) {
      const key = termKey(term);
      this.terms.set(key, term);
      const phrases = [...namePhrases(term.nameVi), ...namePhrases(term.nameEn), ...(keywords[key] ?? [])];
      for (const phrase of phrases) add(term.kind, phrase, key);
    }
    for (const kind of patternsByKind.keys()) for (const phrase of BLOCKING_PHRASES) add(kind, phrase, null);
    for (const [kind, patterns] of patternsByKind) {
      const index = new Map<string, Pattern[]>();
      for (const pattern of patterns.values()) {
        const first = pattern.words[0]!.key;
        const list = index.get(first) ?? [];
        list.push(pattern);
        index.set(first, list);
      }
      for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
      this.indexes.set(kind, index);
    }
  }

  /**
   * Finds one kind's keyword phrases, longest first at each position, and
   * groups them by term. Kinds are matched separately so that a technology
   * phrase ("năng lượng tái tạo") does not hide the sector inside it
   * ("năng lượng"); BLOCKING_PHRASES hide what they contain in every kind.
   */
  private match(words: TextWord[], index: Map<string, Pattern[]>, hits: Map<string, Map<Pattern, Hit>>): void {
    let i = 0;
    while (i < words.length) {
      const candidates = index.get(words[i]!.key) ?? [];
      let length = 0;
      for (const pattern of candidates) {
        const n = pattern.words.length;
        if (length > 0 && n < length) break;
        if (i + n > words.length) continue;
        let ok = true;
        for (let k = 0; k < n && ok; k++) {
          const word = words[i + k]!;
          ok = word.part === words[i]!.part && wordMatches(word, pattern.words[k]!);
        }
        if (!ok) continue;
        length = n;
        const first = words[i]!;
        const last = words[i + n - 1]!;
        const evidence = first.text.slice(first.token.start, last.token.end);
        for (const term of pattern.terms) {
          const termHits = hits.get(term) ?? new Map<Pattern, Hit>();
          const hit = termHits.get(pattern);
          if (hit) {
            hit.count++;
            hit.inTitle ||= first.part === 0;
          } else {
            termHits.set(pattern, { pattern, count: 1, inTitle: first.part === 0, evidence });
          }
          hits.set(term, termHits);
        }
      }
      i += length > 0 ? length : 1;
    }
  }

  classify(input: ClassifyInput, options: ClassifyOptions = {}): Classification[] {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
    const kinds = options.kinds ? new Set(options.kinds) : null;
    const title = typeof input === "string" ? "" : (input.title ?? "");
    const body = typeof input === "string" ? input : (input.body ?? "");
    const words = [...readWords(title, 0), ...readWords(body, 1)];
    if (words.length === 0) return [];

    const hits = new Map<string, Map<Pattern, Hit>>();
    for (const [kind, index] of this.indexes) if (!kinds || kinds.has(kind)) this.match(words, index, hits);
    const scores = new Map<string, { score: number; evidence: { phrase: string; weight: number }[] }>();
    for (const [key, termHits] of hits) {
      let score = 0;
      const evidence: { phrase: string; weight: number }[] = [];
      for (const hit of termHits.values()) {
        const contribution =
          hit.pattern.weight * (1 + 0.5 * Math.log2(hit.count)) * (hit.inTitle && title !== "" ? TITLE_BOOST : 1);
        score += contribution;
        evidence.push({ phrase: hit.evidence, weight: contribution });
      }
      scores.set(key, { score, evidence });
    }

    if (this.learned) {
      const features = learnedFeatures(`${title}\n${body}`);
      for (const [key, table] of this.learned.logOdds) {
        let learned = 0;
        for (const feature of features) learned += table.get(feature) ?? 0;
        if (learned <= 0) continue;
        const entry = scores.get(key) ?? { score: 0, evidence: [] };
        entry.score += this.learnedWeight * learned;
        scores.set(key, entry);
      }
    }

    const byKind = new Map<TaxonomyTermInput["kind"], Classification[]>();
    for (const [key, { score, evidence }] of scores) {
      const term = this.terms.get(key);
      if (!term || (kinds && !kinds.has(term.kind)) || !(score > minScore)) continue;
      const list = byKind.get(term.kind) ?? [];
      list.push({
        kind: term.kind,
        slug: term.slug,
        score: Math.round(score * 1000) / 1000,
        evidence: [...new Set(evidence.sort((a, b) => b.weight - a.weight).map((item) => item.phrase))],
      });
      byKind.set(term.kind, list);
    }
    const results: Classification[] = [];
    for (const list of byKind.values()) {
      list.sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug));
      results.push(...list.slice(0, limit));
    }
    return results.sort((a, b) => b.score - a.score || a.slug.localeCompare(b.slug));
  }

  /**
   * Learns, per term, the smoothed log-odds of folded words and word pairs in
   * labelled texts, added to the lexicon score (× `learnedWeight`). Only
   * positive evidence is used, so a term with no training data keeps its
   * lexicon score. Calling it again replaces the previous model.
   */
  train(examples: TrainingExample[]): void {
    const alpha = 0.5;
    const featureSets = examples.map((example) => learnedFeatures(example.text));
    const labels = examples.map((example) => this.resolveLabels(example.slugs));
    const total = new Map<string, number>();
    for (const features of featureSets) for (const f of features) total.set(f, (total.get(f) ?? 0) + 1);
    const logOdds = new Map<string, Map<string, number>>();
    for (const key of this.terms.keys()) {
      const positives: number[] = [];
      labels.forEach((set, index) => {
        if (set.has(key)) positives.push(index);
      });
      if (positives.length === 0) continue;
      const negatives = examples.length - positives.length;
      const inTerm = new Map<string, number>();
      for (const index of positives) for (const f of featureSets[index]!) inTerm.set(f, (inTerm.get(f) ?? 0) + 1);
      const table = new Map<string, number>();
      for (const [feature, count] of inTerm) {
        if (count < 2) continue; // seen once: too likely to be a proper noun or an accident
        const other = (total.get(feature) ?? 0) - count;
        const pIn = (count + alpha) / (positives.length + 2 * alpha);
        const pOut = (other + alpha) / (negatives + 2 * alpha);
        const value = Math.log(pIn / pOut);
        if (value > 0) table.set(feature, value);
      }
      logOdds.set(key, table);
    }
    this.learned = { logOdds };
  }

  private resolveLabels(slugs: string[]): Set<string> {
    const keys = new Set<string>();
    for (const slug of slugs) {
      if (this.terms.has(slug)) keys.add(slug);
      else for (const [key, term] of this.terms) if (term.slug === slug) keys.add(key);
    }
    return keys;
  }
}
