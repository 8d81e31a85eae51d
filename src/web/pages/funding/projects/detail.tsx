/**
 * One project: what it answers and where, its logical framework (goal → outcomes → outputs →
 * activities) and indicators, its grants (linked to each grant's page) and its replication sites
 * with an add form. Staff edit, close or cancel it; the organization's members read it and add
 * replication sites.
 */
import { EditOutlined } from "@ant-design/icons";
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Popconfirm,
  Row,
  Skeleton,
  Table,
  Tag,
} from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { GrantStatus } from "../../../../domain/funding/grant";
import { formatFen } from "../../../../domain/funding/money";
import type { Indicator, ProjectView } from "../../../../schemas/funding/projects";
import { useProject, useProjectEvent } from "../../../api/funding/projects";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { errorMessage } from "../../../components/serverErrors";
import { ProjectStatusTag } from "./labels";
import { ReplicationCard } from "./ReplicationCard";

const h2 = (text: string) => <h2 className="hatchery-card-title">{text}</h2>;

export default function ProjectPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const project = useProject(id);
  if (project.isError) return <QueryError error={project.error} onRetry={() => void project.refetch()} />;
  if (!project.data)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  const p = project.data;
  const w = (key: string) => t(`fundingProjects.projects.${key}` as "fundingProjects.projects.title");
  return (
    <>
      <PageHeader
        title={p.title}
        backTo="/funding/projects"
        subTitle={<ProjectStatusTag status={p.status} />}
        extra={p.can.edit ? <StaffActions project={p} /> : null}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <Card title={h2(w("basics"))}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={w("organization")}>{p.organizationName}</Descriptions.Item>
                <Descriptions.Item label={w("incubation")}>
                  <Link to={`/incubations/${p.incubationId}`}>
                    {t(`fundingProjects.track.${p.track}`)}
                    {p.programmeName ? ` · ${p.programmeName}` : ""}
                  </Link>
                </Descriptions.Item>
                <Descriptions.Item label={w("need")}>
                  <span style={{ whiteSpace: "pre-wrap" }}>{p.need || "—"}</span>
                </Descriptions.Item>
                <Descriptions.Item label={w("beneficiaries")}>
                  {p.beneficiaries || "—"}
                  {p.targetPeople !== null
                    ? `（${t("fundingProjects.projects.people", { count: p.targetPeople })}）`
                    : ""}
                </Descriptions.Item>
                <Descriptions.Item label={w("sites")}>
                  {p.sites.length ? p.sites.map((s) => `${s.town} ${s.community}`).join("；") : "—"}
                </Descriptions.Item>
                <Descriptions.Item label={w("fields")}>
                  {p.fields.length
                    ? p.fields.map((f) => <Tag key={f}>{t(`fundingProjects.field.${f}`)}</Tag>)
                    : "—"}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Logframe project={p} />
            <IndicatorsCard indicators={p.indicators} />
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <GrantsCard project={p} />
            <ReplicationCard project={p} />
          </Flex>
        </Col>
      </Row>
    </>
  );
}

function StaffActions({ project }: { project: ProjectView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const event = useProjectEvent(project.id);
  const fire = (e: "close" | "cancel") =>
    event
      .mutateAsync({ event: e, version: project.version })
      .catch((err) => void message.error(errorMessage(err)));
  return (
    <Flex gap={8} wrap>
      <Button
        icon={<EditOutlined aria-hidden />}
        onClick={() => navigate(`/funding/projects/${project.id}/edit`)}
      >
        {t("fundingProjects.projects.edit")}
      </Button>
      {project.status === "active" && (
        <Popconfirm title={t("fundingProjects.projects.closeConfirm")} onConfirm={() => fire("close")}>
          <Button loading={event.isPending}>{t("fundingProjects.projects.closeProject")}</Button>
        </Popconfirm>
      )}
      {project.status === "draft" && (
        <Popconfirm title={t("fundingProjects.projects.cancelConfirm")} onConfirm={() => fire("cancel")}>
          <Button danger loading={event.isPending}>
            {t("fundingProjects.projects.cancelProject")}
          </Button>
        </Popconfirm>
      )}
    </Flex>
  );
}

/** The framework as a readable tree: the goal, then each level's statements. */
function Logframe({ project }: { project: ProjectView }) {
  const { t } = useTranslation();
  const levels = [
    ["outcomes", project.outcomes],
    ["outputs", project.outputs],
    ["activities", project.activities],
  ] as const;
  return (
    <Card title={h2(t("fundingProjects.projects.logframe"))}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t("fundingProjects.projects.goal")}>
          {project.goal || "—"}
        </Descriptions.Item>
        {levels.map(([key, items]) => (
          <Descriptions.Item key={key} label={t(`fundingProjects.projects.${key}`)}>
            {items.length ? (
              <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                {items.map((s, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: statements may repeat; their order is their identity
                  <li key={i}>{s}</li>
                ))}
              </ol>
            ) : (
              "—"
            )}
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Card>
  );
}

function IndicatorsCard({ indicators }: { indicators: Indicator[] }) {
  const { t } = useTranslation();
  const w = (key: string) => t(`fundingProjects.projects.${key}` as "fundingProjects.projects.title");
  return (
    <Card title={h2(w("indicators"))}>
      <Table<Indicator>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={indicators}
        columns={[
          { title: w("indicator"), dataIndex: "name" },
          {
            title: w("level"),
            dataIndex: "level",
            render: (l: Indicator["level"]) => t(`fundingProjects.level.${l}`),
          },
          { title: w("baseline"), dataIndex: "baselineValue", align: "right" },
          { title: w("target"), dataIndex: "targetValue", align: "right" },
          { title: w("unit"), dataIndex: "unit" },
          { title: w("method"), dataIndex: "method" },
          {
            title: w("frequencyLabel"),
            dataIndex: "frequency",
            render: (f: Indicator["frequency"]) => t(`fundingProjects.frequency.${f}`),
          },
        ]}
      />
    </Card>
  );
}

function GrantsCard({ project }: { project: ProjectView }) {
  const { t } = useTranslation();
  const w = (key: string) => t(`fundingProjects.projects.${key}` as "fundingProjects.projects.title");
  return (
    <Card title={h2(w("grants"))}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={project.grants}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={w("noGrants")} /> }}
        columns={[
          {
            title: w("grantNumber"),
            dataIndex: "number",
            render: (n: string, g) => <Link to={`/funding/grants/${g.id}`}>{n}</Link>,
          },
          { title: w("fund"), dataIndex: "fundName" },
          {
            title: w("amount"),
            dataIndex: "amountFen",
            align: "right",
            render: (fen: number) => formatFen(fen),
          },
          {
            title: w("statusLabel"),
            dataIndex: "status",
            render: (s: GrantStatus) => t(`grants.status.${s}`),
          },
        ]}
      />
    </Card>
  );
}
