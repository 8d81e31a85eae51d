import { Segmented } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";

/** The two lists of the experts area: the experts, and the invitations sent. */
export function ExpertTabs({ current }: { current: "experts" | "invitations" }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Segmented
      style={{ marginBottom: 16 }}
      value={current}
      onChange={(v) => navigate(v === "experts" ? "/experts" : "/experts/invitations")}
      options={[
        { value: "experts", label: t("experts.tabExperts") },
        { value: "invitations", label: t("experts.tabInvitations") },
      ]}
    />
  );
}
