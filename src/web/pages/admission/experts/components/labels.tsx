import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { Conflict, ConflictKind, InvitationViewStatus } from "../../../../../schemas/admission/experts";

const STATUS_COLOR: Record<InvitationViewStatus, string> = {
  sent: "processing",
  accepted: "success",
  revoked: "default",
  expired: "warning",
};

export function InvitationStatusTag({ status }: { status: InvitationViewStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`experts.invitationStatus.${status}`)}</Tag>;
}

const KIND_COLOR: Record<ConflictKind, string> = {
  declared: "blue",
  staff: "purple",
  member: "red",
  linked: "orange",
  phone: "orange",
  email_domain: "gold",
  inspector: "cyan",
  mentor: "geekblue",
};

export function ConflictKindTag({ kind }: { kind: ConflictKind }) {
  const { t } = useTranslation();
  return <Tag color={KIND_COLOR[kind]}>{t(`experts.kind.${kind}`)}</Tag>;
}

/** What was found, in words: the reason as written, or the detail of a detected conflict. */
export function conflictReason(conflict: Conflict): string {
  // "member" and "inspector" carry no detail beyond their kind.
  return conflict.reason === conflict.kind ? "" : conflict.reason;
}
