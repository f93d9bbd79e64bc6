import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/config";

export type FeaturedOffer = {
  id: string;
  slug: string;
  titleVi: string;
  titleEn: string | null;
  summaryVi: string;
  organisation: { name: string };
  /** The offer's logo, if it has one. */
  media?: { storedName: string }[];
};

// Offers whose provider paid for (or has a plan including) featured
// placement, shown before the ranked list and labelled, so it is never
// mistaken for relevance.
export function FeaturedOffers({ offers }: { offers: FeaturedOffer[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  if (offers.length === 0) return null;
  return (
    <section aria-labelledby="featured-offers" className="featured-offers">
      <h2 id="featured-offers">{t("plans.featured.sectionTitle")}</h2>
      <ol className="search-results">
        {offers.map((offer) => (
          <li key={offer.id} className="search-result">
            {/* Decorative: the title link beside it names the offer. */}
            {offer.media?.[0] ? (
              <img
                className="search-result-logo"
                src={`/files/${offer.media[0].storedName}`}
                alt=""
                width={64}
                height={64}
                loading="lazy"
              />
            ) : null}
            <p className="search-result-type">
              <strong className="tag tag-featured">{t("plans.featured.badge")}</strong>
            </p>
            <h3 className="search-result-title">
              <Link to={`/offers/${offer.slug}`}>
                {language === "en" && offer.titleEn ? offer.titleEn : offer.titleVi}
              </Link>
            </h3>
            <p className="search-result-org">{offer.organisation.name}</p>
            <p className="search-result-snippet">{offer.summaryVi}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
