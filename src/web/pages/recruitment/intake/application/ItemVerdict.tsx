/** The verdict of one item (合格 / 缺失 / 需修改 with a reason) and "全部合格" for many at once. */
import { CheckOutlined } from "@ant-design/icons";
import { App, Button, Flex, Input, Radio, Tooltip } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { IntakeVerdictStatus } from "../../../../../domain/application";
import { useSaveVerdict, useSaveVerdicts } from "../../../../api/recruitment/intake";
import { errorMessage } from "../../../../components/serverErrors";

type Item = { key: string; label: string };

/** "全部合格": every item with a file and no current verdict marked ok in one request, after a confirm. */
export function AllOkButton({
  applicationId,
  items,
  unsaved,
}: {
  applicationId: string;
  items: Item[];
  unsaved: number;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const save = useSaveVerdicts(applicationId);
  const confirm = () =>
    modal.confirm({
      title: t("intake.verdict.allOkConfirm", { count: items.length }),
      content: (
        <>
          <p style={{ marginBottom: 4 }}>{t("intake.verdict.allOkItems")}</p>
          <ol style={{ margin: "0 0 8px", paddingInlineStart: 24 }}>
            {items.map((item) => (
              <li key={item.key}>{item.label}</li>
            ))}
          </ol>
          <p style={{ margin: 0, color: "rgba(0,0,0,0.68)" }}>{t("intake.verdict.allOkKept")}</p>
          {unsaved > 0 && (
            <p style={{ margin: "4px 0 0", color: "#ad4e00" }}>
              {t("intake.verdict.allOkUnsaved", { count: unsaved })}
            </p>
          )}
        </>
      ),
      okText: t("intake.verdict.allOkAction"),
      cancelText: t("intake.action.cancel"),
      onOk: async () => {
        try {
          await save.mutateAsync(items.map((item) => ({ requirementKey: item.key, status: "ok" as const })));
          message.success(t("intake.verdict.allOkDone", { count: items.length }));
        } catch (error) {
          message.error(errorMessage(error));
        }
      },
    });
  const button = (
    <Button
      icon={<CheckOutlined aria-hidden />}
      disabled={items.length === 0}
      loading={save.isPending}
      onClick={confirm}
    >
      {t("intake.verdict.allOk")}
    </Button>
  );
  return items.length === 0 ? <Tooltip title={t("intake.verdict.allOkNone")}>{button}</Tooltip> : button;
}

export function VerdictForm(props: {
  applicationId: string;
  requirementKey: string;
  label: string;
  status: IntakeVerdictStatus;
  reason: string;
  onUnsaved: (key: string, dirty: boolean) => void;
  /** After a verdict is saved: where focus goes next (the form itself is rebuilt). */
  onSaved?: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveVerdict(props.applicationId);
  const [status, setStatus] = useState<IntakeVerdictStatus>(props.status);
  const [reason, setReason] = useState(props.reason);
  const needsReason = status === "missing" || status === "needs_correction";
  const changed = status !== props.status || (needsReason && reason.trim() !== props.reason);
  const { onUnsaved, requirementKey } = props;
  useEffect(() => {
    onUnsaved(requirementKey, changed);
    return () => onUnsaved(requirementKey, false);
  }, [onUnsaved, requirementKey, changed]);
  const submit = async () => {
    try {
      await save.mutateAsync({
        key: props.requirementKey,
        status,
        reason: needsReason ? reason.trim() || null : null,
      });
      message.success(t("common.saved"));
      props.onSaved?.();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  return (
    <Flex wrap gap={8} align="center" style={{ marginTop: 8 }}>
      <Radio.Group
        aria-label={`${t("intake.detail.verdict")}${t("common.colon")}${props.label}`}
        value={status}
        onChange={(e) => setStatus(e.target.value)}
        optionType="button"
        size="small"
        options={(["ok", "missing", "needs_correction"] as const).map((s) => ({
          value: s,
          label: t(`intake.verdict.${s}`),
        }))}
      />
      {needsReason && (
        <Input
          size="small"
          style={{ flex: "1 1 200px", minWidth: 0 }}
          aria-label={`${t("intake.action.reason")}${t("common.colon")}${props.label}`}
          placeholder={t("intake.verdict.reasonPlaceholder")}
          value={reason}
          maxLength={1000}
          status={needsReason && !reason.trim() ? "warning" : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
      )}
      <Button
        size="small"
        type="primary"
        disabled={!changed || (needsReason && !reason.trim())}
        loading={save.isPending}
        onClick={() => void submit()}
      >
        {t("intake.verdict.save")}
      </Button>
    </Flex>
  );
}
