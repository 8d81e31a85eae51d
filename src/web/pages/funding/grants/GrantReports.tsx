/**
 * The grant page's 进展报告 (progress reports) tab: the reports with their period, due day,
 * lateness and status; staff schedule them, review a submitted one here (the dialog shows what
 * was reported) and remove one still due; the grantee opens the form.
 */
import {
  App,
  Button,
  Card,
  Flex,
  Form,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { SCHEDULE_FREQUENCIES, type ScheduleFrequency } from "../../../../domain/funding/schedule";
import type { ReportEntry } from "../../../../schemas/funding/reports";
import { request } from "../../../api/client";
import { useGrantReports, useReport, useScheduleReports } from "../../../api/funding/reports";
import { QueryError } from "../../../components/QueryError";
import { errorMessage } from "../../../components/serverErrors";
import { ReportSummary } from "../reports/ReportSummary";
import { ReportKindTag, ReportStatusTag } from "../reports/ReportTags";
import { ReviewDialog } from "../reports/ReviewDialog";

export function GrantReports({ grantId }: { grantId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reports = useGrantReports(grantId);
  const [scheduling, setScheduling] = useState(false);
  const [reviewing, setReviewing] = useState<string | null>(null);
  const data = reports.data;

  const remove = async (r: ReportEntry) => {
    try {
      await request(`/api/reports/${r.id}`, { method: "DELETE", query: { version: String(r.version) } });
      message.success(t("fundingReports.removed"));
      await reports.refetch();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  if (reports.isError) return <QueryError error={reports.error} onRetry={() => void reports.refetch()} />;
  return (
    <Card
      size="small"
      title={<h2 className="hatchery-card-title">{t("fundingReports.tabTitle")}</h2>}
      extra={
        data?.canSchedule && (
          <Button type="primary" onClick={() => setScheduling(true)}>
            {t("fundingReports.schedule")}
          </Button>
        )
      }
    >
      <Flex vertical gap={12} aria-busy={reports.isFetching}>
        {data && (
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t("fundingReports.graceNote", { days: data.graceDays })}
          </Typography.Paragraph>
        )}
        <Table<ReportEntry>
          rowKey="id"
          size="small"
          loading={!data}
          dataSource={data?.items ?? []}
          pagination={false}
          scroll={{ x: 640 }}
          locale={{
            emptyText: (
              <Typography.Text>
                {data?.canSchedule ? t("fundingReports.noneYetStaff") : t("fundingReports.noneYet")}
              </Typography.Text>
            ),
          }}
          columns={[
            {
              title: t("fundingReports.kind"),
              key: "kind",
              render: (_, r) => <ReportKindTag kind={r.kind} />,
            },
            {
              title: t("fundingReports.period"),
              key: "period",
              render: (_, r) => `${r.periodStart} ~ ${r.periodEnd}`,
            },
            {
              title: t("fundingReports.dueOn"),
              key: "due",
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <span>{r.dueOn}</span>
                  {r.late && (
                    <Typography.Text type="danger">
                      {t("fundingReports.late")} · {t("fundingReports.failsAfter", { day: r.failsAfter })}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: t("fundingReports.status"),
              key: "status",
              render: (_, r) => <ReportStatusTag status={r.status} />,
            },
            {
              title: "",
              key: "actions",
              render: (_, r) => (
                <Space wrap>
                  {data?.canWrite && (r.status === "due" || r.status === "returned") ? (
                    <Link to={`/funding/reports/${r.id}`}>{t("fundingReports.write")}</Link>
                  ) : (
                    <Link
                      to={`/funding/reports/${r.id}`}
                      aria-label={`${t("fundingReports.view")} ${r.periodEnd}`}
                    >
                      {t("fundingReports.view")}
                    </Link>
                  )}
                  {data?.canReview && r.status === "submitted" && (
                    <Button size="small" type="primary" onClick={() => setReviewing(r.id)}>
                      {t("fundingReports.review")}
                    </Button>
                  )}
                  {data?.canSchedule && r.status === "due" && (
                    <Popconfirm title={t("fundingReports.removeConfirm")} onConfirm={() => void remove(r)}>
                      <Button size="small" danger>
                        {t("fundingReports.remove")}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Flex>
      {scheduling && <ScheduleDialog grantId={grantId} onClose={() => setScheduling(false)} />}
      {reviewing && <ReviewFromList id={reviewing} onClose={() => setReviewing(null)} />}
    </Card>
  );
}

function ReviewFromList({ id, onClose }: { id: string; onClose: () => void }) {
  const report = useReport(id);
  if (!report.data) return null;
  return (
    <ReviewDialog report={report.data} mode="review" open onClose={onClose}>
      <ReportSummary report={report.data} compact />
    </ReviewDialog>
  );
}

function ScheduleDialog({ grantId, onClose }: { grantId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ frequency: ScheduleFrequency; dueAfterDays: number }>();
  const schedule = useScheduleReports(grantId);
  const submit = async (values: { frequency: ScheduleFrequency; dueAfterDays: number }) => {
    try {
      const done = await schedule.mutateAsync(values);
      message.success(
        done.added > 0
          ? t("fundingReports.scheduled", { count: done.added })
          : t("fundingReports.scheduledNone"),
      );
      onClose();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <Modal
      open
      title={t("fundingReports.scheduleTitle")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("fundingReports.schedule")}
      confirmLoading={schedule.isPending}
    >
      <Typography.Paragraph type="secondary">{t("fundingReports.scheduleHelp")}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ frequency: "quarterly", dueAfterDays: 10 }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="frequency" label={t("fundingReports.frequency")}>
          <Select
            options={SCHEDULE_FREQUENCIES.map((f) => ({
              value: f,
              label: t(`fundingReports.frequencyLabel.${f}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="dueAfterDays" label={t("fundingReports.dueAfterDays")} rules={[{ required: true }]}>
          <InputNumber min={0} max={60} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
