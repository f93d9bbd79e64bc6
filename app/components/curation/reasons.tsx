import { useTranslation } from "react-i18next";
import { describeMatchReason, type MatchReason } from "~/utils/match-reasons";

export type Reason = MatchReason;

// Why the ranking suggested this offer, one sentence per reason.
export function MatchReasons({ reasons }: { reasons: Reason[] }) {
  const { t } = useTranslation();
  if (reasons.length === 0) return null;
  return (
    <ul className="plain-list match-reasons">
      {reasons.map((reason, index) => (
        <li key={index}>{describeMatchReason(reason, t)}</li>
      ))}
    </ul>
  );
}
