/** Staff's verdict beside one flagged item of the form: the tag by its title, the reason under it. */
import { Alert, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ToneTag } from "../../../../components/labels";
import { IntakeVerdictTag } from "../../../../components/recruitmentLabels";
import type { Flag } from "./flags";

export function VerdictTag({ flag }: { flag: Flag | undefined }) {
  const { t } = useTranslation();
  if (!flag) return null;
  return flag.updated ? (
    <ToneTag tone="default">{t("applications.flag.updated")}</ToneTag>
  ) : (
    <IntakeVerdictTag status={flag.status} />
  );
}

export function VerdictNote({ flag }: { flag: Flag | undefined }) {
  const { t } = useTranslation();
  if (!flag) return null;
  if (flag.updated)
    return (
      <Typography.Text type="secondary" style={{ display: "block", fontSize: 12, marginBottom: 6 }}>
        {t("applications.flag.updatedHint")}
      </Typography.Text>
    );
  if (!flag.reason) return null;
  return (
    <Alert
      type="warning"
      style={{ marginBottom: 8, padding: "6px 12px" }}
      title={
        <span style={{ whiteSpace: "pre-wrap" }}>
          <strong>{t("applications.flag.reason")}</strong>
          {t("common.colon")}
          {flag.reason}
        </span>
      }
    />
  );
}
