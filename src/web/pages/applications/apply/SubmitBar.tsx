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
import type { ApplicationDetail } from "../../../../schemas/applications";
import { applicationKeys, submitApplication } from "../../../api/applications";
import { isApiError } from "../../../api/client";
import { errorMessage } from "../../../components/serverErrors";
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
}: {
  detail: ApplicationDetail;
  autosave: Autosave;
  now: number;
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
    modal.confirm({
      title: t("applications.submitConfirmTitle"),
      content: resubmit ? t("applications.resubmitConfirmBody") : t("applications.submitConfirmBody"),
      okText: resubmit ? t("applications.resubmit") : t("applications.submit"),
      onOk: send,
    });
  };

  const blockedBy = !detail.canSubmitNow
    ? beforeOpen
      ? t("applications.notOpenYet")
      : t("applications.deadlinePassed")
    : detail.problems.length > 0
      ? t("applications.submitBlocked")
      : null;

  return (
    <Flex vertical gap={8}>
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
      <Button
        type="primary"
        size="large"
        block
        icon={<SendOutlined aria-hidden />}
        loading={busy}
        disabled={!!blockedBy || retry || autosave.state.kind === "conflict"}
        onClick={() => void start()}
      >
        {resubmit ? t("applications.resubmit") : t("applications.submit")}
      </Button>
      {blockedBy && (
        <Typography.Text type="secondary" style={{ textAlign: "center" }}>
          {blockedBy}
        </Typography.Text>
      )}
    </Flex>
  );
}
