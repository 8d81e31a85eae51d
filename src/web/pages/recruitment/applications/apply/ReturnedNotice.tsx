/** When staff returned the application: their reason and each item's verdict, above the form. */
import { Alert, Flex, List, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ApplicationDetail } from "../../../../../schemas/recruitment/applications";
import { formatDateTime } from "../../../../components/format";
import { IntakeVerdictTag } from "../../../../components/recruitmentLabels";

export function ReturnedNotice({ detail }: { detail: ApplicationDetail }) {
  const { t } = useTranslation();
  const labelOf = (key: string) => {
    if (key.startsWith("q:"))
      return detail.requirements.questions.find((q) => `q:${q.key}` === key)?.label ?? key;
    return detail.requirements.documents.find((d) => d.key === key)?.label ?? key;
  };
  const verdicts = detail.verdicts.filter((r) => r.status !== "ok" || r.reason);
  return (
    <Alert
      type="warning"
      showIcon
      role="region"
      aria-label={t("applications.sections.returned")}
      title={<strong>{t("applications.sections.returned")}</strong>}
      description={
        <Flex vertical gap={8}>
          {detail.statusReason && (
            <div>
              <Typography.Text strong>
                {t("applications.returnedReason")}
                {t("common.colon")}
              </Typography.Text>
              <span style={{ whiteSpace: "pre-wrap" }}>{detail.statusReason}</span>
            </div>
          )}
          {verdicts.length > 0 && (
            <div>
              <Typography.Text strong>{t("applications.verdictResults")}</Typography.Text>
              <List
                size="small"
                dataSource={verdicts}
                renderItem={(r) => (
                  <List.Item style={{ paddingInline: 0 }}>
                    <Flex vertical gap={2} style={{ width: "100%" }}>
                      <Flex wrap gap={6} align="center">
                        <span>{labelOf(r.requirementKey)}</span>
                        <IntakeVerdictTag status={r.status} />
                      </Flex>
                      {r.reason && <span style={{ whiteSpace: "pre-wrap" }}>{r.reason}</span>}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {formatDateTime(r.checkedAt)}
                        {r.checkerName ? ` · ${r.checkerName}` : ""}
                      </Typography.Text>
                    </Flex>
                  </List.Item>
                )}
              />
            </div>
          )}
        </Flex>
      }
    />
  );
}
