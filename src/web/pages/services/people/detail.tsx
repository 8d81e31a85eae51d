/**
 * A person's page (staff): the profile, the totals, every training they enrolled in with its
 * attendance and hours, and their progress in each series with the certificate when issued; staff
 * edit the person (edit.tsx) and disable or re-enable the account from here.
 */
import { EditOutlined } from "@ant-design/icons";
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Progress,
  Row,
  Skeleton,
  Space,
  Statistic,
  Table,
  Typography,
} from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { PersonDetail, PersonEnrolment, PersonSeries } from "../../../../schemas/services/people";
import { usePerson, usePersonStatus } from "../../../api/services/people";
import { formatDateTime } from "../../../components/format";
import { ToneTag } from "../../../components/labels";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { errorMessage } from "../../../components/serverErrors";
import { useIsMobile } from "../../../components/useIsMobile";
import { hours, SourceTag } from "./labels";

const cardTitle = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

export default function PersonPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const person = usePerson(id);
  if (person.isError) return <QueryError error={person.error} onRetry={() => void person.refetch()} />;
  if (!person.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const p = person.data;
  return (
    <>
      <PageHeader
        title={p.displayName}
        subTitle={
          <Space size={4}>
            <SourceTag source={p.source} />
            {p.status === "disabled" && <ToneTag tone="red">{t("people.disabled")}</ToneTag>}
          </Space>
        }
        extra={<PersonActions person={p} />}
        backTo="/people"
      />
      <div style={{ display: "grid", gap: 16 }}>
        <Totals person={p} />
        <Card size="small" title={cardTitle(t("people.profile"))}>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t("people.mobile")}>{p.mobile ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("people.email")}>{p.email ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("people.workUnit")}>{p.workUnit ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("people.jobTitle")}>{p.jobTitle ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("people.createdAt")}>{formatDateTime(p.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t("people.lastLogin")}>
              {p.lastLoginAt ? formatDateTime(p.lastLoginAt) : t("people.never")}
            </Descriptions.Item>
            {p.addedByName && (
              <Descriptions.Item label={t("people.addedBy")}>{p.addedByName}</Descriptions.Item>
            )}
          </Descriptions>
        </Card>
        <Card size="small" title={cardTitle(t("people.seriesProgress"))}>
          {p.seriesProgress.length === 0 ? (
            <Typography.Text type="secondary">{t("people.noSeries")}</Typography.Text>
          ) : (
            <div style={{ display: "grid", gap: 16 }}>
              {p.seriesProgress.map((s) => (
                <SeriesRow key={s.seriesId} series={s} />
              ))}
            </div>
          )}
        </Card>
        <Card size="small" title={cardTitle(t("people.enrolments"))}>
          <Enrolments items={p.enrolments} />
        </Card>
      </div>
    </>
  );
}

/** 编辑, and 停用 / 启用 the account, confirmed first (停用 ends the person's sessions at once). */
function PersonActions({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const status = usePersonStatus(person.id);
  const action = person.status === "active" ? "disable" : "enable";
  const confirm = () =>
    modal.confirm({
      title: t(action === "disable" ? "people.disable" : "people.enable"),
      content: t(action === "disable" ? "people.confirmDisable" : "people.confirmEnable", {
        name: person.displayName,
      }),
      okText: t(action === "disable" ? "people.disable" : "people.enable"),
      cancelText: t("common.cancel"),
      okButtonProps: { danger: action === "disable" },
      onOk: async () => {
        try {
          await status.mutateAsync({ action, version: person.version });
          message.success(t(action === "disable" ? "people.disabledDone" : "people.enabledDone"));
        } catch (error) {
          message.error(errorMessage(error));
        }
      },
    });
  return (
    <Space wrap>
      <Button icon={<EditOutlined />} onClick={() => void navigate(`/people/${person.id}/edit`)}>
        {t("people.edit")}
      </Button>
      <Button danger={action === "disable"} onClick={confirm}>
        {t(action === "disable" ? "people.disable" : "people.enable")}
      </Button>
    </Space>
  );
}

function Totals({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const cells: [string, number | string][] = [
    [t("people.totalTrainings"), person.trainings],
    [t("people.totalAttended"), person.attended],
    [t("people.totalHours"), hours(person.minutes)],
    [t("people.totalSeries"), person.series],
  ];
  return (
    <Row gutter={[16, 16]}>
      {cells.map(([title, value]) => (
        <Col key={title} xs={12} md={6}>
          <Card size="small">
            <Statistic title={title} value={value} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function SeriesRow({ series }: { series: PersonSeries }) {
  const { t } = useTranslation();
  const percent = series.requiredModules
    ? Math.round((series.requiredDone / series.requiredModules) * 100)
    : 0;
  return (
    <div style={{ display: "grid", gap: 4 }}>
      <Typography.Text strong>{series.title}</Typography.Text>
      <Progress
        percent={percent}
        size="small"
        aria-label={t("people.required", { done: series.requiredDone, total: series.requiredModules })}
      />
      <Typography.Text type="secondary">
        {t("people.required", { done: series.requiredDone, total: series.requiredModules })} ·{" "}
        {t("people.modules", { count: series.attendedModules })} ·{" "}
        {t("people.hoursValue", { hours: hours(series.minutes) })}
      </Typography.Text>
      {series.certificateId ? (
        <Link to={`/training-certificates/${series.certificateId}`}>
          {t("people.certificate", { number: series.certificateNumber })}
        </Link>
      ) : (
        <Typography.Text type="secondary">{t("people.noCertificate")}</Typography.Text>
      )}
    </div>
  );
}

function EnrolmentStatus({ e }: { e: PersonEnrolment }) {
  const { t } = useTranslation();
  if (e.trainingStatus === "cancelled")
    return <ToneTag tone="default">{t("people.trainingCancelled")}</ToneTag>;
  if (e.attendedAt) return <ToneTag tone="green">{t("people.attended")}</ToneTag>;
  if (e.status === "waiting") return <ToneTag tone="orange">{t("people.waiting")}</ToneTag>;
  if (e.status === "cancelled") return <ToneTag tone="default">{t("people.cancelled")}</ToneTag>;
  return <ToneTag tone="blue">{t("people.enrolled")}</ToneTag>;
}

function Enrolments({ items }: { items: PersonEnrolment[] }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  if (items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("people.noEnrolments")} />;
  const topic = (e: PersonEnrolment) => (
    <Space orientation="vertical" size={0}>
      <Link to={`/trainings/${e.trainingId}`}>{e.topic}</Link>
      {e.seriesTitle && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {e.seriesTitle}
        </Typography.Text>
      )}
    </Space>
  );
  if (mobile)
    return (
      <div style={{ display: "grid", gap: 12 }}>
        {items.map((e) => (
          <div key={e.id} style={{ display: "grid", gap: 4 }}>
            {topic(e)}
            <span>
              {formatDateTime(e.startsAt)} <EnrolmentStatus e={e} />
            </span>
          </div>
        ))}
      </div>
    );
  return (
    <Table<PersonEnrolment>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={items}
      columns={[
        { key: "topic", title: t("people.topic"), render: (_, e) => topic(e) },
        { key: "time", title: t("people.time"), width: 160, render: (_, e) => formatDateTime(e.startsAt) },
        {
          key: "for",
          title: t("people.cameFor"),
          render: (_, e) => e.organizationName ?? t("people.onOwn"),
        },
        { key: "status", title: t("people.status"), width: 110, render: (_, e) => <EnrolmentStatus e={e} /> },
        {
          key: "hours",
          title: t("people.hours"),
          width: 90,
          render: (_, e) => (e.attendedAt ? t("people.hoursValue", { hours: hours(e.minutes) }) : "—"),
        },
        { key: "rating", title: t("people.rating"), width: 70, render: (_, e) => e.rating ?? "—" },
      ]}
    />
  );
}
