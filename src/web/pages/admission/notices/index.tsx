/**
 * 入壳公示 for base staff: publish a round's notice (start, a period in working days or an end set
 * by hand, since public holidays are not known to the platform), record and answer objections,
 * and close a notice after its end, which makes the decisions final and sends the letters.
 */
import {
  Alert,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  message,
  Skeleton,
  Space,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { StaffNotice } from "../../../../schemas/admission/notices";
import { useNoticeAct, useStaffNotices } from "../../../api/admission/notices";
import { DateInput } from "../../../components/DateInput";
import { formatDate, formatDateTime } from "../../../components/format";
import { ToneTag } from "../../../components/labels";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { useRecruitmentLabels } from "../../../components/recruitmentLabels";
import { errorMessage } from "../../../components/serverErrors";

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

export default function NoticesPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const notices = useStaffNotices();
  const roundId = params.get("roundId");
  return (
    <>
      <PageHeader title={t("admission.notices.title")} />
      {roundId && <PublishForm roundId={roundId} />}
      {notices.isError ? (
        <QueryError error={notices.error} onRetry={() => void notices.refetch()} />
      ) : !notices.data ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : notices.data.items.length === 0 ? (
        <Card>
          <Empty description={t("admission.notices.empty")} />
        </Card>
      ) : (
        <Flex vertical gap={16}>
          {notices.data.items.map((n) => (
            <NoticeCard key={n.id} notice={n} />
          ))}
        </Flex>
      )}
    </>
  );
}

function PublishForm({ roundId }: { roundId: string }) {
  const { t } = useTranslation();
  const act = useNoticeAct();
  const [form] = Form.useForm();
  const submit = async (values: {
    title: string;
    body?: string;
    startsOn: string;
    workingDays?: number;
    endsOn?: string;
  }) => {
    try {
      await act.mutateAsync({
        kind: "publish",
        body: {
          roundId,
          title: values.title,
          body: values.body ?? "",
          startsAt: `${values.startsOn}T00:00:00+08:00`,
          workingDays: values.endsOn ? null : (values.workingDays ?? 5),
          endsAt: values.endsOn ? `${values.endsOn}T23:59:59+08:00` : null,
        },
      });
      void message.success(t("admission.notices.published"));
      form.resetFields();
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("admission.notices.publishTitle")}</h2>}
      style={{ marginBottom: 16 }}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ startsOn: today(), workingDays: 5 }}
      >
        <Form.Item
          name="title"
          label={t("admission.notices.noticeTitle")}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="body" label={t("admission.notices.body")}>
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={10000} />
        </Form.Item>
        <Flex wrap gap={16}>
          <Form.Item name="startsOn" label={t("admission.notices.startsAt")} rules={[{ required: true }]}>
            <DateInput min="2020-01-01" max="2100-12-31" />
          </Form.Item>
          <Form.Item name="workingDays" label={t("admission.notices.workingDays")}>
            <InputNumber min={1} max={60} precision={0} />
          </Form.Item>
          <Form.Item name="endsOn" label={t("admission.notices.endsAt")}>
            <DateInput min="2020-01-01" max="2100-12-31" />
          </Form.Item>
        </Flex>
        <Alert
          type="info"
          showIcon
          message={t("admission.notices.holidayHint")}
          style={{ marginBottom: 16 }}
        />
        <Button type="primary" htmlType="submit" loading={act.isPending}>
          {t("admission.notices.publish")}
        </Button>
      </Form>
    </Card>
  );
}

function NoticeCard({ notice }: { notice: StaffNotice }) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const act = useNoticeAct();
  const [objecting, setObjecting] = useState(false);
  const [closing, setClosing] = useState(false);
  const unanswered = notice.objections.filter((o) => !o.answeredAt).length;
  const names = new Map(notice.listed.map((l) => [l.applicationId, l.organizationName]));
  const run = async (work: Promise<unknown>, done?: string) => {
    try {
      await work;
      if (done) void message.success(done);
      return true;
    } catch (error) {
      void message.error(errorMessage(error));
      return false;
    }
  };
  return (
    <Card
      title={
        <Space wrap>
          <h2 style={{ fontSize: 16, margin: 0 }}>{notice.title}</h2>
          <ToneTag tone={notice.status === "published" ? "blue" : "default"}>
            {notice.status === "published"
              ? t("admission.notices.statusPublished")
              : t("admission.notices.statusClosed")}
          </ToneTag>
        </Space>
      }
      extra={
        notice.status === "published" && (
          <Space wrap>
            <Button onClick={() => setObjecting(true)}>{t("admission.notices.recordObjection")}</Button>
            <Button
              type="primary"
              disabled={!notice.ended}
              title={notice.ended ? undefined : t("admission.notices.notEnded")}
              onClick={() => setClosing(true)}
            >
              {t("admission.notices.close")}
            </Button>
          </Space>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        <Link to={`/rounds/${notice.roundId}/meeting`}>{notice.roundTitle}</Link> ·{" "}
        {t("admission.notices.period", {
          start: formatDateTime(notice.startsAt),
          end: formatDateTime(notice.endsAt),
        })}{" "}
        · <Link to={`/notices/${notice.id}`}>{t("admission.notices.portalTitle")}</Link>
      </Typography.Paragraph>
      <Typography.Paragraph>
        <strong>{t("admission.notices.listed")}</strong>
        {t("common.colon")}
        {notice.listed.map((l) => `${l.organizationName}（${labels.track[l.track]}）`).join("、")}
      </Typography.Paragraph>
      <h3 style={{ fontSize: 14 }}>
        {t("admission.notices.objections")}{" "}
        {unanswered > 0 && (
          <ToneTag tone="red">
            {t("admission.notices.unanswered")} {unanswered}
          </ToneTag>
        )}
      </h3>
      {notice.objections.length === 0 ? (
        <Typography.Text type="secondary">{t("admission.notices.noObjections")}</Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          {notice.objections.map((o) => (
            <Card key={o.id} size="small">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {o.objector}
                {o.contact && ` · ${o.contact}`} · {formatDate(o.receivedAt)}
                {o.applicationId && ` · ${names.get(o.applicationId) ?? ""}`}
              </Typography.Text>
              <div style={{ whiteSpace: "pre-wrap" }}>{o.body}</div>
              {o.answer ? (
                <Alert
                  type="success"
                  style={{ marginTop: 8 }}
                  message={`${t("admission.notices.answer")}：${o.answer}`}
                />
              ) : (
                notice.status === "published" && (
                  <AnswerForm
                    onAnswer={(answer) =>
                      run(
                        act.mutateAsync({
                          kind: "answer",
                          id: notice.id,
                          objectionId: o.id,
                          body: { answer, version: o.version },
                        }),
                      )
                    }
                  />
                )
              )}
            </Card>
          ))}
        </Flex>
      )}
      {objecting && (
        <ObjectionDialog
          notice={notice}
          onClose={() => setObjecting(false)}
          onSave={(body) => run(act.mutateAsync({ kind: "objection", id: notice.id, body }))}
        />
      )}
      {closing && (
        <CloseDialog
          onClose={() => setClosing(false)}
          onSave={async (confirmBy) => {
            try {
              const result = (await act.mutateAsync({
                kind: "close",
                id: notice.id,
                body: { confirmBy, version: notice.version },
              })) as {
                letters: number;
              };
              void message.success(t("admission.notices.closed", { count: result.letters }));
              return true;
            } catch (error) {
              void message.error(errorMessage(error));
              return false;
            }
          }}
        />
      )}
    </Card>
  );
}

function AnswerForm({ onAnswer }: { onAnswer: (answer: string) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [value, setValue] = useState("");
  return (
    <Flex gap={8} style={{ marginTop: 8 }} wrap>
      <Input.TextArea
        aria-label={t("admission.notices.answerPlaceholder")}
        placeholder={t("admission.notices.answerPlaceholder")}
        autoSize
        value={value}
        onChange={(e) => setValue(e.target.value)}
        style={{ flex: "1 1 240px" }}
      />
      <Button disabled={!value.trim()} onClick={() => void onAnswer(value).then((ok) => ok && setValue(""))}>
        {t("admission.notices.answer")}
      </Button>
    </Flex>
  );
}

function ObjectionDialog(props: {
  notice: StaffNotice;
  onClose: () => void;
  onSave: (body: {
    objector: string;
    contact?: string;
    body: string;
    receivedOn: string;
    applicationId?: string | null;
  }) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  return (
    <Modal
      open
      title={t("admission.notices.recordObjection")}
      onCancel={props.onClose}
      onOk={async () => {
        const v = await form.validateFields();
        if (await props.onSave({ ...v, applicationId: v.applicationId || null })) props.onClose();
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ receivedOn: today(), applicationId: "" }}>
        <Form.Item
          name="objector"
          label={t("admission.notices.objector")}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="contact" label={t("admission.notices.contact")}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="body"
          label={t("admission.notices.objectionBody")}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={4000} />
        </Form.Item>
        <Form.Item name="receivedOn" label={t("admission.notices.receivedOn")} rules={[{ required: true }]}>
          <DateInput min="2020-01-01" max="2100-12-31" />
        </Form.Item>
        <Form.Item name="applicationId" label={t("admission.notices.application")}>
          <select className="ant-input" style={{ width: "100%" }}>
            <option value="">—</option>
            {props.notice.listed.map((l) => (
              <option key={l.applicationId} value={l.applicationId}>
                {l.organizationName}
              </option>
            ))}
          </select>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CloseDialog({
  onClose,
  onSave,
}: {
  onClose: () => void;
  onSave: (confirmBy: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  return (
    <Modal
      open
      title={t("admission.notices.closeTitle")}
      okText={t("admission.notices.close")}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        if (await onSave(v.confirmBy)) onClose();
      }}
    >
      <Typography.Paragraph>{t("admission.notices.closeHint")}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="confirmBy" label={t("admission.notices.confirmBy")} rules={[{ required: true }]}>
          <DateInput min={today()} max="2100-12-31" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
