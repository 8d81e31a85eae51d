/** Small pieces the grant pages share: the status tag, an amount in yuan. */
import { useTranslation } from "react-i18next";
import type { GrantStatus, TrancheStatus } from "../../../../domain/funding/grant";
import { formatFen } from "../../../../domain/funding/money";
import { type Tone, ToneTag } from "../../../components/labels";

const GRANT_TONE: Record<GrantStatus, Tone> = {
  proposed: "blue",
  approved: "geekblue",
  agreement_signed: "purple",
  active: "green",
  suspended: "orange",
  closed: "default",
  cancelled: "default",
};

export function GrantStatusTag({ status }: { status: GrantStatus }) {
  const { t } = useTranslation();
  return <ToneTag tone={GRANT_TONE[status]}>{t(`grants.status.${status}`)}</ToneTag>;
}

const TRANCHE_TONE: Record<TrancheStatus, Tone> = {
  pending: "default",
  prepared: "blue",
  paid: "green",
  stopped: "red",
};

export function TrancheStatusTag({ status }: { status: TrancheStatus }) {
  const { t } = useTranslation();
  return <ToneTag tone={TRANCHE_TONE[status]}>{t(`grants.trancheStatus.${status}`)}</ToneTag>;
}

export function Yuan({ fen }: { fen: number }) {
  const { t } = useTranslation();
  return <>{t("grants.yuan", { amount: formatFen(fen) })}</>;
}
