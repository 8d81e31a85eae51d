/**
 * An incubation's assessments: the baseline's due day and whether each side is done, every
 * assessment the reader sees (a card each, phone first), the start of the reader's own side
 * (a member self-assesses, staff assess), and links to the comparisons that make sense (self
 * against the base's assessment of a phase; a later phase against the baseline).
 */
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Empty, Flex, Select, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { ASSESSMENT_PHASES, type AssessmentPhase } from "../../../../../domain/incubation/assessment";
import type { IncubationAssessments } from "../../../../../schemas/incubation/assessments";
import { useInspectorCandidates } from "../../../../api/admission/inspections";
import { startAssessment, useIncubationAssessments } from "../../../../api/incubation/assessments";
import { useAccess } from "../../../../auth/session";
import { formatDate, formatDateTime } from "../../../../components/format";
import { ToneTag } from "../../../../components/labels";
import { PageHeader } from "../../../../components/PageHeader";
import { QueryError } from "../../../../components/QueryError";
import { errorMessage } from "../../../../components/serverErrors";

type Item = IncubationAssessments["items"][number];

/** The current (latest, not superseded) assessment of each phase and side. */
function currentOf(items: Item[]) {
  const current = new Map<string, Item>();
  for (const item of items) {
    if (item.status === "superseded") continue;
    const key = `${item.phase}:${item.side}`;
    const had = current.get(key);
    if (!had || had.revision < item.revision) current.set(key, item);
  }
  return current;
}

export default function IncubationAssessmentsPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const query = useIncubationAssessments(id);
  const access = useAccess();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const staff = !access.isOrgMember && access.applicationQueue;
  // Staff may name an expert (or another staff member) of the base as the assessor.
  const candidates = useInspectorCandidates(staff);
  const [assessorId, setAssessorId] = useState<string | null>(null);
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Card loading />;
  const { items, baseline } = query.data;
  const current = currentOf(items);
  const mySide = access.isOrgMember ? "self" : access.applicationQueue ? "assessor" : null;

  const start = async (phase: AssessmentPhase) => {
    if (!mySide) return;
    try {
      const started = await startAssessment(id, {
        phase,
        side: mySide,
        ...(mySide === "assessor" && assessorId ? { assessorId } : {}),
      });
      await client.invalidateQueries({ queryKey: ["assessments"] });
      navigate(`/assessments/${started.id}`);
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  const comparisons: { label: string; first: string; second: string }[] = [];
  for (const phase of ASSESSMENT_PHASES) {
    const self = current.get(`${phase}:self`);
    const assessor = current.get(`${phase}:assessor`);
    if (self && assessor) {
      comparisons.push({
        label: `${t(`assessments.phase.${phase}`)} · ${t("assessments.list.compareSides")}`,
        first: self.id,
        second: assessor.id,
      });
    }
    const base = current.get("baseline:assessor");
    if (phase !== "baseline" && base && assessor) {
      comparisons.push({
        label: `${t(`assessments.phase.${phase}`)} · ${t("assessments.list.compareBaseline")}`,
        first: base.id,
        second: assessor.id,
      });
    }
  }

  return (
    <div style={{ maxWidth: 960 }}>
      <PageHeader title={t("assessments.list.title")} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={8} align="center">
          <Typography.Text>{t("assessments.list.due", { date: formatDate(baseline.dueOn) })}</Typography.Text>
          {baseline.overdue && <ToneTag tone="red">{t("assessments.list.overdue")}</ToneTag>}
          <ToneTag tone={baseline.selfDone ? "green" : "default"}>
            {t(baseline.selfDone ? "assessments.list.selfDone" : "assessments.list.selfNotDone")}
          </ToneTag>
          <ToneTag tone={baseline.assessorDone ? "green" : "default"}>
            {t(baseline.assessorDone ? "assessments.list.assessorDone" : "assessments.list.assessorNotDone")}
          </ToneTag>
        </Flex>
      </Card>
      {mySide && (
        <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
          {mySide === "assessor" && (
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              aria-label={t("assessments.list.assessor")}
              placeholder={t("assessments.list.assessorSelf")}
              style={{ minWidth: 220 }}
              value={assessorId}
              onChange={(v) => setAssessorId(v ?? null)}
              options={(candidates.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          )}
          {ASSESSMENT_PHASES.filter((p) => !current.has(`${p}:${mySide}`)).map((phase) => (
            <Button
              key={phase}
              type={phase === "baseline" ? "primary" : "default"}
              onClick={() => void start(phase)}
            >
              {t(mySide === "self" ? "assessments.list.startSelf" : "assessments.list.startAssessor", {
                phase: t(`assessments.phase.${phase}`),
              })}
            </Button>
          ))}
        </Flex>
      )}
      {items.length === 0 ? (
        <Empty description={t("assessments.list.empty")} />
      ) : (
        <Space direction="vertical" style={{ width: "100%" }}>
          {items.map((item) => (
            <Card key={item.id} size="small">
              <Flex wrap justify="space-between" align="center" gap={8}>
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>
                    {t(`assessments.phase.${item.phase}`)} · {t(`assessments.side.${item.side}`)}
                    {item.revision > 1 && ` · ${t("assessments.revision", { revision: item.revision })}`}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {item.assessor?.name && `${item.assessor.name} · `}
                    {t("assessments.list.startedAt", { time: formatDateTime(item.updatedAt) })}
                  </Typography.Text>
                </Space>
                <Space>
                  <ToneTag
                    tone={
                      item.status === "submitted" ? "green" : item.status === "draft" ? "blue" : "default"
                    }
                  >
                    {t(`assessments.status.${item.status}`)}
                  </ToneTag>
                  {item.total !== null && (
                    <Typography.Text>
                      {t("assessments.list.total")} <strong>{item.total.toFixed(2)}</strong>
                    </Typography.Text>
                  )}
                  <Link to={`/assessments/${item.id}`}>{t("assessments.list.open")}</Link>
                </Space>
              </Flex>
            </Card>
          ))}
        </Space>
      )}
      {comparisons.length > 0 && (
        <Card size="small" title={t("assessments.compare")} style={{ marginTop: 16 }}>
          <Space direction="vertical">
            {comparisons.map((c) => (
              <Link
                key={`${c.first}:${c.second}`}
                to={`/assessments/compare?first=${c.first}&second=${c.second}`}
              >
                {c.label}
              </Link>
            ))}
          </Space>
        </Card>
      )}
    </div>
  );
}
