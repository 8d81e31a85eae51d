import { useTranslation } from "react-i18next";
import type { User } from "../../../../../schemas/platform/users";
import { ToneTag } from "../../../../components/labels";

export function isLocked(user: User): boolean {
  return !!user.lockedUntil && new Date(user.lockedUntil).getTime() > Date.now();
}

export function UserStatusTags({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <span style={{ display: "inline-flex", gap: 4, flexWrap: "wrap" }}>
      {user.status === "active" ? (
        <ToneTag tone="green">{t("user.status.active")}</ToneTag>
      ) : (
        <ToneTag tone="default">{t("user.status.disabled")}</ToneTag>
      )}
      {isLocked(user) && <ToneTag tone="red">{t("user.status.locked")}</ToneTag>}
    </span>
  );
}
