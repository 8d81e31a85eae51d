import { EyeOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { App, Button, Space } from "antd";
import { useTranslation } from "react-i18next";
import type { Organization } from "../../../../../../schemas/platform/organizations";
import { revealContact } from "../../../../../api/platform/organizations";
import { useAccess } from "../../../../../auth/session";
import { errorMessage } from "../../../../../components/serverErrors";

/** The masked number, and for staff a button that fetches the whole one (the server audits it). */
export function ContactPhone({ org }: { org: Organization }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const access = useAccess();
  const reveal = useMutation({
    mutationFn: () => revealContact(org.id),
    // Block bodies: antd's message returns a thenable that settles when the toast closes, and
    // TanStack Query would wait for it before showing the number.
    onSuccess: () => {
      message.info(t("organization.revealed"));
    },
    onError: (error) => {
      message.error(errorMessage(error));
    },
  });

  if (!org.contactPhone) return <span>{t("common.empty")}</span>;
  const shown = reveal.data ? (reveal.data.contactPhone ?? t("common.empty")) : org.contactPhone;
  return (
    <Space wrap>
      <span style={{ fontVariantNumeric: "tabular-nums" }}>{shown}</span>
      {org.contactPhoneMasked && access.organizationRevealContact && !reveal.data && (
        <Button
          size="small"
          icon={<EyeOutlined aria-hidden />}
          loading={reveal.isPending}
          onClick={() => reveal.mutate()}
          title={t("organization.revealPhoneFor", { name: org.name })}
        >
          {t("organization.revealPhone")}
        </Button>
      )}
    </Space>
  );
}
