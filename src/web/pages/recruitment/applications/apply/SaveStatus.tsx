/**
 * Autosave's state line (beside the submit button: what is saved, or what waits for the network),
 * and the conflict banner that keeps what the user typed and shows it beside what was saved.
 */
import { CheckOutlined, CloudUploadOutlined, LoadingOutlined } from "@ant-design/icons";
import { Alert, Button, Flex, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApplicationDetail } from "../../../../../schemas/recruitment/applications";
import { dayjs } from "../../../../components/format";
import { errorMessage } from "../../../../components/serverErrors";
import { sameValue } from "../../../../offline/drafts";
import { AnswerText } from "./ReadAnswers";
import { type Autosave, formValues } from "./useAutosave";

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
  else if (s.kind === "offline")
    text = (
      <>
        <CloudUploadOutlined aria-hidden style={{ color: "#ad4e00" }} />{" "}
        {t("applications.offline.waiting", { count: autosave.pending })}
        {autosave.keeping === false && <> {t("applications.offline.notKept")}</>}
      </>
    );
  else if (autosave.unsaved) text = t("applications.unsaved");
  else if (s.kind === "idle")
    text = t(autosave.keeping === false ? "applications.offline.keepingOff" : "applications.autosaveHint");
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
            <ConflictCompare autosave={autosave} latest={s.latest} />
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

/** Each answer changed here beside the same answer as saved elsewhere, where the two differ. */
function ConflictCompare({ autosave, latest }: { autosave: Autosave; latest: ApplicationDetail | null }) {
  const { t } = useTranslation();
  if (!latest) return null;
  const pending = new Set(autosave.pendingKeys());
  const theirs = formValues(latest);
  const differing = latest.requirements.questions.filter(
    (q) => pending.has(q.key) && !sameValue(autosave.values[q.key], theirs[q.key]),
  );
  if (differing.length === 0) return null;
  return (
    <Flex vertical gap={8}>
      <Typography.Text strong>{t("applications.offline.compare")}</Typography.Text>
      {differing.map((q) => (
        <section
          key={q.key}
          aria-label={q.label}
          style={{ borderInlineStart: "3px solid #d48806", paddingInlineStart: 8 }}
        >
          <Typography.Text strong>{q.label}</Typography.Text>
          <dl style={{ margin: 0 }}>
            <dt style={{ color: "rgba(0, 0, 0, 0.65)" }}>{t("applications.offline.mine")}</dt>
            <dd style={{ margin: 0 }}>
              <AnswerText question={q} value={autosave.values[q.key]} />
            </dd>
            <dt style={{ color: "rgba(0, 0, 0, 0.65)", marginTop: 4 }}>{t("applications.offline.theirs")}</dt>
            <dd style={{ margin: 0 }}>
              <AnswerText question={q} value={theirs[q.key]} />
            </dd>
          </dl>
        </section>
      ))}
    </Flex>
  );
}
