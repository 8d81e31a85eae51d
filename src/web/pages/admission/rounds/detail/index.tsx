/**
 * One review round: settings, the applications in it, its experts, who reviews what (automatic
 * assignment, hand adjustments, drop-outs, with the figures), and the scoring progress per expert.
 */

import { useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { Track } from "../../../../../domain/call";
import { RANK_METHODS } from "../../../../../domain/review/track-ranking";
import type { AssignmentView, RoundDetail } from "../../../../../schemas/admission/rounds";
import { reopenReview } from "../../../../api/admission/reviews";
import {
  useAddExperts,
  useAddPair,
  useAddSubjects,
  useAssignment,
  useAutoAssign,
  useDropOut,
  useEditRound,
  useMoveRound,
  useRemoveExpert,
  useRemovePair,
  useRemoveSubject,
  useRound,
  useRoundCandidates,
} from "../../../../api/admission/rounds";
import { isApiError } from "../../../../api/client";
import { formatDateTime } from "../../../../components/format";
import { FieldTags } from "../../../../components/labels";
import { PageHeader } from "../../../../components/PageHeader";
import { QueryError } from "../../../../components/QueryError";
import {
  ApplicationStatusTag,
  TrackText,
  useRecruitmentLabels,
} from "../../../../components/recruitmentLabels";
import { RoundStatusTag } from "../list";

function useFail() {
  const { message } = App.useApp();
  return (error: unknown) => void message.error(error instanceof Error ? error.message : String(error));
}

export default function RoundDetailPage() {
  const { id = "" } = useParams();
  const round = useRound(id);
  const { t } = useTranslation();
  if (round.isError) return <QueryError error={round.error} onRetry={() => void round.refetch()} />;
  if (!round.data) return <Card loading />;
  const r = round.data;
  return (
    <>
      <PageHeader
        title={r.title}
        backTo="/rounds"
        subTitle={
          <Space wrap size={8}>
            <RoundStatusTag status={r.status} />
            <span>{r.callTitle}</span>
            <span>
              {t("rounds.deadline")}：{formatDateTime(r.deadline)}
            </span>
            <span>{t("rounds.progress", { submitted: r.submittedCount, total: r.reviewCount })}</span>
          </Space>
        }
        extra={
          <Space wrap>
            {r.status !== "draft" && (
              <Link to={`/rounds/${r.id}/meeting`}>
                <Button type={r.status === "closed" ? "primary" : "default"}>
                  {t("rounds.meetingLink")}
                </Button>
              </Link>
            )}
            <Moves round={r} />
          </Space>
        }
      />
      <Tabs
        items={[
          { key: "assignment", label: t("rounds.tabs.assignment"), children: <AssignmentTab round={r} /> },
          { key: "subjects", label: t("rounds.tabs.subjects"), children: <SubjectsTab round={r} /> },
          { key: "experts", label: t("rounds.tabs.experts"), children: <ExpertsTab round={r} /> },
          { key: "progress", label: t("rounds.tabs.progress"), children: <ProgressTab round={r} /> },
          { key: "settings", label: t("rounds.tabs.settings"), children: <SettingsTab round={r} /> },
        ]}
      />
    </>
  );
}

function Moves({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const move = useMoveRound(round.id);
  const fail = useFail();
  const act = (event: "open" | "close" | "reopen") =>
    move.mutate(
      { event, version: round.version },
      {
        onSuccess: () => void message.success(event === "open" ? t("rounds.opened") : t("common.saved")),
        onError: fail,
      },
    );
  if (round.status === "draft")
    return (
      <Popconfirm title={t("rounds.openConfirm")} onConfirm={() => act("open")}>
        <Button type="primary" loading={move.isPending}>
          {t("rounds.open")}
        </Button>
      </Popconfirm>
    );
  if (round.status === "open")
    return (
      <Popconfirm title={t("rounds.closeConfirm")} onConfirm={() => act("close")}>
        <Button loading={move.isPending}>{t("rounds.close")}</Button>
      </Popconfirm>
    );
  return (
    <Button loading={move.isPending} onClick={() => act("reopen")}>
      {t("rounds.reopen")}
    </Button>
  );
}

const editable = (round: RoundDetail) => round.status !== "closed";

function SubjectsTab({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const candidates = useRoundCandidates(round.id);
  const add = useAddSubjects(round.id);
  const remove = useRemoveSubject(round.id);
  const fail = useFail();
  const labels = useRecruitmentLabels();
  const [picked, setPicked] = useState<string[]>([]);
  return (
    <Flex vertical gap={16}>
      {editable(round) && (
        <Card size="small" title={t("rounds.addSubjects")}>
          <Typography.Paragraph type="secondary">{t("rounds.addSubjectsHint")}</Typography.Paragraph>
          <Flex wrap gap={8}>
            <Select
              mode="multiple"
              aria-label={t("rounds.addSubjects")}
              style={{ minWidth: 280, flex: 1 }}
              value={picked}
              onChange={setPicked}
              notFoundContent={t("rounds.noCandidates")}
              options={(candidates.data?.applications ?? []).map((a) => ({
                value: a.applicationId,
                disabled: a.status !== "inspected",
                // Only inspected applications may join; the others say where they stand, in words.
                label: `${a.organizationName}（${labels.applicationStatus[a.status]}）`,
              }))}
            />
            <Button
              type="primary"
              disabled={picked.length === 0}
              loading={add.isPending}
              onClick={() => add.mutate(picked, { onSuccess: () => setPicked([]), onError: fail })}
            >
              {t("rounds.addSubjects")}
            </Button>
          </Flex>
        </Card>
      )}
      <Table
        rowKey="applicationId"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={round.subjects}
        columns={[
          { title: t("rounds.organization"), dataIndex: "organizationName" },
          { title: t("rounds.track"), render: (_, s) => <TrackText track={s.track} /> },
          { title: t("rounds.fields"), render: (_, s) => <FieldTags fields={s.fields as never} /> },
          { title: t("rounds.status"), render: (_, s) => <ApplicationStatusTag status={s.status} /> },
          { title: t("rounds.reviewers"), render: (_, s) => `${s.submitted} / ${s.reviewers}` },
          {
            title: t("common.actions"),
            render: (_, s) =>
              editable(round) && (
                <Popconfirm
                  title={s.submitted > 0 ? t("rounds.removeTyped") : t("rounds.remove")}
                  onConfirm={() =>
                    remove.mutate({ subjectId: s.applicationId, confirm: true }, { onError: fail })
                  }
                >
                  <Button size="small" danger>
                    {t("rounds.remove")}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Flex>
  );
}

function ExpertsTab({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const candidates = useRoundCandidates(round.id);
  const add = useAddExperts(round.id);
  const remove = useRemoveExpert(round.id);
  const drop = useDropOut(round.id);
  const fail = useFail();
  const [picked, setPicked] = useState<string[]>([]);
  return (
    <Flex vertical gap={16}>
      {editable(round) && (
        <Card size="small" title={t("rounds.addExperts")}>
          <Flex wrap gap={8}>
            <Select
              mode="multiple"
              aria-label={t("rounds.addExperts")}
              style={{ minWidth: 280, flex: 1 }}
              value={picked}
              onChange={setPicked}
              notFoundContent={t("rounds.noExperts")}
              options={(candidates.data?.experts ?? []).map((e) => ({
                value: e.expertId,
                label: e.displayName,
              }))}
            />
            <Button
              type="primary"
              disabled={picked.length === 0}
              loading={add.isPending}
              onClick={() => add.mutate(picked, { onSuccess: () => setPicked([]), onError: fail })}
            >
              {t("rounds.addExperts")}
            </Button>
          </Flex>
        </Card>
      )}
      <Table
        rowKey="expertId"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={round.experts}
        columns={[
          {
            title: t("rounds.expert"),
            render: (_, e) => (
              <>
                {e.displayName} {e.droppedAt && <Tag>{t("rounds.dropped")}</Tag>}
              </>
            ),
          },
          { title: t("rounds.fields"), render: (_, e) => <FieldTags fields={e.fields as never} /> },
          { title: t("rounds.load"), dataIndex: "load" },
          {
            title: t("common.actions"),
            render: (_, e) =>
              editable(round) &&
              !e.droppedAt && (
                <Space>
                  <Popconfirm
                    title={t("rounds.dropOutConfirm")}
                    onConfirm={() =>
                      drop.mutate(e.expertId, {
                        onSuccess: (r) =>
                          void message.success(t("rounds.reassigned", { count: r.reassigned })),
                        onError: fail,
                      })
                    }
                  >
                    <Button size="small">{t("rounds.dropOut")}</Button>
                  </Popconfirm>
                  {e.submitted + e.drafts === 0 && (
                    <Button size="small" danger onClick={() => remove.mutate(e.expertId, { onError: fail })}>
                      {t("rounds.remove")}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
    </Flex>
  );
}

function AssignmentTab({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const view = useAssignment(round.id);
  const auto = useAutoAssign(round.id);
  const addPair = useAddPair(round.id);
  const removePair = useRemovePair(round.id);
  const fail = useFail();
  const client = useQueryClient();
  const [lastShortfalls, setLastShortfalls] = useState<
    {
      applicationId: string;
      organizationName: string;
      missing: number;
      reason: "too_few_experts" | "capacity";
    }[]
  >([]);
  if (view.isError) return <QueryError error={view.error} onRetry={() => void view.refetch()} />;
  if (!view.data) return <Card loading />;
  const a: AssignmentView = view.data;
  const expertName = (id: string) => round.experts.find((e) => e.expertId === id)?.displayName ?? id;
  const activeExperts = round.experts.filter((e) => !e.droppedAt);
  const reopen = (reviewId: string, name: string) => {
    let reason = "";
    modal.confirm({
      title: `${t("rounds.reopenReview")}：${name}`,
      content: (
        <Input.TextArea
          aria-label={t("rounds.reopenReason")}
          placeholder={t("rounds.reopenReason")}
          maxLength={1000}
          onChange={(e) => {
            reason = e.target.value;
          }}
        />
      ),
      onOk: async () => {
        const version = a.pairs.find((x) => x.reviewId === reviewId)?.version ?? 1;
        try {
          await reopenReview(reviewId, version, reason);
          await client.invalidateQueries({ queryKey: ["rounds"] });
        } catch (error) {
          fail(error);
          throw error;
        }
      },
    });
  };
  const remove = (subjectId: string, expertId: string, typed: number) => {
    const go = () => removePair.mutate({ subjectId, expertId, confirm: true }, { onError: fail });
    if (typed > 0) modal.confirm({ title: t("rounds.removeTyped"), onOk: go });
    else go();
  };
  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Flex wrap gap={12} align="center" justify="space-between">
          <span>
            {t("rounds.figures", {
              min: a.figures.loadSpread.min,
              max: a.figures.loadSpread.max,
              objective: a.figures.objective,
              components: a.figures.components,
              overlap: a.figures.smallestOverlap,
            })}
          </span>
          {editable(round) && (
            <Button
              type="primary"
              loading={auto.isPending}
              onClick={() =>
                auto.mutate(undefined, {
                  onSuccess: (r) => {
                    setLastShortfalls(r.shortfalls);
                    void message.success(t("rounds.autoAssigned", { added: r.added, removed: r.removed }));
                  },
                  onError: fail,
                })
              }
            >
              {t("rounds.autoAssign")}
            </Button>
          )}
        </Flex>
      </Card>
      {(a.short.length > 0 || lastShortfalls.length > 0) && (
        <Alert
          type="warning"
          showIcon
          title={t("rounds.short", { k: a.k })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {(lastShortfalls.length > 0
                ? lastShortfalls.map((s) =>
                    t("rounds.shortfall", {
                      name: s.organizationName,
                      missing: s.missing,
                      reason: t(`rounds.shortReason.${s.reason}`),
                    }),
                  )
                : a.short.map((s) => `${s.organizationName}：${s.reviewers} / ${a.k}`)
              ).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          }
        />
      )}
      <Table
        rowKey="applicationId"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={round.subjects}
        columns={[
          { title: t("rounds.organization"), dataIndex: "organizationName", width: 200 },
          {
            title: t("rounds.reviewers"),
            render: (_, s) => {
              const pairs = a.pairs.filter((p) => p.subjectId === s.applicationId);
              const conflicted = new Set(
                a.conflicts.filter((c) => c.applicationId === s.applicationId).map((c) => c.expertId),
              );
              const free = activeExperts.filter(
                (e) => !pairs.some((p) => p.expertId === e.expertId) && !conflicted.has(e.expertId),
              );
              return (
                <Flex wrap gap={6} align="center">
                  {pairs.map((p) => (
                    <Flex key={p.reviewId} gap={2} align="center">
                      <Tag
                        color={p.status === "submitted" ? "green" : p.status === "draft" ? "blue" : undefined}
                        closable={editable(round)}
                        closeIcon={editable(round) ? undefined : false}
                        onClose={(e) => {
                          e.preventDefault();
                          remove(p.subjectId, p.expertId, p.typed);
                        }}
                      >
                        {expertName(p.expertId)} · {t("rounds.match", { n: p.match })} ·{" "}
                        {t(`rounds.pairStatus.${p.status}`)}
                      </Tag>
                      {p.status === "submitted" && round.status === "open" && (
                        <Button
                          size="small"
                          type="link"
                          onClick={() => reopen(p.reviewId, expertName(p.expertId))}
                        >
                          {t("rounds.reopenReview")}
                        </Button>
                      )}
                    </Flex>
                  ))}
                  {[...conflicted].map((e) => (
                    <Tag
                      key={`c-${e}`}
                      color="red"
                      title={
                        a.conflicts.find((c) => c.expertId === e && c.applicationId === s.applicationId)
                          ?.reason
                      }
                    >
                      {expertName(e)} ✕{" "}
                      {
                        a.conflicts.find((c) => c.expertId === e && c.applicationId === s.applicationId)
                          ?.reason
                      }
                    </Tag>
                  ))}
                  {editable(round) && free.length > 0 && (
                    <Select
                      size="small"
                      aria-label={`${t("rounds.addPair")}：${s.organizationName}`}
                      placeholder={t("rounds.addPair")}
                      style={{ width: 140 }}
                      value={null}
                      options={free.map((e) => ({ value: e.expertId, label: e.displayName }))}
                      onChange={(expertId: string) =>
                        addPair.mutate({ subjectId: s.applicationId, expertId }, { onError: fail })
                      }
                    />
                  )}
                </Flex>
              );
            },
          },
        ]}
      />
      <Table
        rowKey="expertId"
        size="small"
        pagination={false}
        title={() => t("rounds.load")}
        dataSource={a.figures.loads}
        columns={[
          { title: t("rounds.expert"), render: (_, l) => expertName(l.expertId) },
          { title: t("rounds.load"), render: (_, l) => `${l.load}（${l.min}–${l.max}）` },
        ]}
      />
    </Flex>
  );
}

function ProgressTab({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  return (
    <Table
      rowKey="expertId"
      size="small"
      pagination={false}
      dataSource={round.experts}
      columns={[
        { title: t("rounds.expert"), dataIndex: "displayName" },
        { title: t("rounds.load"), dataIndex: "load" },
        { title: t("rounds.submitted"), dataIndex: "submitted" },
        { title: t("rounds.drafts"), dataIndex: "drafts" },
      ]}
    />
  );
}

interface SettingsValues {
  title: string;
  deadline: Dayjs;
  reviewsPerSubject: number;
  method: (typeof RANK_METHODS)[number];
  trimmedMinReviews: number;
  spreadThreshold: number;
  expertDeviationThreshold: number;
  revealAfterSubmit: boolean;
}

function SettingsTab({ round }: { round: RoundDetail }) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const { message } = App.useApp();
  const edit = useEditRound(round.id);
  const [form] = Form.useForm<SettingsValues>();
  const finish = (v: SettingsValues) =>
    edit.mutate(
      { ...v, version: round.version, deadline: `${v.deadline.format("YYYY-MM-DDTHH:mm")}:00+08:00` },
      {
        onSuccess: () => void message.success(t("rounds.saved")),
        onError: (error) => {
          if (isApiError(error) && error.field)
            form.setFields([{ name: error.field as keyof SettingsValues, errors: [error.message] }]);
          else void message.error(error instanceof Error ? error.message : String(error));
        },
      },
    );
  return (
    <Card size="small">
      <Form<SettingsValues>
        form={form}
        layout="vertical"
        style={{ maxWidth: 560 }}
        onFinish={finish}
        initialValues={{
          ...round,
          deadline: dayjs(dayjs(round.deadline).tz("Asia/Shanghai").format("YYYY-MM-DDTHH:mm")),
        }}
      >
        <Form.Item name="title" label={t("rounds.title")} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="deadline" label={t("rounds.deadline")} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Form.Item name="reviewsPerSubject" label={t("rounds.k")}>
          <InputNumber min={1} max={20} precision={0} disabled={round.status !== "draft"} />
        </Form.Item>
        <Form.Item name="method" label={t("rounds.method")}>
          <Select options={RANK_METHODS.map((m) => ({ value: m, label: t(`rounds.methodName.${m}`) }))} />
        </Form.Item>
        <Form.Item name="trimmedMinReviews" label={t("rounds.trimmedMinReviews")}>
          <InputNumber min={3} max={20} precision={0} />
        </Form.Item>
        <Form.Item name="spreadThreshold" label={t("rounds.spreadThreshold")}>
          <InputNumber min={0} max={100} precision={0} />
        </Form.Item>
        <Form.Item name="expertDeviationThreshold" label={t("rounds.expertDeviationThreshold")}>
          <InputNumber min={0} max={100} precision={0} />
        </Form.Item>
        <Form.Item name="revealAfterSubmit" label={t("rounds.revealAfterSubmit")} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t("rounds.quotas")}>
            {Object.entries(round.quotas)
              .map(([track, n]) => `${labels.track[track as Track]} ${n}`)
              .join(" · ")}
          </Descriptions.Item>
        </Descriptions>
        <Button type="primary" htmlType="submit" loading={edit.isPending}>
          {t("rounds.save")}
        </Button>
      </Form>
    </Card>
  );
}
