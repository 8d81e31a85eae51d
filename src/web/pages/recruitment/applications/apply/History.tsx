/** The history both sides see (events with reasons), the submitted versions and their changes. */

import { Button, Card, Empty, Flex, List, Modal, Skeleton, Timeline, Typography } from "antd";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApplicationDetail, SubmissionCompare } from "../../../../../schemas/recruitment/applications";
import { useCompare } from "../../../../api/recruitment/applications";
import { formatDateTime } from "../../../../components/format";
import { organizationAttrLabel } from "../../../../components/organizationLabels";
import { QueryError } from "../../../../components/QueryError";
import { useRecruitmentLabels } from "../../../../components/recruitmentLabels";
import { useIsMobile } from "../../../../components/useIsMobile";

export function History({ detail }: { detail: ApplicationDetail }) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const isMobile = useIsMobile();
  const [compareTo, setCompareTo] = useState<number | null>(null);
  return (
    <Card
      id="section-history"
      title={<h2 className="hatchery-card-title">{t("applications.sections.history")}</h2>}
    >
      {detail.events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("applications.timelineEmpty")} />
      ) : (
        <Timeline
          items={[...detail.events].reverse().map((e) => ({
            key: e.id,
            content: (
              <Flex vertical gap={2}>
                <span>
                  <strong>{labels.applicationEvent[e.event]}</strong>
                  {e.toStatus && ` → ${labels.applicationStatus[e.toStatus]}`}
                </span>
                {e.reason && <span style={{ whiteSpace: "pre-wrap" }}>{e.reason}</span>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(e.createdAt)}
                  {e.actorName ? ` · ${e.actorName}` : ""}
                </Typography.Text>
              </Flex>
            ),
          }))}
        />
      )}
      {detail.submissions.length > 0 && (
        <>
          <h3 style={{ fontSize: 15, fontWeight: 600 }}>{t("applications.submittedVersions")}</h3>
          <List
            size="small"
            dataSource={[...detail.submissions].reverse()}
            renderItem={(s) => (
              <List.Item
                style={{ paddingInline: 0 }}
                actions={
                  s.number > 1
                    ? [
                        <Button
                          key="compare"
                          type="link"
                          size="small"
                          style={isMobile ? { minHeight: 40 } : undefined}
                          onClick={() => setCompareTo(s.number)}
                        >
                          {t("applications.compare")}
                        </Button>,
                      ]
                    : []
                }
              >
                <Flex vertical>
                  <span>
                    {t("applications.versionLine", { number: s.number, time: formatDateTime(s.createdAt) })}
                  </span>
                  {s.submittedByName && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t("applications.by", { name: s.submittedByName })}
                    </Typography.Text>
                  )}
                </Flex>
              </List.Item>
            )}
          />
        </>
      )}
      <Modal
        open={compareTo !== null}
        title={compareTo && t("applications.compareTitle", { from: compareTo - 1, to: compareTo })}
        footer={null}
        onCancel={() => setCompareTo(null)}
        width={720}
      >
        {compareTo && <CompareBody detail={detail} to={compareTo} />}
      </Modal>
    </Card>
  );
}

function CompareBody({ detail, to }: { detail: ApplicationDetail; to: number }) {
  const compare = useCompare(detail.id, to - 1, to);
  if (compare.isError) return <QueryError error={compare.error} />;
  if (!compare.data) return <Skeleton active />;
  return <CompareView detail={detail} diff={compare.data} />;
}

function show(value: unknown, t: TFunction): string {
  if (value === null || value === undefined || value === "") return t("common.empty");
  if (Array.isArray(value)) return value.join(t("common.listSeparator"));
  return String(value);
}

function CompareView({ detail, diff }: { detail: ApplicationDetail; diff: SubmissionCompare }) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const questionLabel = (key: string) =>
    detail.requirements.questions.find((q) => q.key === key)?.label ?? key;
  const docLabel = (key: string) =>
    key.startsWith("q:")
      ? questionLabel(key.slice(2))
      : (detail.requirements.documents.find((d) => d.key === key)?.label ?? key);
  const empty = !diff.track && diff.answers.length + diff.profile.length + diff.documents.length === 0;
  if (empty) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("applications.noChanges")} />;
  const row = (label: string, before: unknown, after: unknown, key: string) => (
    <List.Item key={key} style={{ paddingInline: 0 }}>
      <Flex vertical gap={2} style={{ width: "100%" }}>
        <strong>{label}</strong>
        <Typography.Text type="secondary" delete>
          {t("applications.before")}
          {t("common.colon")}
          {show(before, t)}
        </Typography.Text>
        <span>
          {t("applications.after")}
          {t("common.colon")}
          {show(after, t)}
        </span>
      </Flex>
    </List.Item>
  );
  return (
    <Flex vertical gap={12}>
      {diff.track &&
        row(
          t("applications.changedTrack"),
          labels.track[diff.track.before],
          labels.track[diff.track.after],
          "track",
        )}
      {diff.answers.length > 0 && (
        <List
          size="small"
          header={<strong>{t("applications.changedAnswers")}</strong>}
          dataSource={diff.answers}
          renderItem={(a) => row(questionLabel(a.key), a.before, a.after, a.key)}
        />
      )}
      {diff.profile.length > 0 && (
        <List
          size="small"
          header={<strong>{t("applications.changedProfile")}</strong>}
          dataSource={diff.profile}
          renderItem={(p) => row(organizationAttrLabel(p.field, t), p.before, p.after, p.field)}
        />
      )}
      {diff.documents.length > 0 && (
        <List
          size="small"
          header={<strong>{t("applications.changedDocuments")}</strong>}
          dataSource={diff.documents}
          renderItem={(d) => (
            <List.Item key={d.requirementKey} style={{ paddingInline: 0 }}>
              <Flex vertical gap={2}>
                <strong>{docLabel(d.requirementKey)}</strong>
                {d.added.map((f) => (
                  <span key={`a-${f.fileId}`}>
                    {t("applications.added")}
                    {t("common.colon")}
                    {f.originalName}
                  </span>
                ))}
                {d.removed.map((f) => (
                  <Typography.Text key={`r-${f.fileId}`} type="secondary" delete>
                    {t("applications.removedDoc")}
                    {t("common.colon")}
                    {f.originalName}
                  </Typography.Text>
                ))}
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}
