/**
 * One training. Staff: its facts, lifecycle buttons, the check-in screen, the enrolment list with
 * the waitlist in order and attendance ticks, the feedback summary, the attendance sheet, and the
 * organizations it was meant for. A participant: enrol (for their organization or on their own),
 * cancel, and after attending give feedback once.
 */

import { UserAddOutlined } from "@ant-design/icons";
import {
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  Popconfirm,
  Rate,
  Space,
  Table,
  Tag,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { EnrolmentEntry, TrainingView } from "../../../../schemas/services/trainings";
import {
  downloadAttendance,
  useCancelEnrolment,
  useEnrol,
  useGiveFeedback,
  useSetAttendance,
  useTraining,
  useTrainingStep,
} from "../../../api/services/trainings";
import { useAccess } from "../../../auth/session";
import { formatDateTime } from "../../../components/format";
import { ToneTag } from "../../../components/labels";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { errorMessage } from "../../../components/serverErrors";
import { EnrolDialog } from "./EnrolDialog";
import { timeRange, useCategoryLabels } from "./labels";

export default function TrainingDetailPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const training = useTraining(id);
  if (training.isError) return <QueryError error={training.error} onRetry={() => void training.refetch()} />;
  const v = training.data;
  if (!v) return <Card loading />;
  return (
    <>
      <PageHeader title={v.topic} backTo="/trainings" extra={v.can.manage && <StaffActions training={v} />} />
      <Facts training={v} />
      {v.can.manage ? <StaffPart training={v} /> : <ParticipantPart training={v} />}
      {!v.can.manage && v.mine && v.mine.attendedAt && v.mine.rating === null && <FeedbackForm id={v.id} />}
      {!v.can.manage && v.mine?.rating != null && (
        <ToneTag tone="green">{t("trainings.feedbackThanks")}</ToneTag>
      )}
    </>
  );
}

function Facts({ training: v }: { training: TrainingView }) {
  const { t } = useTranslation();
  const categories = useCategoryLabels();
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t("trainings.time")}>{timeRange(v.startsAt, v.endsAt)}</Descriptions.Item>
        <Descriptions.Item label={t("trainings.trainer")}>{v.trainerName}</Descriptions.Item>
        <Descriptions.Item label={t("trainings.place")}>
          {v.place ||
            (v.onlineLink && <a href={v.onlineLink}>{v.onlineLink}</a>) ||
            (v.online && t("trainings.onlineLinkAfterEnrol")) ||
            "—"}
        </Descriptions.Item>
        <Descriptions.Item label={t("trainings.status")}>
          {t(`trainings.statusLabels.${v.status}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t("trainings.category")}>{categories[v.category]}</Descriptions.Item>
        <Descriptions.Item label={t("trainings.seats")}>
          {v.enrolled} / {v.capacity}
          {v.waiting > 0 && `（${t("trainings.waiting")} ${v.waiting}）`}
        </Descriptions.Item>
        <Descriptions.Item label={t("trainings.audiences")}>
          {v.audiences.map((a) => t(`trainings.audienceLabels.${a}`)).join("、")}
        </Descriptions.Item>
        {v.seriesTitle && (
          <Descriptions.Item label={t("trainings.seriesField")}>
            {v.can.manage && v.seriesId ? (
              <Link to={`/trainings/series/${v.seriesId}`}>{v.seriesTitle}</Link>
            ) : (
              v.seriesTitle
            )}
            {`（${v.required ? t("trainings.requiredModule") : t("trainings.electiveModule")}）`}
          </Descriptions.Item>
        )}
      </Descriptions>
      {v.description && <p style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}>{v.description}</p>}
    </Card>
  );
}

function StaffActions({ training: v }: { training: TrainingView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const step = useTrainingStep(v.id);
  const go = (event: "publish" | "cancel" | "finish") =>
    step.mutate({ event, version: v.version }, { onError: (e) => void message.error(errorMessage(e)) });
  return (
    <Space wrap>
      {v.status === "draft" && (
        <Button type="primary" onClick={() => go("publish")} loading={step.isPending}>
          {t("trainings.publish")}
        </Button>
      )}
      {(v.status === "published" || v.status === "done") && (
        <Link to={`/trainings/${v.id}/check-in-screen`}>
          <Button type="primary">{t("trainings.checkInScreen")}</Button>
        </Link>
      )}
      {(v.status === "draft" || v.status === "published") && (
        <Link to={`/trainings/${v.id}/edit`}>
          <Button>{t("trainings.edit")}</Button>
        </Link>
      )}
      {v.status === "published" && <Button onClick={() => go("finish")}>{t("trainings.finish")}</Button>}
      {(v.status === "draft" || v.status === "published") && (
        <Popconfirm title={t("trainings.cancel")} onConfirm={() => go("cancel")}>
          <Button danger>{t("trainings.cancel")}</Button>
        </Popconfirm>
      )}
      <Button onClick={() => void downloadAttendance(v.id)}>{t("trainings.exportAttendance")}</Button>
    </Space>
  );
}

function StaffPart({ training: v }: { training: TrainingView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const attendance = useSetAttendance(v.id);
  const cancel = useCancelEnrolment(v.id);
  const [enrolling, setEnrolling] = useState(false);
  return (
    <>
      {v.meantFor.length > 0 && (
        <Card
          size="small"
          title={<h2 className="hatchery-card-title">{t("trainings.meantFor")}</h2>}
          style={{ marginBottom: 16 }}
        >
          {v.meantFor.map((m) => (
            <Tag key={m.organizationId}>
              {m.name}（{m.dimensions.join("、")}）
            </Tag>
          ))}
        </Card>
      )}
      <Card
        size="small"
        title={<h2 className="hatchery-card-title">{t("trainings.enrolments")}</h2>}
        extra={
          <Space wrap>
            <span>
              {v.feedback.count > 0
                ? t("trainings.feedbackSummary", { count: v.feedback.count, average: v.feedback.average })
                : t("trainings.feedbackNone")}
            </span>
            {v.can.enrol && (
              <Button icon={<UserAddOutlined aria-hidden />} onClick={() => setEnrolling(true)}>
                {t("trainings.enrolSomeone")}
              </Button>
            )}
          </Space>
        }
      >
        {enrolling && <EnrolDialog trainingId={v.id} onClose={() => setEnrolling(false)} />}
        <Table<EnrolmentEntry>
          rowKey="id"
          size="small"
          dataSource={v.enrolments}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { key: "person", title: t("trainings.person"), render: (_, e) => e.personName },
            {
              key: "organization",
              title: t("trainings.organization"),
              render: (_, e) => e.organizationName ?? t("trainings.personal"),
            },
            {
              key: "status",
              title: t("trainings.status"),
              render: (_, e) =>
                e.status === "waiting" ? (
                  <ToneTag tone="orange">{t("trainings.waitlisted", { position: e.waitPosition })}</ToneTag>
                ) : (
                  <Tag color={e.status === "enrolled" ? "blue" : undefined}>
                    {t(`trainings.enrolmentLabels.${e.status}`)}
                  </Tag>
                ),
            },
            {
              key: "attended",
              title: t("trainings.attendance"),
              render: (_, e) =>
                e.status === "enrolled" ? (
                  <Checkbox
                    checked={e.attendedAt !== null}
                    aria-label={`${t("trainings.attendance")} ${e.personName}`}
                    onChange={(ev) =>
                      attendance.mutate(
                        { enrolmentId: e.id, attended: ev.target.checked, version: e.version },
                        { onError: (err) => void message.error(errorMessage(err)) },
                      )
                    }
                  >
                    {e.attendedAt &&
                      `${formatDateTime(e.attendedAt).slice(11)} ${e.attendedVia ? t(`trainings.via.${e.attendedVia}`) : ""}`}
                  </Checkbox>
                ) : null,
            },
            {
              key: "feedback",
              title: t("trainings.feedback"),
              render: (_, e) =>
                e.rating !== null ? (
                  <span title={[e.useful, e.suggestions].filter(Boolean).join(" / ")}>
                    {"★".repeat(e.rating)}
                  </span>
                ) : null,
            },
            {
              key: "cancel",
              title: <span className="hatchery-visually-hidden">{t("trainings.cancelEnrolment")}</span>,
              render: (_, e) =>
                v.can.enrol && e.status !== "cancelled" && !e.attendedAt ? (
                  <Popconfirm
                    title={t("trainings.cancelFor", { name: e.personName })}
                    description={e.status === "enrolled" ? t("trainings.cancelConfirm") : undefined}
                    onConfirm={() =>
                      cancel.mutate(e.id, { onError: (err) => void message.error(errorMessage(err)) })
                    }
                  >
                    <Button size="small" aria-label={t("trainings.cancelFor", { name: e.personName })}>
                      {t("trainings.cancelEnrolment")}
                    </Button>
                  </Popconfirm>
                ) : null,
            },
          ]}
        />
      </Card>
    </>
  );
}

function ParticipantPart({ training: v }: { training: TrainingView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const access = useAccess();
  const enrol = useEnrol(v.id);
  const cancel = useCancelEnrolment(v.id);
  const onEnrol = (organizationId: string | null) =>
    enrol.mutate(
      { organizationId },
      {
        onSuccess: (e) =>
          void message.success(
            e.status === "waiting"
              ? t("trainings.waitingOk", { position: e.waitPosition })
              : t("trainings.enrolledOk"),
          ),
        onError: (e) => void message.error(errorMessage(e)),
      },
    );
  if (v.mine) {
    return (
      <Card size="small">
        <Space wrap>
          {v.mine.status === "waiting" ? (
            <ToneTag tone="orange">{t("trainings.waitlisted", { position: v.mine.waitPosition })}</ToneTag>
          ) : v.mine.attendedAt ? (
            <ToneTag tone="green">
              {t("trainings.attended")} {formatDateTime(v.mine.attendedAt)}
            </ToneTag>
          ) : (
            <Tag color="blue">{t("trainings.enrolled")}</Tag>
          )}
          {!v.mine.attendedAt && v.can.enrol && (
            <Popconfirm
              title={t("trainings.cancelConfirm")}
              onConfirm={() =>
                v.mine && cancel.mutate(v.mine.id, { onError: (e) => void message.error(errorMessage(e)) })
              }
            >
              <Button>{t("trainings.cancelEnrolment")}</Button>
            </Popconfirm>
          )}
        </Space>
      </Card>
    );
  }
  if (!v.can.enrol || !access.trainingAttend) return null;
  return (
    <Card size="small">
      <Space wrap>
        {access.myOrganizationId && (
          <Button type="primary" loading={enrol.isPending} onClick={() => onEnrol(access.myOrganizationId)}>
            {t("trainings.enrolForOrganization")}
          </Button>
        )}
        {v.audiences.includes("public") && (
          <Button
            type={access.myOrganizationId ? "default" : "primary"}
            loading={enrol.isPending}
            onClick={() => onEnrol(null)}
          >
            {t("trainings.enrolPersonal")}
          </Button>
        )}
      </Space>
    </Card>
  );
}

function FeedbackForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const give = useGiveFeedback(id);
  return (
    <Card
      size="small"
      title={<h2 className="hatchery-card-title">{t("trainings.giveFeedback")}</h2>}
      style={{ marginTop: 16 }}
    >
      <Form
        layout="vertical"
        onFinish={(values: { rating: number; useful?: string; suggestions?: string }) =>
          give.mutate(
            { rating: values.rating, useful: values.useful ?? "", suggestions: values.suggestions ?? "" },
            {
              onSuccess: () => void message.success(t("trainings.feedbackThanks")),
              onError: (e) => void message.error(errorMessage(e)),
            },
          )
        }
      >
        <Form.Item name="rating" label={t("trainings.rating")} rules={[{ required: true }]}>
          <Rate />
        </Form.Item>
        <Form.Item name="useful" label={t("trainings.useful")}>
          <Input.TextArea maxLength={2000} rows={3} />
        </Form.Item>
        <Form.Item name="suggestions" label={t("trainings.suggestions")}>
          <Input.TextArea maxLength={2000} rows={3} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={give.isPending}>
          {t("trainings.submit")}
        </Button>
      </Form>
    </Card>
  );
}
