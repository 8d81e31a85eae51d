/**
 * Withdrawing, with a confirmation and an optional reason: a quiet link at the end of the page,
 * not the first control a phone user sees on an application they are still filling in.
 */
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Flex, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApplicationDetail } from "../../../../../schemas/recruitment/applications";
import { applicationKeys, withdrawApplication } from "../../../../api/recruitment/applications";
import { errorMessage } from "../../../../components/serverErrors";

export function WithdrawLink({ detail, version }: { detail: ApplicationDetail; version: () => number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const updated = await withdrawApplication(detail.id, version(), reason.trim() || null);
      client.setQueryData(applicationKeys.detail(detail.id), updated);
      void client.invalidateQueries({ queryKey: applicationKeys.mine });
      setOpen(false);
      message.success(t("applications.withdrawn"));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Flex wrap justify="center" align="center" gap={4} style={{ paddingBlock: 8 }}>
        <Typography.Text type="secondary">{t("applications.withdrawPrompt")}</Typography.Text>
        <Button type="link" danger style={{ minHeight: 40 }} onClick={() => setOpen(true)}>
          {t("applications.withdraw")}
        </Button>
      </Flex>
      <Modal
        open={open}
        title={t("applications.withdrawTitle")}
        okText={t("applications.withdraw")}
        okButtonProps={{ danger: true, loading: busy }}
        onOk={() => void confirm()}
        onCancel={() => setOpen(false)}
      >
        <Typography.Paragraph>{t("applications.withdrawBody")}</Typography.Paragraph>
        <label htmlFor="withdraw-reason">{t("applications.withdrawReason")}</label>
        <Input.TextArea
          id="withdraw-reason"
          value={reason}
          maxLength={500}
          autoSize={{ minRows: 2, maxRows: 6 }}
          onChange={(e) => setReason(e.target.value)}
          style={{ marginTop: 4 }}
        />
        {error && (
          <Typography.Text type="danger" role="alert">
            {error}
          </Typography.Text>
        )}
      </Modal>
    </>
  );
}
