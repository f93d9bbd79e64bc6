/**
 * Taxonomy seed data for Hanoi Tech Exchange (Sàn Giao dịch Công nghệ Hà Nội).
 *
 * Pure data, no imports. Three kinds of terms:
 *  - SECTOR: city sectors used to classify major problems and offers;
 *  - TECHNOLOGY: technology fields;
 *  - BUSINESS_NEED: needs of businesses and household businesses shopping in
 *    the digital-transformation market (Chợ chuyển đổi số).
 *
 * Slugs are lower-case ASCII kebab-case and unique within each kind.
 */

export type SeedTermKind = "SECTOR" | "TECHNOLOGY" | "BUSINESS_NEED";

export interface SeedTerm {
  kind: SeedTermKind;
  /** Lower-case ASCII kebab-case, unique per kind. */
  slug: string;
  nameVi: string;
  nameEn: string;
}

const sectors: SeedTerm[] = [
  { kind: "SECTOR", slug: "giao-thong", nameVi: "Giao thông", nameEn: "Transport" },
  { kind: "SECTOR", slug: "moi-truong", nameVi: "Môi trường", nameEn: "Environment" },
  { kind: "SECTOR", slug: "y-te", nameVi: "Y tế", nameEn: "Health" },
  { kind: "SECTOR", slug: "giao-duc", nameVi: "Giáo dục", nameEn: "Education" },
  { kind: "SECTOR", slug: "hanh-chinh-cong", nameVi: "Hành chính công", nameEn: "Public administration" },
  { kind: "SECTOR", slug: "trat-tu-do-thi", nameVi: "Trật tự đô thị", nameEn: "Urban order" },
  { kind: "SECTOR", slug: "cap-thoat-nuoc", nameVi: "Cấp thoát nước", nameEn: "Water supply and drainage" },
  { kind: "SECTOR", slug: "nang-luong", nameVi: "Năng lượng", nameEn: "Energy" },
  {
    kind: "SECTOR",
    slug: "nong-nghiep-thuc-pham",
    nameVi: "Nông nghiệp và thực phẩm",
    nameEn: "Agriculture and food",
  },
  { kind: "SECTOR", slug: "van-hoa-du-lich", nameVi: "Văn hóa và du lịch", nameEn: "Culture and tourism" },
  {
    kind: "SECTOR",
    slug: "an-ninh-an-toan",
    nameVi: "An ninh, an toàn",
    nameEn: "Public safety and security",
  },
  {
    kind: "SECTOR",
    slug: "quy-hoach-xay-dung",
    nameVi: "Quy hoạch và xây dựng",
    nameEn: "Planning and construction",
  },
  {
    kind: "SECTOR",
    slug: "tai-chinh-thuong-mai",
    nameVi: "Tài chính và thương mại",
    nameEn: "Finance and trade",
  },
  {
    kind: "SECTOR",
    slug: "lao-dong-xa-hoi",
    nameVi: "Lao động và xã hội",
    nameEn: "Labour and social affairs",
  },
  {
    kind: "SECTOR",
    slug: "ha-tang-so",
    nameVi: "Hạ tầng số và chuyển đổi số",
    nameEn: "Digital infrastructure and transformation",
  },
];

const technologies: SeedTerm[] = [
  {
    kind: "TECHNOLOGY",
    slug: "tri-tue-nhan-tao",
    nameVi: "Trí tuệ nhân tạo (AI)",
    nameEn: "Artificial intelligence (AI)",
  },
  { kind: "TECHNOLOGY", slug: "iot", nameVi: "Internet vạn vật (IoT)", nameEn: "Internet of Things (IoT)" },
  {
    kind: "TECHNOLOGY",
    slug: "gis",
    nameVi: "Hệ thống thông tin địa lý (GIS)",
    nameEn: "Geographic information systems (GIS)",
  },
  { kind: "TECHNOLOGY", slug: "du-lieu-lon", nameVi: "Dữ liệu lớn", nameEn: "Big data" },
  { kind: "TECHNOLOGY", slug: "blockchain", nameVi: "Chuỗi khối (blockchain)", nameEn: "Blockchain" },
  { kind: "TECHNOLOGY", slug: "dien-toan-dam-may", nameVi: "Điện toán đám mây", nameEn: "Cloud computing" },
  { kind: "TECHNOLOGY", slug: "an-ninh-mang", nameVi: "An ninh mạng", nameEn: "Cybersecurity" },
  {
    kind: "TECHNOLOGY",
    slug: "uav",
    nameVi: "Thiết bị bay không người lái (UAV)",
    nameEn: "Drones (UAV)",
  },
  { kind: "TECHNOLOGY", slug: "robot", nameVi: "Robot và tự động hóa", nameEn: "Robotics and automation" },
  { kind: "TECHNOLOGY", slug: "ban-sao-so", nameVi: "Bản sao số (digital twin)", nameEn: "Digital twin" },
  {
    kind: "TECHNOLOGY",
    slug: "nen-tang-chinh-quyen-so",
    nameVi: "Nền tảng chính quyền số",
    nameEn: "E-government platforms",
  },
  { kind: "TECHNOLOGY", slug: "thi-giac-may-tinh", nameVi: "Thị giác máy tính", nameEn: "Computer vision" },
  { kind: "TECHNOLOGY", slug: "5g", nameVi: "Mạng 5G", nameEn: "5G networks" },
  { kind: "TECHNOLOGY", slug: "du-lieu-mo-api", nameVi: "Dữ liệu mở và API", nameEn: "Open data and APIs" },
  {
    kind: "TECHNOLOGY",
    slug: "ar-vr",
    nameVi: "Thực tế tăng cường và thực tế ảo (AR/VR)",
    nameEn: "Augmented and virtual reality (AR/VR)",
  },
  {
    kind: "TECHNOLOGY",
    slug: "dinh-danh-so-chu-ky-so",
    nameVi: "Định danh điện tử và chữ ký số",
    nameEn: "Digital identity and e-signature",
  },
  {
    kind: "TECHNOLOGY",
    slug: "nang-luong-tai-tao",
    nameVi: "Năng lượng tái tạo và lưu trữ năng lượng",
    nameEn: "Renewable energy and energy storage",
  },
  {
    kind: "TECHNOLOGY",
    slug: "cong-nghe-moi-truong",
    nameVi: "Công nghệ môi trường và xử lý nước",
    nameEn: "Environmental and water treatment technology",
  },
];

const businessNeeds: SeedTerm[] = [
  { kind: "BUSINESS_NEED", slug: "hoa-don-dien-tu", nameVi: "Hóa đơn điện tử", nameEn: "E-invoicing" },
  { kind: "BUSINESS_NEED", slug: "ke-toan", nameVi: "Kế toán", nameEn: "Accounting" },
  {
    kind: "BUSINESS_NEED",
    slug: "ban-hang-quan-ly-cua-hang",
    nameVi: "Bán hàng và quản lý cửa hàng",
    nameEn: "Sales and store management (POS)",
  },
  {
    kind: "BUSINESS_NEED",
    slug: "nhan-su-tien-luong",
    nameVi: "Quản lý nhân sự và tiền lương",
    nameEn: "HR and payroll",
  },
  { kind: "BUSINESS_NEED", slug: "an-toan-thong-tin", nameVi: "An toàn thông tin", nameEn: "Cybersecurity" },
  {
    kind: "BUSINESS_NEED",
    slug: "hien-dien-truc-tuyen",
    nameVi: "Hiện diện trực tuyến và website",
    nameEn: "Online presence and websites",
  },
  { kind: "BUSINESS_NEED", slug: "thuong-mai-dien-tu", nameVi: "Thương mại điện tử", nameEn: "E-commerce" },
  { kind: "BUSINESS_NEED", slug: "chu-ky-so", nameVi: "Chữ ký số", nameEn: "Digital signatures" },
  {
    kind: "BUSINESS_NEED",
    slug: "quan-ly-khach-hang-crm",
    nameVi: "Quản lý khách hàng (CRM)",
    nameEn: "Customer relationship management (CRM)",
  },
  {
    kind: "BUSINESS_NEED",
    slug: "thanh-toan-khong-tien-mat",
    nameVi: "Thanh toán không tiền mặt",
    nameEn: "Cashless payments",
  },
  {
    kind: "BUSINESS_NEED",
    slug: "luu-tru-dam-may-lam-viec-nhom",
    nameVi: "Lưu trữ đám mây và làm việc nhóm",
    nameEn: "Cloud storage and collaboration",
  },
  {
    kind: "BUSINESS_NEED",
    slug: "quan-ly-kho-hang",
    nameVi: "Quản lý kho hàng",
    nameEn: "Inventory management",
  },
];

export const seedTerms: SeedTerm[] = [...sectors, ...technologies, ...businessNeeds];
