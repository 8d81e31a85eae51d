import { DownloadOutlined } from "@ant-design/icons";
import { App, Button, Flex, Switch, Typography } from "antd";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { QueueListState } from "../../../../../schemas/recruitment/intake";
import { exportScreeningFile } from "../../../../api/recruitment/intake";
import { errorMessage } from "../../../../components/serverErrors";

/**
 * The screening file's export: one call's, so the button waits until the filter names a call and
 * says why. By default only applications that reached screening go into the file; widening it to
 * the queue's statuses is an explicit switch, never a leftover filter.
 */
export function ExportControl({ query }: { query: QueueListState }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const [widen, setWiden] = useState(false);
  const hintId = useId();
  const switchId = useId();
  const callId = query.callId;

  const runExport = async () => {
    if (!callId) return;
    setExporting(true);
    try {
      await exportScreeningFile({ ...query, callId }, widen);
    } catch (error) {
      message.error(`${t("intake.queue.exportFailed")}: ${errorMessage(error)}`);
    } finally {
      setExporting(false);
    }
  };

  const hint = !callId
    ? t("intake.queue.exportNeedsCall")
    : widen
      ? t("intake.queue.exportWidened")
      : t("intake.queue.exportDefault");
  return (
    <Flex vertical gap={4} align="flex-end" style={{ maxWidth: 360 }}>
      <Flex gap={12} align="center" wrap justify="flex-end">
        {callId && (
          <Flex gap={6} align="center">
            <Switch id={switchId} size="small" checked={widen} onChange={setWiden} />
            <label htmlFor={switchId}>{t("intake.queue.exportWiden")}</label>
          </Flex>
        )}
        <Button
          icon={<DownloadOutlined aria-hidden />}
          loading={exporting}
          disabled={!callId}
          aria-describedby={hintId}
          onClick={() => void runExport()}
        >
          {exporting ? t("intake.queue.exporting") : t("intake.queue.export")}
        </Button>
      </Flex>
      <Typography.Text id={hintId} type="secondary" style={{ fontSize: 12, textAlign: "right" }}>
        {hint}
      </Typography.Text>
    </Flex>
  );
}
