// Reads a sector as people write it in an imported file ("Giao thông vận
// tải", "Y te", "Transport", "PCCC", "Water supply") into a taxonomy slug.
// Only labels that name one sector without doubt are listed: a label such as
// "Đất đai" or "Kinh tế số" could belong to two sectors, so it is left to
// the classifier, which reads the whole text.
import { fold } from "../text.ts";

export interface SectorName {
  slug: string;
  nameVi: string;
  nameEn: string;
}

// Usual department and field names in Vietnamese and English, by sector.
export const SECTOR_LABEL_ALIASES: Record<string, string[]> = {
  "giao-thong": [
    "giao thông",
    "giao thông vận tải",
    "giao thông đô thị",
    "vận tải",
    "vận tải công cộng",
    "transport",
    "transportation",
    "traffic",
    "mobility",
    "public transport",
  ],
  "moi-truong": [
    "môi trường",
    "tài nguyên và môi trường",
    "tài nguyên môi trường",
    "environment",
    "environmental",
    "natural resources and environment",
    "pollution",
    "ô nhiễm",
    "rác thải",
    "waste",
    "waste management",
    "climate",
    "biến đổi khí hậu",
    "climate change",
  ],
  "y-te": [
    "y tế",
    "sức khoẻ",
    "sức khỏe",
    "y tế công cộng",
    "health",
    "healthcare",
    "health care",
    "public health",
    "medical",
  ],
  "giao-duc": [
    "giáo dục",
    "giáo dục và đào tạo",
    "giáo dục đào tạo",
    "đào tạo",
    "education",
    "education and training",
    "schools",
  ],
  "hanh-chinh-cong": [
    "hành chính công",
    "hành chính",
    "dịch vụ công",
    "cải cách hành chính",
    "chính quyền số",
    "chính quyền điện tử",
    "public administration",
    "public services",
    "public service",
    "e-government",
    "egovernment",
    "government",
    "administration",
  ],
  "trat-tu-do-thi": [
    "trật tự đô thị",
    "đô thị",
    "quản lý đô thị",
    "urban order",
    "urban management",
    "urban",
    "city management",
  ],
  "cap-thoat-nuoc": [
    "cấp thoát nước",
    "cấp nước",
    "thoát nước",
    "nước sạch",
    "chống ngập",
    "water supply and drainage",
    "water supply",
    "drainage",
    "water",
    "flooding",
    "urban flooding",
  ],
  "nang-luong": [
    "năng lượng",
    "điện",
    "điện lực",
    "năng lượng tái tạo",
    "energy",
    "electricity",
    "power",
    "renewable energy",
  ],
  "nong-nghiep-thuc-pham": [
    "nông nghiệp",
    "nông nghiệp và thực phẩm",
    "nông nghiệp và phát triển nông thôn",
    "thực phẩm",
    "an toàn thực phẩm",
    "vệ sinh an toàn thực phẩm",
    "agriculture",
    "agriculture and food",
    "farming",
    "food",
    "food safety",
    "rural development",
  ],
  "van-hoa-du-lich": [
    "văn hoá và du lịch",
    "văn hoá",
    "du lịch",
    "văn hoá thể thao và du lịch",
    "di sản",
    "culture and tourism",
    "culture",
    "tourism",
    "heritage",
  ],
  "an-ninh-an-toan": [
    "an ninh, an toàn",
    "an ninh an toàn",
    "an ninh trật tự",
    "an toàn",
    "phòng cháy chữa cháy",
    "pccc",
    "phòng cháy",
    "cứu hộ cứu nạn",
    "public safety and security",
    "public safety",
    "safety",
    "security",
    "fire safety",
    "fire prevention",
    "emergency services",
  ],
  "quy-hoach-xay-dung": [
    "quy hoạch và xây dựng",
    "quy hoạch xây dựng",
    "xây dựng",
    "quy hoạch",
    "nhà ở",
    "planning and construction",
    "construction",
    "urban planning",
    "planning",
    "housing",
    "buildings",
  ],
  "tai-chinh-thuong-mai": [
    "tài chính và thương mại",
    "tài chính",
    "thương mại",
    "công thương",
    "tài chính ngân hàng",
    "finance and trade",
    "finance",
    "trade",
    "commerce",
    "industry and trade",
  ],
  "lao-dong-xa-hoi": [
    "lao động và xã hội",
    "lao động thương binh và xã hội",
    "lao động",
    "việc làm",
    "an sinh xã hội",
    "bảo trợ xã hội",
    "xã hội",
    "labour and social affairs",
    "labor and social affairs",
    "labour",
    "labor",
    "employment",
    "social affairs",
    "social welfare",
    "social protection",
  ],
  "ha-tang-so": [
    "hạ tầng số và chuyển đổi số",
    "hạ tầng số",
    "chuyển đổi số",
    "công nghệ thông tin",
    "cntt",
    "thông tin và truyền thông",
    "viễn thông",
    "digital infrastructure and transformation",
    "digital infrastructure",
    "digital transformation",
    "information technology",
    "it",
    "ict",
    "telecommunications",
  ],
};

/** Folded, lower-case, punctuation as spaces, "&" as "and". */
export function labelKey(label: string): string {
  return fold(label.toLowerCase().replace(/&/g, " and "))
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * Builds a reader over the given sectors. Slug, Vietnamese and English names
 * and the aliases above are all accepted, with or without diacritics, in any
 * case. A label that fits no sector, or more than one, gives null.
 */
export function sectorLabelReader(sectors: readonly SectorName[]): (label: string) => string | null {
  const byKey = new Map<string, Set<string>>();
  const add = (key: string, slug: string) => {
    if (!key) return;
    const slugs = byKey.get(key) ?? new Set<string>();
    slugs.add(slug);
    byKey.set(key, slugs);
  };
  for (const sector of sectors) {
    for (const name of [sector.slug, sector.nameVi, sector.nameEn, ...(SECTOR_LABEL_ALIASES[sector.slug] ?? [])])
      add(labelKey(name), sector.slug);
  }
  return (label: string) => {
    const found = byKey.get(labelKey(label));
    return found?.size === 1 ? [...found][0]! : null;
  };
}
