/**
 * The record's save line (what is saved, or what waits for the network) and the conflict panel:
 * each field changed here and on the server, both versions side by side, the user picks one.
 */
import { CheckOutlined, CloudUploadOutlined, LoadingOutlined } from "@ant-design/icons";
import { Alert, Button, Flex, Radio, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ExclusionCheck } from "../../../../../domain/inspection";
import { dayjs } from "../../../../components/format";
import { errorMessage } from "../../../../components/serverErrors";
import type { DraftValue } from "../../../../offline/drafts";
import { useInspectionLabels } from "../components/labels";
import type { InspectionAutosave } from "./useInspectionAutosave";

export function SaveStatus({ autosave }: { autosave: InspectionAutosave }) {
  const { t } = useTranslation();
  const s = autosave.state;
  let text: React.ReactNode = null;
  if (s.kind === "saving")
    text = (
      <>
        <LoadingOutlined aria-hidden /> {t("inspections.save.saving")}
      </>
    );
  else if (s.kind === "saved")
    text = (
      <>
        <CheckOutlined aria-hidden style={{ color: "#237804" }} />{" "}
        {t("inspections.save.savedAt", { time: dayjs(s.at).tz("Asia/Shanghai").format("HH:mm:ss") })}
      </>
    );
  else if (s.kind === "offline")
    text = (
      <>
        <CloudUploadOutlined aria-hidden style={{ color: "#ad4e00" }} />{" "}
        {t("inspections.save.waiting", { count: autosave.pending })}
        {autosave.keeping === false && <> {t("inspections.save.notKept")}</>}
      </>
    );
  else if (s.kind === "conflict") text = t("inspections.save.conflictTitle");
  else if (s.kind === "error") text = t("inspections.save.failed", { message: s.message });
  else if (autosave.unsaved) text = t("inspections.save.unsaved");
  else text = t("inspections.save.hint");
  return (
    <Typography.Text
      type={s.kind === "error" || s.kind === "conflict" ? "danger" : "secondary"}
      role="status"
      aria-live="polite"
      style={{ fontSize: 13 }}
    >
      {text}
    </Typography.Text>
  );
}

/** A field's label from its key ("checks.no_own_bank_account.evidence" → its check's evidence). */
function useKeyLabel() {
  const { t } = useTranslation();
  const labels = useInspectionLabels();
  return (key: string): string => {
    if (key.startsWith("checks.")) {
      const [, check, part] = key.split(".");
      const name = labels.check[check as ExclusionCheck] ?? check;
      const what =
        part === "answer"
          ? t("inspections.form.answer")
          : part === "evidence"
            ? t("inspections.form.evidence")
            : t("inspections.section.files");
      return `${name} · ${what}`;
    }
    if (key === "fileIds") return t("inspections.section.files");
    if (key === "leader.referencesNote") return t("inspections.form.referencesNote");
    return labels.field[key as keyof typeof labels.field] ?? key;
  };
}

function useShowValue() {
  const { t } = useTranslation();
  const labels = useInspectionLabels();
  return (key: string, value: DraftValue): string => {
    if (value === null || value === "" || (Array.isArray(value) && value.length === 0))
      return t("common.empty");
    if (typeof value === "boolean") return value ? t("inspections.form.yes") : t("inspections.form.no");
    if (typeof value === "number" && key.endsWith("Fen"))
      return `${(value / 100).toLocaleString()} ${t("inspections.form.yuan")}`;
    if (key.endsWith(".answer")) return labels.answer[value as keyof typeof labels.answer] ?? String(value);
    if (key === "finances.stability")
      return labels.stability[value as keyof typeof labels.stability] ?? String(value);
    if (key === "recommendation.decision")
      return labels.recommendation[value as keyof typeof labels.recommendation] ?? String(value);
    if (key === "finances.incomeSources")
      return (value as string[])
        .map((s) => labels.incomeSource[s as keyof typeof labels.incomeSource] ?? s)
        .join("、");
    if (Array.isArray(value)) return `${value.length}`;
    return String(value);
  };
}

export function SaveProblems({ autosave }: { autosave: InspectionAutosave }) {
  const { t } = useTranslation();
  const keyLabel = useKeyLabel();
  const show = useShowValue();
  const [choices, setChoices] = useState<Record<string, "mine" | "theirs">>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const s = autosave.state;
  if (s.kind === "conflict")
    return (
      <Alert
        type="warning"
        showIcon
        role="alert"
        style={{ marginBottom: 12 }}
        title={t("inspections.save.conflictTitle")}
        description={
          <Flex vertical gap={10}>
            <span>{t("inspections.save.conflictBody")}</span>
            {s.fields.map((f) => (
              <section
                key={f.key}
                aria-label={keyLabel(f.key)}
                style={{ borderInlineStart: "3px solid #d48806", paddingInlineStart: 8 }}
              >
                <Typography.Text strong>{keyLabel(f.key)}</Typography.Text>
                <Radio.Group
                  style={{ display: "flex", flexDirection: "column", gap: 4, marginTop: 4 }}
                  aria-label={keyLabel(f.key)}
                  value={choices[f.key] ?? "mine"}
                  onChange={(e) => setChoices((c) => ({ ...c, [f.key]: e.target.value }))}
                >
                  <Radio value="mine">
                    {t("inspections.save.mine")}：{show(f.key, f.mine)}
                  </Radio>
                  <Radio value="theirs">
                    {t("inspections.save.theirs")}：{show(f.key, f.theirs)}
                  </Radio>
                </Radio.Group>
              </section>
            ))}
            {error && <Typography.Text type="danger">{error}</Typography.Text>}
            <div>
              <Button
                type="primary"
                loading={busy}
                onClick={async () => {
                  setBusy(true);
                  setError(null);
                  try {
                    await autosave.resolve(choices);
                    setChoices({});
                  } catch (e) {
                    setError(errorMessage(e));
                  } finally {
                    setBusy(false);
                  }
                }}
              >
                {t("inspections.save.apply")}
              </Button>
            </div>
          </Flex>
        }
      />
    );
  if (s.kind === "locked")
    return (
      <Alert
        type="info"
        showIcon
        role="alert"
        style={{ marginBottom: 12 }}
        title={t("inspections.save.locked")}
      />
    );
  if (s.kind === "error")
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        style={{ marginBottom: 12 }}
        title={t("inspections.save.failed", { message: s.message })}
        action={
          <Button size="small" onClick={() => void autosave.flush()}>
            {t("inspections.save.retry")}
          </Button>
        }
      />
    );
  return null;
}
