// schema.org JSON-LD for the public pages of offers (Product with Offers),
// organisations (Organization) and problem statements (Demand), built from
// what the page already shows. URLs are relative: JSON-LD in HTML resolves
// them against the page's own address, so no origin has to be configured.
import type { Language } from "~/i18n/config";

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined };
export type JsonLdObject = { [key: string]: JsonValue | undefined };

/**
 * JSON for inside a <script> element: `<`, `>` and `&` are written as \u
 * escapes, so a value holding "</script>" or "<!--" cannot end the element
 * or open a comment (JSON.parse reads the escapes back as the characters).
 * U+2028/U+2029 are escaped too: older JavaScript parsers treat them as line ends.
 */
export function serialiseJsonLd(data: JsonLdObject): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

const SCHEMA = "https://schema.org";

type OfferLike = {
  slug: string;
  status: string;
  titleVi: string;
  titleEn: string | null;
  summaryVi: string;
  summaryEn: string | null;
  organisation: { name: string; slug: string | null };
  packages: { name: string; priceVnd: number | null; unit: string }[];
  terms: { kind: string; nameVi: string; nameEn: string }[];
  media: { kind: string; storedName: string }[];
};

/** A published offer as a Product; each priced package is one Offer in VND. Price-on-request packages are left out (they have no price to state). */
export function offerJsonLd(offer: OfferLike, language: Language): JsonLdObject | null {
  if (offer.status !== "PUBLISHED") return null;
  const en = language === "en";
  const provider: JsonLdObject = {
    "@type": "Organization",
    name: offer.organisation.name,
    url: offer.organisation.slug ? `/organisations/${offer.organisation.slug}` : undefined,
  };
  const url = `/offers/${offer.slug}`;
  const offers = offer.packages
    .filter((p): p is typeof p & { priceVnd: number } => p.priceVnd !== null)
    .map(
      (p): JsonLdObject => ({
        "@type": "Offer",
        name: p.name,
        price: p.priceVnd,
        priceCurrency: "VND",
        priceSpecification: {
          "@type": "UnitPriceSpecification",
          price: p.priceVnd,
          priceCurrency: "VND",
          unitText: p.unit,
        },
        url,
        seller: provider,
      }),
    );
  const logo = offer.media.find((m) => m.kind === "LOGO");
  const sectors = offer.terms.filter((t) => t.kind === "SECTOR").map((t) => (en ? t.nameEn : t.nameVi));
  return {
    "@context": SCHEMA,
    "@type": "Product",
    name: (en && offer.titleEn) || offer.titleVi,
    description: (en && offer.summaryEn) || offer.summaryVi,
    url,
    brand: provider,
    category: sectors.length ? sectors.join(", ") : undefined,
    image: logo ? `/files/${logo.storedName}` : undefined,
    offers: offers.length ? offers : undefined,
  };
}

// Government agencies are schema.org's GovernmentOrganization (a kind of Organization).
function organisationType(kind: string): string {
  return kind === "AGENCY" ? "GovernmentOrganization" : "Organization";
}

type OrganisationLike = {
  kind: string;
  name: string;
  slug: string | null;
  description: string | null;
  website: string | null;
  address: string | null;
};

export function organisationJsonLd(organisation: OrganisationLike): JsonLdObject {
  return {
    "@context": SCHEMA,
    "@type": organisationType(organisation.kind),
    name: organisation.name,
    url: organisation.slug ? `/organisations/${organisation.slug}` : undefined,
    description: organisation.description ?? undefined,
    sameAs: organisation.website ? [organisation.website] : undefined,
    address: organisation.address ?? undefined,
  };
}

type StatementLike = {
  slug: string;
  status: string;
  title: string;
  context: string;
  budgetMinVnd: number | null;
  budgetMaxVnd: number | null;
  publishedAt: string | Date | null;
  proposalDeadline: string | Date | null;
  organisation: { name: string; kind: string };
};

const iso = (value: string | Date | null) => (value === null ? undefined : new Date(value).toISOString());

/**
 * A published or closed problem statement as a Demand (the GoodRelations
 * sense: a party seeking a service). `seller` is schema.org's name for the
 * party that makes an Offer or a Demand, here the agency.
 */
export function statementJsonLd(statement: StatementLike): JsonLdObject | null {
  if (statement.status !== "PUBLISHED" && statement.status !== "CLOSED") return null;
  const budget =
    statement.budgetMinVnd !== null || statement.budgetMaxVnd !== null
      ? {
          "@type": "PriceSpecification",
          priceCurrency: "VND",
          minPrice: statement.budgetMinVnd ?? undefined,
          maxPrice: statement.budgetMaxVnd ?? undefined,
        }
      : undefined;
  return {
    "@context": SCHEMA,
    "@type": "Demand",
    name: statement.title,
    description: statement.context,
    url: `/problems/${statement.slug}`,
    seller: { "@type": organisationType(statement.organisation.kind), name: statement.organisation.name },
    areaServed: { "@type": "City", name: "Hà Nội" },
    itemOffered: { "@type": "Service", name: statement.title },
    availabilityStarts: iso(statement.publishedAt),
    availabilityEnds: iso(statement.proposalDeadline),
    priceSpecification: budget,
  };
}
