import { App, Button, Card, Flex, List } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ERROR_MESSAGES, type ErrorCode } from "../../../../../schemas/messages";
import type { BulkAction, QueueRow } from "../../../../../schemas/recruitment/intake";
import { useBulkDecision } from "../../../../api/recruitment/intake";
import { useRecruitmentLabels } from "../../../../components/recruitmentLabels";
import { errorMessage } from "../../../../components/serverErrors";
import { useLang } from "../../../../i18n";
import { ReasonDialog } from "../components/ReasonDialog";

interface Props {
  selected: string[];
  /** Rows seen so far, to name the ones that failed. */
  rows: Map<string, QueueRow>;
  onDone: () => void;
}

/** Bulk decisions on the selected rows: a confirm (with a reason where one is needed), then a summary. */
export function BulkBar({ selected, rows, onDone }: Props) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const lang = useLang();
  const labels = useRecruitmentLabels();
  const bulk = useBulkDecision();
  const [action, setAction] = useState<BulkAction | null>(null);
  if (selected.length === 0) return null;

  const actionLabel = (a: BulkAction) =>
    a === "accept"
      ? t("intake.action.accept")
      : a === "return"
        ? t("intake.action.return")
        : t("intake.action.ineligible");

  const run = async (a: BulkAction, reason: string) => {
    try {
      const result = await bulk.mutateAsync({ ids: selected, action: a, reason: reason || null });
      setAction(null);
      onDone();
      const failed = result.results.filter((r) => !r.ok);
      const summary = t("intake.queue.bulkDone", { done: result.done, failed: result.failed });
      if (failed.length === 0) {
        message.success(summary);
        return;
      }
      modal.info({
        title: summary,
        width: 560,
        content: (
          <List
            size="small"
            header={t("intake.queue.bulkFailedTitle")}
            dataSource={failed}
            renderItem={(r) => (
              <List.Item>
                {rows.get(r.id)?.organization.name ?? r.id}
                {t("common.colon")}
                {ERROR_MESSAGES[r.code as ErrorCode]?.[lang] ?? r.code}
                {r.currentStatus
                  ? t("intake.queue.bulkFailedStatus", { status: labels.applicationStatus[r.currentStatus] })
                  : ""}
              </List.Item>
            )}
          />
        ),
      });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Card size="small" style={{ marginBottom: 12, background: "#e6f4ff", borderColor: "#91caff" }}>
      <Flex wrap gap={8} align="center">
        <strong aria-live="polite">{t("intake.queue.selected", { count: selected.length })}</strong>
        <Button type="primary" onClick={() => setAction("accept")}>
          {t("intake.queue.bulkAccept")}
        </Button>
        <Button onClick={() => setAction("return")}>{t("intake.queue.bulkReturn")}</Button>
        <Button danger onClick={() => setAction("ineligible")}>
          {t("intake.queue.bulkIneligible")}
        </Button>
        <Button type="link" onClick={onDone}>
          {t("intake.queue.clearSelection")}
        </Button>
      </Flex>
      <ReasonDialog
        open={action !== null}
        title={action ? actionLabel(action) : ""}
        question={
          action
            ? t("intake.queue.bulkConfirm", { count: selected.length, action: actionLabel(action) })
            : undefined
        }
        reason={action === "accept" ? "optional" : "required"}
        hint={action === "return" ? t("intake.action.returnReasonHelp") : undefined}
        requiredMessage={
          action === "return"
            ? t("intake.action.returnReasonRequired")
            : t("intake.action.ineligibleReasonRequired")
        }
        danger={action === "ineligible"}
        confirming={bulk.isPending}
        onConfirm={(reason) => action && void run(action, reason)}
        onCancel={() => setAction(null)}
      />
    </Card>
  );
}
