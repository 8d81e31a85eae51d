/**
 * One progress report (/funding/reports/:id). The grantee's member fills it in on a phone: each
 * indicator's value this period with its baseline and target shown, people reached (人数) and
 * person-times per activity (人次) with the difference explained, narrative, problems, photos;
 * saves a draft at the version read (useVersionedForm) or submits it. Everyone else (and the
 * member once it is in) reads it; staff review it or end the grant of a failed mid-term here.
 */
import { CameraOutlined } from "@ant-design/icons";
import { App, Button, Card, Flex, Form, Input, InputNumber, Popconfirm, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { ReportContent, ReportView } from "../../../../schemas/funding/reports";
import { isApiError } from "../../../api/client";
import { fetchReport, uploadReportFile, useReport, useWriteReport } from "../../../api/funding/reports";
import { FileButton } from "../../../components/FileButton";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { errorMessage } from "../../../components/serverErrors";
import { useVersionedForm } from "../../../components/useVersionedForm";
import { FileLinks } from "../../services/requests/RequestFiles";
import { ReportSummary } from "./ReportSummary";
import { ReportKindTag, ReportStatusTag } from "./ReportTags";
import { ReviewDialog } from "./ReviewDialog";

interface Values {
  values: { value?: string | null; evidence?: string }[];
  newPeople: number | null;
  counts: (number | null)[];
  narrative: string;
  problems: string;
}

const toValues = (r: ReportView): Values => ({
  values: r.indicators.map((i) => ({
    value: i.value === null ? null : String(Number(i.value)),
    evidence: i.evidence,
  })),
  newPeople: r.newPeople,
  counts: r.project.activities.map(
    (a) => r.activityCounts.find((c) => c.activity === a)?.personTimes ?? null,
  ),
  narrative: r.narrative,
  problems: r.problems,
});

export default function ReportPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const report = useReport(id);
  const [dialog, setDialog] = useState<"review" | "end" | null>(null);
  const r = report.data;
  const title = r
    ? t("fundingReports.formTitle", {
        kind: t(`fundingReports.kindLabel.${r.kind}`),
        start: r.periodStart,
        end: r.periodEnd,
      })
    : t("fundingReports.tabTitle");
  return (
    <>
      <PageHeader
        title={title}
        backTo={r ? `/funding/grants/${r.grant.id}?tab=reports` : undefined}
        extra={
          r && (
            <Space wrap>
              {r.can.review && (
                <Button type="primary" onClick={() => setDialog("review")}>
                  {t("fundingReports.review")}
                </Button>
              )}
              {r.can.endGrant && (
                <Button danger onClick={() => setDialog("end")}>
                  {t("fundingReports.endGrantTitle")}
                </Button>
              )}
            </Space>
          )
        }
      />
      {report.isError ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : !r ? (
        <Card loading aria-busy />
      ) : (
        <Flex vertical gap={16}>
          <Flex gap={8} wrap align="center">
            <ReportKindTag kind={r.kind} />
            <ReportStatusTag status={r.status} />
            <Typography.Text>
              {t("fundingReports.dueOn")}：{r.dueOn}
            </Typography.Text>
            {r.late && (
              <Typography.Text type="danger">
                {t("fundingReports.late")} · {t("fundingReports.failsAfter", { day: r.failsAfter })}
              </Typography.Text>
            )}
          </Flex>
          <Typography.Text type="secondary">
            {t("fundingReports.formIntro", {
              number: r.grant.number,
              project: r.project.title,
              organization: r.organizationName,
            })}
          </Typography.Text>
          <Link to={`/funding/grants/${r.grant.id}?tab=reports`}>{t("fundingReports.backToGrant")}</Link>
          {r.can.write ? (
            <ReportForm key={r.version} report={r} />
          ) : (
            <Card size="small">
              <ReportSummary report={r} />
            </Card>
          )}
          {dialog && <ReviewDialog report={r} mode={dialog} open onClose={() => setDialog(null)} />}
        </Flex>
      )}
    </>
  );
}

function ReportForm({ report }: { report: ReportView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState(report.files.map((f) => ({ id: f.id, name: f.originalName })));
  const [uploading, setUploading] = useState(false);
  const save = useWriteReport(report.id, false);
  const submit = useWriteReport(report.id, true);
  const versioned = useVersionedForm<Values, ReportView>({
    form,
    original: report,
    fetchLatest: fetchReport,
    toFormValues: toValues,
    showFieldError: (error) => {
      if (!isApiError(error) || !error.field) return false;
      const [head, index, leaf] = error.field.split(".");
      const name: (string | number)[] | null =
        head === "values" && index !== undefined
          ? ["values", Number(index), leaf ?? "value"]
          : head === "activityCounts" && index !== undefined
            ? ["counts", Number(index)]
            : head && ["newPeople", "narrative", "problems"].includes(head)
              ? [head]
              : null;
      if (!name) return false;
      form.setFields([{ name: name as never, errors: [error.message] }]);
      form.scrollToField(name as never, { block: "center" });
      return true;
    },
    keptMineMessage: t("fundingReports.keptMine"),
  });

  const body = (v: Values): ReportContent => ({
    version: versioned.version,
    narrative: v.narrative ?? "",
    problems: v.problems ?? "",
    newPeople: v.newPeople ?? 0,
    activityCounts: report.project.activities.flatMap((activity, i) => {
      const n = v.counts?.[i];
      return n === null || n === undefined ? [] : [{ activity, personTimes: n }];
    }),
    values: report.indicators.map((ind, i) => ({
      indicatorId: ind.indicatorId,
      value: v.values?.[i]?.value ? String(v.values[i]?.value) : null,
      evidence: v.values?.[i]?.evidence ?? "",
    })),
    fileIds: files.map((f) => f.id),
  });

  const run = async (handIn: boolean) => {
    const values = form.getFieldsValue(true) as Values;
    try {
      await (handIn ? submit : save).mutateAsync(body(values));
      versioned.saved();
      message.success(handIn ? t("fundingReports.submittedDone") : t("fundingReports.draftSaved"));
    } catch (e) {
      versioned.saveFailed(e);
    }
  };

  const upload = async (chosen: File[]) => {
    setUploading(true);
    try {
      for (const file of chosen) {
        const saved = await uploadReportFile(report.id, file);
        setFiles((f) => [...f, { id: saved.id, name: saved.originalName }]);
        versioned.markDirty();
        message.success(t("fundingReports.attached", { name: saved.originalName }));
      }
    } catch (e) {
      message.error(`${t("fundingReports.uploadFailed")}${t("common.colon")}${errorMessage(e)}`);
    } finally {
      setUploading(false);
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={toValues(report)} onValuesChange={versioned.markDirty}>
      {versioned.banners}
      {report.reviewNote && report.status === "returned" && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Typography.Text strong>{t("fundingReports.reviewNote")}：</Typography.Text>
          {report.reviewNote}
        </Card>
      )}
      <Card size="small" title={<h2 className="hatchery-card-title">{t("fundingReports.indicators")}</h2>}>
        {report.indicators.map((ind, i) => (
          <div key={ind.indicatorId} style={{ borderBottom: "1px solid #f0f0f0", marginBottom: 12 }}>
            <Typography.Text strong>{ind.name}</Typography.Text>
            <div>
              <Typography.Text type="secondary">
                {t("fundingReports.baseline")} {ind.baselineValue} {ind.unit} · {t("fundingReports.target")}{" "}
                {ind.targetValue} {ind.unit}
                {ind.method ? ` · ${t("fundingReports.method")}：${ind.method}` : ""}
              </Typography.Text>
            </div>
            <Form.Item
              name={["values", i, "value"]}
              label={`${t("fundingReports.value")}（${ind.unit}）`}
              extra={t("fundingReports.valueHelp")}
              rules={[{ pattern: /^\d{1,12}(\.\d{1,2})?$/, message: t("fundingReports.valueHelp") }]}
            >
              <Input inputMode="decimal" maxLength={15} />
            </Form.Item>
            <Form.Item name={["values", i, "evidence"]} label={t("fundingReports.evidence")}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
          </div>
        ))}
      </Card>
      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={<h2 className="hatchery-card-title">{t("fundingReports.people")}</h2>}
      >
        <Typography.Paragraph>{t("fundingReports.peopleHelp")}</Typography.Paragraph>
        <Form.Item name="newPeople" label={t("fundingReports.newPeople")}>
          <InputNumber min={0} max={9_999_999} precision={0} inputMode="numeric" style={{ width: "100%" }} />
        </Form.Item>
        {report.project.activities.map((activity, i) => (
          <Form.Item
            key={activity}
            name={["counts", i]}
            label={t("fundingReports.personTimes", { activity })}
          >
            <InputNumber
              min={0}
              max={9_999_999}
              precision={0}
              inputMode="numeric"
              style={{ width: "100%" }}
            />
          </Form.Item>
        ))}
      </Card>
      <Card size="small" style={{ marginTop: 16 }}>
        <Form.Item
          name="narrative"
          label={t("fundingReports.narrative")}
          extra={t("fundingReports.narrativeHelp")}
        >
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Form.Item name="problems" label={t("fundingReports.problems")}>
          <Input.TextArea rows={3} maxLength={3000} />
        </Form.Item>
      </Card>
      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={<h2 className="hatchery-card-title">{t("fundingReports.photos")}</h2>}
      >
        <Flex vertical gap={8}>
          {files.length > 0 && <FileLinks files={files} />}
          <div>
            <FileButton
              accept=".jpg,.jpeg,.png,.webp,.gif,.pdf"
              multiple
              icon={<CameraOutlined aria-hidden />}
              loading={uploading}
              onFiles={(f) => void upload(f)}
            >
              {t("fundingReports.attach")}
            </FileButton>
          </div>
          <Typography.Text type="secondary">{t("fundingReports.photosHelp")}</Typography.Text>
        </Flex>
      </Card>
      <Flex gap={8} wrap style={{ marginTop: 16 }}>
        <Button onClick={() => void run(false)} loading={save.isPending}>
          {t("fundingReports.saveDraft")}
        </Button>
        <Popconfirm title={t("fundingReports.submitConfirm")} onConfirm={() => void run(true)}>
          <Button type="primary" loading={submit.isPending}>
            {t("fundingReports.submit")}
          </Button>
        </Popconfirm>
      </Flex>
    </Form>
  );
}
