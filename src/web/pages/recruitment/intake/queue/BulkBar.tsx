import { Alert, App, Button, Card, Flex, List } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ERROR_MESSAGES, type ErrorCode } from "../../../../../schemas/messages";
import type { BulkAction, IntakeGapsDetails, QueueRow } from "../../../../../schemas/recruitment/intake";
import { isApiError } from "../../../../api/client";
import { useBulkDecision } from "../../../../api/recruitment/intake";
import { useRecruitmentLabels } from "../../../../components/recruitmentLabels";
import { errorMessage } from "../../../../components/serverErrors";
import { useLang } from "../../../../i18n";
import { IntakeGapApplications } from "../components/IntakeGapList";
import { ReasonDialog } from "../components/ReasonDialog";

type GapList = IntakeGapsDetails["applications"];

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
  // The server's list of selected applications an accept would go over unchecked items: shown in
  // the dialog, and sent back as the confirmation once staff tick it (nothing is accepted before).
  const [gapList, setGapList] = useState<GapList | null>(null);
  if (selected.length === 0) return null;
  const close = () => {
    setAction(null);
    setGapList(null);
  };

  const actionLabel = (a: BulkAction) =>
    a === "accept"
      ? t("intake.action.accept")
      : a === "return"
        ? t("intake.action.return")
        : t("intake.action.ineligible");

  const run = async (a: BulkAction, reason: string) => {
    try {
      const result = await bulk.mutateAsync({
        ids: selected,
        action: a,
        reason: reason || null,
        ...(a === "accept" && gapList
          ? {
              confirmUnchecked: gapList.map((g) => ({
                id: g.id,
                items: g.items.map(({ key, state }) => ({ key, state })),
              })),
            }
          : {}),
      });
      close();
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
      if (isApiError(error) && error.code === "intake_items_unchecked") {
        // The dialog stays open and lists them; a second refusal means the list changed.
        const list = (error.details as IntakeGapsDetails | undefined)?.applications ?? [];
        if (gapList) message.warning(t("intake.action.gapsChanged"));
        setGapList(list);
        return;
      }
      message.error(errorMessage(error));
    }
  };
  const listKey = gapList
    ?.map((g) => `${g.id}:${g.items.map((i) => `${i.key}=${i.state}`).join(",")}`)
    .join(";");

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
        warning={
          action === "accept" && gapList ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t("intake.queue.bulkGapsIntro", { count: gapList.length })}
              description={<IntakeGapApplications applications={gapList} />}
            />
          ) : undefined
        }
        acknowledge={
          action === "accept" && gapList
            ? {
                label: t("intake.queue.bulkGapsConfirm"),
                requiredMessage: t("intake.action.gapsConfirmRequired"),
                key: listKey,
              }
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
        onCancel={close}
      />
    </Card>
  );
}
