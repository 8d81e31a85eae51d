/**
 * The submit (or resubmit) button: saves what is pending, asks for confirmation, then submits
 * with an Idempotency-Key made fresh per attempt and kept when the same attempt is retried after
 * a network failure, so a retry can never submit twice.
 */
import { SendOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Flex, Typography } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApplicationDetail } from "../../../../../schemas/recruitment/applications";
import { isApiError } from "../../../../api/client";
import { applicationKeys, submitApplication } from "../../../../api/recruitment/applications";
import { errorMessage } from "../../../../components/serverErrors";
import { flagList, staleFlags } from "./flags";
import type { Autosave } from "./useAutosave";

function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function SubmitBar({
  detail,
  autosave,
  now,
  status,
  compact = false,
}: {
  detail: ApplicationDetail;
  autosave: Autosave;
  now: number;
  /** The autosave's state line, shown with the button so it stays in view while editing. */
  status?: React.ReactNode;
  /** One row (status left, button right): the phone's sticky footer. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const client = useQueryClient();
  const attempt = useRef<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [retry, setRetry] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const resubmit = detail.status === "returned";
  const beforeOpen = now < new Date(detail.call.opensAt).getTime();

  const send = async () => {
    setBusy(true);
    setError(null);
    attempt.current ??= newKey();
    try {
      await submitApplication(detail.id, autosave.version(), attempt.current);
      attempt.current = null;
      setRetry(false);
      message.success(t("applications.submitted"));
    } catch (e) {
      if (isApiError(e) && e.status === 0) {
        setRetry(true); // unknown outcome: the same key again
      } else {
        attempt.current = null;
        setRetry(false);
        setError(errorMessage(e));
      }
    } finally {
      setBusy(false);
      await Promise.all([
        client.invalidateQueries({ queryKey: applicationKeys.detail(detail.id) }),
        client.invalidateQueries({ queryKey: applicationKeys.mine }),
      ]);
    }
  };

  const start = async () => {
    if (!(await autosave.flush())) return;
    attempt.current = null;
    const stale = resubmit ? staleFlags(detail) : [];
    modal.confirm({
      title: t("applications.submitConfirmTitle"),
      content: (
        <Flex vertical gap={12}>
          <span>
            {resubmit ? t("applications.resubmitConfirmBody") : t("applications.submitConfirmBody")}
          </span>
          {stale.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t("applications.flag.staleConfirm", { items: flagList(stale, t) })}
            />
          )}
        </Flex>
      ),
      okText: resubmit ? t("applications.resubmit") : t("applications.submit"),
      onOk: send,
    });
  };

  const blockedBy = !detail.canSubmitNow
    ? beforeOpen
      ? t("applications.notOpenYet")
      : t("applications.deadlinePassed")
    : detail.problems.length > 0
      ? t(compact ? "applications.submitBlockedShort" : "applications.submitBlocked")
      : null;

  const alerts = (
    <>
      {retry && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t("applications.submitRetry")}
          action={
            <Button size="small" loading={busy} onClick={() => void send()}>
              {t("common.retry")}
            </Button>
          }
        />
      )}
      {error && (
        <Alert type="error" showIcon role="alert" title={error} closable onClose={() => setError(null)} />
      )}
    </>
  );
  const button = (
    <Button
      type="primary"
      size="large"
      block={!compact}
      icon={<SendOutlined aria-hidden />}
      loading={busy}
      disabled={!!blockedBy || retry || autosave.state.kind === "conflict"}
      onClick={() => void start()}
    >
      {resubmit ? t("applications.resubmit") : t("applications.submit")}
    </Button>
  );
  const hint = blockedBy && (
    <Typography.Text type="secondary" style={{ fontSize: compact ? 12 : undefined, lineHeight: 1.4 }}>
      {blockedBy}
    </Typography.Text>
  );

  if (compact)
    return (
      <Flex vertical gap={8}>
        {alerts}
        <Flex align="center" gap={12}>
          <Flex vertical gap={2} style={{ flex: 1, minWidth: 0 }}>
            {status}
            {hint}
          </Flex>
          {button}
        </Flex>
      </Flex>
    );
  return (
    <Flex vertical gap={8}>
      {alerts}
      {button}
      {hint && <div style={{ textAlign: "center" }}>{hint}</div>}
      {status && <div style={{ textAlign: "center" }}>{status}</div>}
    </Flex>
  );
}
