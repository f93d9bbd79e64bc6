import { useTranslation } from "react-i18next";
import { PLAN_LIMITS, type PlanTierName } from "~/payments/plans";

// What a tier includes, from the same limits the server enforces, so the
// card never promises more than publishing allows.
export function PlanFeatures({ tier }: { tier: PlanTierName }) {
  const { t } = useTranslation();
  const limits = PLAN_LIMITS[tier];
  return (
    <ul>
      <li>
        {limits.maxPublishedOffers === null
          ? t("plans.features.offersUnlimited")
          : t("plans.features.offers", { count: limits.maxPublishedOffers })}
      </li>
      <li>{limits.featuredPlacement ? t("plans.features.featured") : t("plans.features.noFeatured")}</li>
      {limits.featuredIncluded ? (
        <li>{t("plans.features.featuredIncluded", { count: limits.featuredIncluded })}</li>
      ) : null}
      {limits.verifiedBadge ? <li>{t("plans.features.badge")}</li> : null}
    </ul>
  );
}
