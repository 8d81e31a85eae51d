import { useTranslation } from "react-i18next";
import type { Conflict, ConflictKind, InvitationViewStatus } from "../../../../../schemas/admission/experts";
import { type Tone, ToneTag } from "../../../../components/labels";

const STATUS_COLOR: Record<InvitationViewStatus, Tone> = {
  sent: "blue",
  accepted: "green",
  revoked: "default",
  expired: "orange",
};

export function InvitationStatusTag({ status }: { status: InvitationViewStatus }) {
  const { t } = useTranslation();
  return <ToneTag tone={STATUS_COLOR[status]}>{t(`experts.invitationStatus.${status}`)}</ToneTag>;
}

const KIND_COLOR: Record<ConflictKind, Tone> = {
  declared: "blue",
  staff: "purple",
  member: "red",
  linked: "orange",
  phone: "orange",
  email_domain: "gold",
  inspector: "cyan",
  mentor: "geekblue",
};

export function ExpertStatusTag({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <ToneTag tone={active ? "green" : "default"}>
      {active ? t("experts.statusActive") : t("experts.statusDisabled")}
    </ToneTag>
  );
}

export function ConflictKindTag({ kind }: { kind: ConflictKind }) {
  const { t } = useTranslation();
  return <ToneTag tone={KIND_COLOR[kind]}>{t(`experts.kind.${kind}`)}</ToneTag>;
}

/** What was found, in words: the reason as written, or the detail of a detected conflict. */
export function conflictReason(conflict: Conflict): string {
  // "member" and "inspector" carry no detail beyond their kind.
  return conflict.reason === conflict.kind ? "" : conflict.reason;
}
