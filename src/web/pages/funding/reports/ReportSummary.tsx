/**
 * What a report says, read-only: the indicators (value against baseline and target), people
 * reached and person-times, the narrative, problems, photos and the review note.
 */
import { Descriptions, Flex, List, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { ReportView } from "../../../../schemas/funding/reports";
import { FileLinks } from "../../services/requests/RequestFiles";

export function ReportSummary({ report, compact = false }: { report: ReportView; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12} style={{ marginBottom: compact ? 16 : 0 }}>
      <List
        size="small"
        header={<Typography.Text strong>{t("fundingReports.indicators")}</Typography.Text>}
        dataSource={report.indicators}
        renderItem={(i) => (
          <List.Item>
            <Flex vertical style={{ width: "100%" }}>
              <Typography.Text>
                {i.name}：<Typography.Text strong>{i.value ?? "—"}</Typography.Text> {i.unit}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t("fundingReports.baseline")} {i.baselineValue} · {t("fundingReports.target")}{" "}
                {i.targetValue}
                {i.evidence ? ` · ${i.evidence}` : ""}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t("fundingReports.newPeople")}>{report.newPeople}</Descriptions.Item>
        {report.activityCounts.map((a) => (
          <Descriptions.Item
            key={a.activity}
            label={t("fundingReports.personTimes", { activity: a.activity })}
          >
            {a.personTimes}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t("fundingReports.narrative")}>
          <span style={{ whiteSpace: "pre-wrap" }}>{report.narrative || "—"}</span>
        </Descriptions.Item>
        {!compact && (
          <Descriptions.Item label={t("fundingReports.problems")}>
            <span style={{ whiteSpace: "pre-wrap" }}>{report.problems || "—"}</span>
          </Descriptions.Item>
        )}
        {report.reviewNote && (
          <Descriptions.Item label={t("fundingReports.reviewNote")}>
            {report.reviewNote}
            {report.reviewedByName ? `（${report.reviewedByName}）` : ""}
          </Descriptions.Item>
        )}
      </Descriptions>
      {report.files.length > 0 && (
        <div>
          <Typography.Text strong>{t("fundingReports.photos")}</Typography.Text>
          <FileLinks files={report.files.map((f) => ({ id: f.id, name: f.originalName }))} />
        </div>
      )}
    </Flex>
  );
}
