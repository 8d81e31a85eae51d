/** Autosave's state line (beside the submit button), and the conflict banner that keeps what the user typed. */
import { CheckOutlined, LoadingOutlined } from "@ant-design/icons";
import { Alert, Button, Flex, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { dayjs } from "../../../../components/format";
import { errorMessage } from "../../../../components/serverErrors";
import type { Autosave } from "./useAutosave";

export function SaveStatus({ autosave }: { autosave: Autosave }) {
  const { t } = useTranslation();
  const s = autosave.state;
  let text: React.ReactNode = null;
  if (s.kind === "saving")
    text = (
      <>
        <LoadingOutlined aria-hidden /> {t("applications.saving")}
      </>
    );
  else if (s.kind === "saved")
    text = (
      <>
        <CheckOutlined aria-hidden style={{ color: "#237804" }} />{" "}
        {t("applications.savedAt", { time: dayjs(s.at).tz("Asia/Shanghai").format("HH:mm:ss") })}
      </>
    );
  else if (s.kind === "error" || s.kind === "conflict")
    text = (
      <Typography.Text type="danger" style={{ fontSize: 13 }}>
        {s.kind === "error"
          ? t("applications.saveFailed", { message: s.message })
          : t("applications.conflictTitle")}
      </Typography.Text>
    );
  else if (autosave.unsaved) text = t("applications.unsaved");
  else if (s.kind === "idle") text = t("applications.autosaveHint");
  return (
    <Typography.Text type="secondary" role="status" aria-live="polite" style={{ fontSize: 13 }}>
      {text}
    </Typography.Text>
  );
}

export function SaveProblems({ autosave }: { autosave: Autosave }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const s = autosave.state;
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  if (s.kind === "conflict")
    return (
      <Alert
        type="warning"
        showIcon
        role="alert"
        title={t("applications.conflictTitle")}
        description={
          <Flex vertical gap={8}>
            <span>{t("applications.conflictBody")}</span>
            {error && <Typography.Text type="danger">{error}</Typography.Text>}
            <Flex wrap gap={8}>
              <Button type="primary" loading={busy} onClick={() => void run(autosave.keepMine)}>
                {t("applications.keepMine")}
              </Button>
              <Button danger disabled={busy} onClick={() => void run(autosave.loadLatest)}>
                {t("applications.loadLatest")}
              </Button>
            </Flex>
          </Flex>
        }
      />
    );
  if (s.kind === "locked")
    return <Alert type="info" showIcon role="alert" title={t("applications.statusChanged")} />;
  if (s.kind === "error")
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t("applications.saveFailed", { message: s.message })}
        action={
          <Button size="small" onClick={() => void autosave.flush()}>
            {t("applications.retrySave")}
          </Button>
        }
      />
    );
  return null;
}
