import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Language } from "~/i18n/config";
import type { OfferView as OfferViewModel } from "~/models/offer-views.server";
import { formatDate, formatVnd } from "~/utils/format";
import { TableRegion } from "~/components/table-region";

export type OfferViewData = SerializeFrom<OfferViewModel>;
type Status = OfferViewData["status"];
type Evidence = OfferViewData["evidenceLevel"];

const statusClass: Record<Status, string> = {
  DRAFT: "tag",
  SUBMITTED: "tag",
  PUBLISHED: "tag tag-green",
  CHANGES_REQUESTED: "tag tag-red",
  ARCHIVED: "tag",
};

export function OfferStatusTag({ status }: { status: Status }) {
  const { t } = useTranslation();
  return <span className={statusClass[status]}>{t(`offers.statuses.${status}`)}</span>;
}

export function EvidenceBadge({ level }: { level: Evidence }) {
  const { t } = useTranslation();
  return (
    <span className={`tag offer-evidence offer-evidence-${level.toLowerCase().replace(/_/g, "-")}`}>
      {t("offers.evidence")}: {t(`offers.evidenceLevels.${level}`)}
    </span>
  );
}

export function localised(
  view: Pick<OfferViewData, "titleVi" | "titleEn" | "summaryVi" | "summaryEn">,
  language: Language,
) {
  return {
    title: language === "en" && view.titleEn ? view.titleEn : view.titleVi,
    summary: language === "en" && view.summaryEn ? view.summaryEn : view.summaryVi,
  };
}

// An offer as the public sees it. The provider's and staff's previews use
// this same component, so "as it will appear" is literally the same markup.
// The public page adds the order action to each package card (by its place
// in the list) and a note above the cards; previews pass neither.
export function OfferView({
  view,
  heading = "h1",
  packageAction,
  packagesNote,
}: {
  view: OfferViewData;
  heading?: "h1" | "h2";
  packageAction?: (position: number) => ReactNode;
  packagesNote?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const { title, summary } = localised(view, language);
  const Heading = heading;
  const termsOf = (kind: string) =>
    view.terms
      .filter((term) => term.kind === kind)
      .map((term) => (language === "en" ? term.nameEn : term.nameVi))
      .join(", ");
  const logo = view.media.find((m) => m.kind === "LOGO");
  const images = view.media.filter((m) => m.kind === "IMAGE");
  const brochure = view.media.find((m) => m.kind === "BROCHURE");
  return (
    <article className="offer">
      <header className="offer-header">
        {logo ? (
          <img
            className="offer-logo"
            src={`/files/${logo.storedName}`}
            alt={t("offers.logoAlt", { title })}
            width={96}
            height={96}
          />
        ) : null}
        <div>
          <Heading>{title}</Heading>
          <p className="offer-badges">
            <EvidenceBadge level={view.evidenceLevel} />
            {view.trl ? <span className="tag">{t("offers.trlValue", { level: view.trl })}</span> : null}
            {view.deploymentModel ? (
              <span className="tag">{t(`offers.deploymentModels.${view.deploymentModel}`)}</span>
            ) : null}
          </p>
        </div>
      </header>
      {view.isStale ? (
        <p className="notice offer-stale">
          {t("offers.staleNotice", { date: formatDate(view.contentUpdatedAt, language) })}
        </p>
      ) : null}
      <p className="lead">{summary}</p>
      <dl className="summary-list">
        <div>
          <dt>{t("offers.provider")}</dt>
          <dd>
            {view.organisation.slug ? (
              <Link to={`/organisations/${view.organisation.slug}`}>{view.organisation.name}</Link>
            ) : (
              view.organisation.name
            )}
          </dd>
        </div>
        <div>
          <dt>{t("offers.trl")}</dt>
          <dd>{view.trl ? t(`offers.trlLevels.level${view.trl as 1}`) : "—"}</dd>
        </div>
        <div>
          <dt>{t("offers.deployment")}</dt>
          <dd>{view.deploymentModel ? t(`offers.deploymentModels.${view.deploymentModel}`) : "—"}</dd>
        </div>
        <div>
          <dt>{t("offers.sectors")}</dt>
          <dd>{termsOf("SECTOR") || "—"}</dd>
        </div>
        <div>
          <dt>{t("offers.technologies")}</dt>
          <dd>{termsOf("TECHNOLOGY") || "—"}</dd>
        </div>
        {termsOf("BUSINESS_NEED") ? (
          <div>
            <dt>{t("offers.businessNeeds")}</dt>
            <dd>{termsOf("BUSINESS_NEED")}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("offers.ipStatus")}</dt>
          <dd>{view.ipStatus ?? "—"}</dd>
        </div>
      </dl>
      <p className="hint">{t("offers.lastUpdated", { date: formatDate(view.contentUpdatedAt, language) })}</p>

      <h2>{t("offers.descriptionTitle")}</h2>
      {/* Sanitised by renderMarkdown on the server; nothing else reaches here. */}
      <div className="offer-markdown" dangerouslySetInnerHTML={{ __html: view.descriptionHtml }} />

      {images.length ? (
        <>
          <h2>{t("offers.imagesTitle")}</h2>
          <ul className="offer-images">
            {images.map((image, i) => (
              <li key={image.key}>
                <img
                  src={`/files/${image.storedName}`}
                  alt={t("offers.imageAlt", { n: i + 1, title })}
                  width={400}
                  height={300}
                  loading="lazy"
                />
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {view.packages.length ? (
        <>
          <h2>{t("offers.packagesTitle")}</h2>
          {packagesNote}
          <ul className="offer-packages">
            {view.packages.map((p, i) => (
              <li key={i} className="card">
                <h3>{p.name}</h3>
                {p.description ? <p className="offer-package-description">{p.description}</p> : null}
                <p className="offer-price">
                  {p.priceVnd === null
                    ? t("offers.priceOnRequest")
                    : t("offers.perUnit", { price: formatVnd(p.priceVnd, language), unit: p.unit })}
                </p>
                {packageAction ? packageAction(i) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {view.references.length ? (
        <>
          <h2>{t("offers.referencesTitle")}</h2>
          <TableRegion label={t("offers.referencesTitle")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("offers.referenceCustomer")}</th>
                  <th scope="col">{t("offers.referenceYear")}</th>
                  <th scope="col">{t("offers.referenceResult")}</th>
                </tr>
              </thead>
              <tbody>
                {view.references.map((r, i) => (
                  <tr key={i}>
                    <td>{r.customer}</td>
                    <td>{r.year}</td>
                    <td>{r.result}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </>
      ) : null}

      {brochure ? (
        <p>
          <a href={`/files/${brochure.storedName}`} download>
            {t("offers.brochureLink", {
              name: brochure.originalName,
              size: Math.max(1, Math.round(brochure.sizeBytes / 1024)),
            })}
          </a>
        </p>
      ) : null}

      {view.contactName || view.contactEmail || view.contactPhone ? (
        <>
          <h2>{t("offers.contactTitle")}</h2>
          <ul className="plain-list">
            {view.contactName ? <li>{view.contactName}</li> : null}
            {view.contactEmail ? (
              <li>
                <a href={`mailto:${view.contactEmail}`}>{view.contactEmail}</a>
              </li>
            ) : null}
            {view.contactPhone ? (
              <li>
                <a href={`tel:${view.contactPhone.replace(/[^+\d]/g, "")}`}>{view.contactPhone}</a>
              </li>
            ) : null}
          </ul>
        </>
      ) : null}
    </article>
  );
}

type Pending = { view: OfferViewData; changed: string[]; filesChanged: boolean; submittedAt: string };

// The edit waiting for review: what it changes, rendered as it would appear.
export function PendingRevision({ pending }: { pending: Pending }) {
  const { t } = useTranslation();
  const names = pending.changed.map((field) => t(`offers.fieldNames.${field as "titleVi"}`)).join(", ");
  return (
    <section className="offer-pending" aria-labelledby="pending-title">
      <h2 id="pending-title">{t("offers.pendingTitle")}</h2>
      {names ? <p>{t("offers.pendingChanged", { fields: names })}</p> : null}
      {pending.filesChanged ? <p>{t("offers.pendingFilesChanged")}</p> : null}
      <div className="offer-preview">
        <OfferView view={pending.view} heading="h2" />
      </div>
    </section>
  );
}
