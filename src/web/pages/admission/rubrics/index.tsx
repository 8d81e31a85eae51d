/**
 * 评审指标: each track's rubric (criteria, weights, scale, what each level means, where it comes
 * from) with its versions. Staff edit names and weights: a version a round opened with is frozen,
 * so the edit becomes the next version and the rounds keep theirs.
 */

import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Flex,
  Form,
  Input,
  InputNumber,
  Table,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Track } from "../../../../domain/call";
import type { Rubric, TrackRubrics } from "../../../../schemas/admission/rubrics";
import { useEditRubric, useRubrics } from "../../../api/admission/rounds";
import { isApiError } from "../../../api/client";
import { formatDateTime } from "../../../components/format";
import { ToneTag } from "../../../components/labels";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { useRecruitmentLabels } from "../../../components/recruitmentLabels";

export default function RubricsPage() {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const rubrics = useRubrics();
  return (
    <>
      <PageHeader title={t("rounds.rubricsTitle")} />
      {rubrics.isError ? (
        <QueryError error={rubrics.error} onRetry={() => void rubrics.refetch()} />
      ) : !rubrics.data ? (
        <Card loading />
      ) : (
        <Tabs
          items={rubrics.data.tracks.map((track) => ({
            key: track.track,
            label: labels.track[track.track],
            children: <TrackRubric track={track} />,
          }))}
        />
      )}
    </>
  );
}

function TrackRubric({ track }: { track: TrackRubrics }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <Flex vertical gap={16}>
      <RubricCard
        rubric={track.current}
        extra={!editing && <Button onClick={() => setEditing(true)}>{t("rounds.editWeights")}</Button>}
      />
      {editing && (
        <RubricEditor track={track.track} rubric={track.current} onDone={() => setEditing(false)} />
      )}
      {track.older.length > 0 && (
        <Collapse
          items={[
            {
              key: "older",
              label: t("rounds.olderVersions"),
              children: (
                <Flex vertical gap={12}>
                  {track.older.map((r) => (
                    <RubricCard key={r.id} rubric={r} />
                  ))}
                </Flex>
              ),
            },
          ]}
        />
      )}
    </Flex>
  );
}

function RubricCard({ rubric, extra }: { rubric: Rubric; extra?: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const l = i18n.language.startsWith("en") ? "en" : "zhCN";
  return (
    <Card
      size="small"
      title={
        <Flex wrap gap={8} align="center">
          <span>{rubric.title}</span>
          <Tag>{t("rounds.rubricVersion", { version: rubric.version })}</Tag>
          {rubric.frozenAt ? (
            <ToneTag tone="orange">{t("rounds.frozen")}</ToneTag>
          ) : (
            <ToneTag tone="green">{t("rounds.editable")}</ToneTag>
          )}
          {rubric.roundCount > 0 && <Tag>{t("rounds.usedBy", { count: rubric.roundCount })}</Tag>}
        </Flex>
      }
      extra={extra}
    >
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={rubric.criteria}
        columns={[
          {
            title: t("rounds.criterion"),
            render: (_, c) => (
              <>
                <strong>{c.name[l] || c.name.zhCN}</strong>
                <div style={{ fontSize: 12, color: "rgba(0,0,0,0.65)" }}>
                  {c.description[l] || c.description.zhCN}
                </div>
              </>
            ),
          },
          { title: t("rounds.weight"), dataIndex: "weight", width: 70 },
          { title: t("rounds.scale"), width: 80, render: (_, c) => `${c.min}–${c.max}` },
          {
            title: t("rounds.levels"),
            render: (_, c) => (
              <ul style={{ margin: 0, paddingInlineStart: 16, fontSize: 12 }}>
                {c.levels.map((b) => (
                  <li key={b.min}>
                    {b.min}–{b.max}：{b.meaning[l] || b.meaning.zhCN}
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
      {rubric.source && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
          {t("rounds.source")}：{rubric.source} · {formatDateTime(rubric.createdAt)}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function RubricEditor({ track, rubric, onDone }: { track: Track; rubric: Rubric; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const edit = useEditRubric();
  const [form] = Form.useForm<{
    title: string;
    weights: number[];
    names: string[];
    descriptions: string[];
    levels: string[][];
  }>();
  return (
    <Card size="small" title={t("rounds.editWeights")}>
      {rubric.frozenAt && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t("rounds.editFrozenHint")} />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          title: rubric.title,
          weights: rubric.criteria.map((c) => c.weight),
          names: rubric.criteria.map((c) => c.name.zhCN),
          descriptions: rubric.criteria.map((c) => c.description.zhCN),
          levels: rubric.criteria.map((c) => c.levels.map((b) => b.meaning.zhCN)),
        }}
        onFinish={(v) =>
          edit.mutate(
            {
              track,
              body: {
                version: rubric.version,
                title: v.title,
                source: rubric.source,
                // The scale and its bands stay; their words, the names and the weights change.
                criteria: rubric.criteria.map((c, i) => ({
                  ...c,
                  weight: v.weights[i] ?? c.weight,
                  name: { ...c.name, zhCN: v.names[i] ?? c.name.zhCN },
                  description: { ...c.description, zhCN: v.descriptions[i] ?? c.description.zhCN },
                  levels: c.levels.map((b, j) => ({
                    ...b,
                    meaning: { ...b.meaning, zhCN: v.levels[i]?.[j] ?? b.meaning.zhCN },
                  })),
                })),
              },
            },
            {
              onSuccess: () => {
                void message.success(t("common.saved"));
                onDone();
              },
              onError: (error) => void message.error(isApiError(error) ? error.message : String(error)),
            },
          )
        }
      >
        <Form.Item name="title" label={t("rounds.rubricTitle")} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        {rubric.criteria.map((c, i) => (
          <fieldset
            key={c.key}
            style={{ border: "1px solid #f0f0f0", borderRadius: 6, padding: "8px 12px", marginBottom: 12 }}
          >
            <legend style={{ fontSize: 14, fontWeight: 600, width: "auto", padding: "0 4px", margin: 0 }}>
              {c.name.zhCN}（{c.min}–{c.max}）
            </legend>
            <Flex gap={8} wrap>
              <Form.Item
                name={["names", i]}
                label={t("rounds.criterion")}
                rules={[{ required: true }]}
                style={{ flex: 1, minWidth: 180 }}
              >
                <Input maxLength={60} />
              </Form.Item>
              <Form.Item name={["weights", i]} label={t("rounds.weight")} rules={[{ required: true }]}>
                <InputNumber min={1} max={1000} precision={0} />
              </Form.Item>
            </Flex>
            <Form.Item name={["descriptions", i]} label={t("rounds.criterionDescription")}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
            </Form.Item>
            {c.levels.map((b, j) => (
              <Form.Item
                key={b.min}
                name={["levels", i, j]}
                label={t("rounds.levelMeaning", { min: b.min, max: b.max })}
                rules={[{ required: true }]}
                style={{ marginBottom: 8 }}
              >
                <Input maxLength={200} />
              </Form.Item>
            ))}
          </fieldset>
        ))}
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={edit.isPending}>
            {t("common.save")}
          </Button>
          <Button onClick={onDone}>{t("common.cancel")}</Button>
        </Flex>
      </Form>
    </Card>
  );
}
