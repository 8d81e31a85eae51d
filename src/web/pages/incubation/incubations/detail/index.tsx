/**
 * One incubation: its summary and dates, the status with the actions staff may take (each in a
 * modal), and its history. The organization's members read the same page without actions.
 */
import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Descriptions, Row, Skeleton, Space, Timeline } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { IncubationEvent } from "../../../../../domain/incubation/lifecycle";
import type { Incubation } from "../../../../../schemas/incubation/incubations";
import { useIncubation } from "../../../../api/incubation/incubations";
import { useAccess } from "../../../../auth/session";
import { formatDate, formatDateTime } from "../../../../components/format";
import { PageHeader } from "../../../../components/PageHeader";
import { QueryError } from "../../../../components/QueryError";
import { useRecruitmentLabels } from "../../../../components/recruitmentLabels";
import { OrganizationServicePanel } from "../../../services/figures/OrganizationServicePanel";
import { IncubationWork } from "../components/IncubationWork";
import { IncubationStatusTag, useIncubationLabels } from "../components/labels";
import { ActionDialog } from "./ActionDialog";
import { EditDialog } from "./EditDialog";

const h2 = (text: string) => <h2 className="hatchery-card-title">{text}</h2>;

export default function IncubationPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const access = useAccess();
  const navigate = useNavigate();
  const query = useIncubation(id);
  const [event, setEvent] = useState<IncubationEvent | null>(null);
  const [editing, setEditing] = useState(false);
  const i = query.data;
  const backTo = access.incubationManage ? "/incubations" : "/";
  if (query.isError) {
    return (
      <>
        <PageHeader title={t("incubations.listTitle")} backTo={backTo} />
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  if (!i) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }
  const stale = () => void query.refetch();
  return (
    <>
      <PageHeader
        title={t("incubations.detailTitle", { name: i.organization.name })}
        backTo={backTo}
        subTitle={<IncubationStatusTag status={i.status} />}
        extra={
          <Space wrap>
            {access.fundingManage && (
              <Button
                icon={<PlusOutlined aria-hidden />}
                onClick={() => navigate(`/funding/projects/new?incubationId=${i.id}`)}
              >
                {t("fundingProjects.projects.fromIncubation")}
              </Button>
            )}
            {i.canEdit ? (
              <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
                {t("common.edit")}
              </Button>
            ) : null}
          </Space>
        }
      />
      <ActionDialog incubation={i} event={event} onClose={() => setEvent(null)} onStale={stale} />
      {i.canEdit && (
        <EditDialog incubation={i} open={editing} onClose={() => setEditing(false)} onStale={stale} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Summary incubation={i} />
        </Col>
        <Col xs={24} xl={9}>
          <div style={{ display: "grid", gap: 16 }}>
            <IncubationWork incubationId={i.id} organizationId={i.organization.id} />
            {(access.incubationManage || access.myOrganizationId === i.organization.id) && (
              <OrganizationServicePanel organizationId={i.organization.id} />
            )}
            {i.actions.length > 0 && <Actions incubation={i} onPick={setEvent} />}
            {!access.incubationManage && (
              <Alert type="info" showIcon message={t("incubations.readOnlyNote")} />
            )}
            <History incubation={i} />
          </div>
        </Col>
      </Row>
    </>
  );
}

function Summary({ incubation: i }: { incubation: Incubation }) {
  const { t } = useTranslation();
  const labels = useIncubationLabels();
  const recruitment = useRecruitmentLabels();
  const access = useAccess();
  const empty = t("common.empty");
  return (
    <Card size="small" title={h2(t("incubations.summary"))}>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} styles={{ label: { whiteSpace: "nowrap" } }}>
        <Descriptions.Item label={t("incubations.attr.organization")}>
          {access.incubationManage ? (
            <Link to={`/organizations/${i.organization.id}`}>{i.organization.name}</Link>
          ) : (
            i.organization.name
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t("incubations.attr.status")}>
          <IncubationStatusTag status={i.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t("incubations.attr.cohort")}>{i.cohort.name}</Descriptions.Item>
        <Descriptions.Item label={t("incubations.attr.track")}>
          {recruitment.track[i.track]}
        </Descriptions.Item>
        <Descriptions.Item label={t("incubations.attr.startOn")}>{formatDate(i.startOn)}</Descriptions.Item>
        <Descriptions.Item label={t("incubations.attr.plannedEndOn")}>
          {formatDate(i.plannedEndOn)}
        </Descriptions.Item>
        {i.endedOn && (
          <Descriptions.Item label={t("incubations.attr.endedOn")}>{formatDate(i.endedOn)}</Descriptions.Item>
        )}
        <Descriptions.Item label={t("incubations.attr.responsible")}>
          {i.responsible?.name ?? empty}
        </Descriptions.Item>
        <Descriptions.Item label={t("incubations.attr.residency")}>
          {labels.residency[i.residency]}
        </Descriptions.Item>
        <Descriptions.Item label={t("incubations.attr.needsDesk")}>
          {i.needsDesk ? t("common.yes") : t("common.no")}
        </Descriptions.Item>
        <Descriptions.Item label={t("incubations.attr.origin")}>
          {i.origin === "admission" && i.applicationId && access.incubationManage ? (
            <Link to={`/applications/${i.applicationId}`}>{labels.origin[i.origin]}</Link>
          ) : (
            labels.origin[i.origin]
          )}
        </Descriptions.Item>
        {i.enrolReason && (
          <Descriptions.Item label={t("incubations.attr.enrolReason")} span={2}>
            <span style={{ whiteSpace: "pre-wrap" }}>{i.enrolReason}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

function Actions({
  incubation: i,
  onPick,
}: {
  incubation: Incubation;
  onPick: (e: IncubationEvent) => void;
}) {
  const { t } = useTranslation();
  const labels = useIncubationLabels();
  return (
    <Card size="small" title={h2(t("incubations.actionsTitle"))}>
      <Space wrap>
        {i.actions.map((e) => (
          <Button
            key={e}
            danger={e === "terminate"}
            type={e === "extend" ? "primary" : "default"}
            onClick={() => onPick(e)}
          >
            {labels.event[e]}
          </Button>
        ))}
      </Space>
    </Card>
  );
}

function History({ incubation: i }: { incubation: Incubation }) {
  const { t } = useTranslation();
  const labels = useIncubationLabels();
  return (
    <Card size="small" title={h2(t("incubations.history"))}>
      <Timeline
        items={[...i.history].reverse().map((h) => ({
          key: h.id,
          children: (
            <div>
              <div style={{ fontWeight: 500 }}>
                {labels.event[h.event]} → {labels.status[h.toStatus]}
              </div>
              <div style={{ fontSize: 12, color: "rgba(0,0,0,0.65)" }}>
                {formatDateTime(h.at)}
                {h.actorName ? ` · ${h.actorName}` : ""}
              </div>
              {h.event === "extend" && h.details && (
                <div style={{ fontSize: 13 }}>
                  {t("incubations.historyEnd", { from: String(h.details.from), to: String(h.details.to) })}
                </div>
              )}
              {h.reason && <div style={{ whiteSpace: "pre-wrap", fontSize: 13 }}>{h.reason}</div>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
