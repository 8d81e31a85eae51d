/**
 * One version of a capacity instrument. Published: read only, dimension by dimension, each
 * indicator with its weight, evidence and every level described (printable). A draft: the editor
 * (add, remove and reorder dimensions and indicators; weights with their running sum; the level
 * descriptions), saved with its version (409 in the browser: useVersionedForm), checked by the
 * same rules as the server (instrumentProblems) with each problem on its field, and published
 * after a confirmation that says it freezes.
 */
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
  PrinterOutlined,
} from "@ant-design/icons";
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
  Tag,
  Typography,
} from "antd";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import type {
  InstrumentContent,
  InstrumentDimension,
  InstrumentIndicator,
} from "../../../../domain/incubation/instrument";
import {
  INSTRUMENT_LIMITS,
  type InstrumentProblem,
  instrumentProblems,
} from "../../../../domain/incubation/instrument-problems";
import type { InstrumentVersionView } from "../../../../schemas/incubation/instruments";
import { FIELD_MESSAGES, format } from "../../../../schemas/messages";
import { isApiError } from "../../../api/client";
import {
  fetchInstrumentVersion,
  useInstrumentVersion,
  usePublishVersion,
  useSaveDraft,
} from "../../../api/incubation/instruments";
import { formatDateTime } from "../../../components/format";
import { ToneTag } from "../../../components/labels";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { useRecruitmentLabels } from "../../../components/recruitmentLabels";
import { useVersionedForm } from "../../../components/useVersionedForm";

type Lang = "zhCN" | "en";

/** Printing a version: the instrument only, without the menu, the header and the buttons. */
const PRINT_CSS = `@media print {
  .ant-layout-sider, .ant-layout-header, .hatchery-skip-link, .instrument-no-print { display: none !important; }
  .hatchery-main { margin: 0 !important; padding: 0 !important; }
  .instrument-dimension { break-inside: avoid-page; }
}`;
const useLang = (): Lang => (useTranslation().i18n.language.startsWith("en") ? "en" : "zhCN");

export default function InstrumentVersionPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const version = useInstrumentVersion(id);
  const labels = useRecruitmentLabels();
  const data = version.data;
  return (
    <>
      <style>{PRINT_CSS}</style>
      <PageHeader
        backTo="/instruments"
        title={data ? `${data.instrumentName} v${data.number}` : t("instruments.title")}
        extra={
          data?.status === "published" && (
            <Button
              className="instrument-no-print"
              icon={<PrinterOutlined aria-hidden />}
              onClick={() => window.print()}
            >
              {t("instruments.print")}
            </Button>
          )
        }
      />
      {version.isError ? (
        <QueryError error={version.error} onRetry={() => void version.refetch()} />
      ) : !data ? (
        <Card loading />
      ) : (
        <Flex vertical gap={16}>
          <Flex wrap gap={8} align="center">
            {data.status === "published" ? (
              <ToneTag tone="green">{t("instruments.statusName.published")}</ToneTag>
            ) : (
              <ToneTag tone="orange">{t("instruments.statusName.draft")}</ToneTag>
            )}
            {data.publishedAt && (
              <Typography.Text type="secondary">
                {t("instruments.publishedAt")}
                {t("common.colon")}
                {formatDateTime(data.publishedAt)}
              </Typography.Text>
            )}
            {data.tracks.map((track) => (
              <Tag key={track}>{labels.track[track]}</Tag>
            ))}
          </Flex>
          {data.status === "published" ? (
            <>
              <Alert type="info" showIcon title={t("instruments.frozen")} />
              {data.changeNote && (
                <Typography.Paragraph style={{ margin: 0 }}>
                  {t("instruments.changeNote")}
                  {t("common.colon")}
                  {data.changeNote}
                </Typography.Paragraph>
              )}
              <InstrumentView content={data.content} />
            </>
          ) : (
            <DraftEditorHost initial={data} />
          )}
        </Flex>
      )}
    </>
  );
}

/** The read-only instrument: each dimension with its indicators and their levels. */
function InstrumentView({ content }: { content: InstrumentContent }) {
  const { t } = useTranslation();
  const l = useLang();
  const scores = levelScores(content);
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">
        {t("instruments.scale", { min: content.scale.min, max: content.scale.max })}
      </Typography.Text>
      {content.dimensions.map((d, i) => (
        <Card
          key={d.key}
          size="small"
          className="instrument-dimension"
          title={
            <Flex wrap gap={8} align="center">
              <span>
                {i + 1}. {d.name[l] || d.name.zhCN}
              </span>
              <Tag color="blue">
                {t("instruments.weight")} {d.weight}
              </Tag>
            </Flex>
          }
        >
          {(d.description[l] || d.description.zhCN) && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
              {d.description[l] || d.description.zhCN}
            </Typography.Paragraph>
          )}
          <Table
            rowKey="key"
            size="small"
            pagination={false}
            scroll={{ x: 960 }}
            dataSource={d.indicators}
            columns={[
              {
                title: t("instruments.indicator"),
                width: 240,
                render: (_, ind: InstrumentIndicator) => (
                  <>
                    <strong>{ind.name[l] || ind.name.zhCN}</strong>
                    <div style={{ fontSize: 12, color: "rgba(0,0,0,0.65)" }}>
                      {ind.description[l] || ind.description.zhCN}
                    </div>
                    {(ind.evidence[l] || ind.evidence.zhCN) && (
                      <div style={{ fontSize: 12, color: "rgba(0,0,0,0.65)", marginTop: 4 }}>
                        {t("instruments.evidence")}
                        {t("common.colon")}
                        {ind.evidence[l] || ind.evidence.zhCN}
                      </div>
                    )}
                  </>
                ),
              },
              { title: t("instruments.weight"), dataIndex: "weight", width: 60 },
              ...scores.map((score, j) => ({
                title: t("instruments.level", { score }),
                key: `level-${score}`,
                render: (_: unknown, ind: InstrumentIndicator) => {
                  const level = ind.levels[j]?.description;
                  return <span style={{ fontSize: 12 }}>{level ? level[l] || level.zhCN : ""}</span>;
                },
              })),
            ]}
          />
        </Card>
      ))}
    </Flex>
  );
}

const levelScores = (content: InstrumentContent) =>
  Array.from(
    { length: Math.max(0, content.scale.max - content.scale.min + 1) },
    (_, j) => content.scale.min + j,
  );

interface Values {
  changeNote: string;
  content: InstrumentContent;
}

/** Holds the saved record: after a save the editor starts again from it (its new version). */
function DraftEditorHost({ initial }: { initial: InstrumentVersionView }) {
  const [record, setRecord] = useState(initial);
  return <DraftEditor key={record.version} record={record} onSaved={setRecord} />;
}

const emptyWords = () => ({ zhCN: "", en: "" });

/** A key not used yet in the content: `prefix_n`. */
function freshKey(content: InstrumentContent | undefined, prefix: string): string {
  const used = new Set(
    (content?.dimensions ?? []).flatMap((d) => [d?.key, ...(d?.indicators ?? []).map((i) => i?.key)]),
  );
  let n = 1;
  while (used.has(`${prefix}_${n}`)) n++;
  return `${prefix}_${n}`;
}

function DraftEditor({
  record,
  onSaved,
}: {
  record: InstrumentVersionView;
  onSaved: (saved: InstrumentVersionView) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const save = useSaveDraft(record.id);
  const publish = usePublishVersion(record.id);
  const [problems, setProblems] = useState<InstrumentProblem[]>([]);
  const [dirty, setDirty] = useState(false);
  const lang = i18n.language.startsWith("en") ? "en" : "zh-CN";
  const messageOf = (p: InstrumentProblem) => format(FIELD_MESSAGES[p.code][lang], p.params);

  const showProblems = (list: InstrumentProblem[]) => {
    setProblems(list);
    form.setFields(
      list
        .filter((p) => /\.(zhCN|en|weight)$/.test(p.path))
        .map((p) => ({
          name: ["content", ...p.path.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part))],
          errors: [messageOf(p)],
        })) as Parameters<typeof form.setFields>[0],
    );
  };
  const editor = useVersionedForm<Values, InstrumentVersionView>({
    form,
    original: record,
    fetchLatest: (id) => fetchInstrumentVersion(id),
    toFormValues: (r) => ({ changeNote: r.changeNote, content: r.content }),
    showFieldError: (error) => {
      const list = isApiError(error)
        ? (error.details?.problems as InstrumentProblem[] | undefined)
        : undefined;
      if (!list) return false;
      // The server's paths start at the body's `content`.
      showProblems(list.map((p) => ({ ...p, path: p.path.replace(/^content\./, "") })));
      return true;
    },
    keptMineMessage: t("instruments.keptMine"),
  });

  const dimensions = Form.useWatch(["content", "dimensions"], form) as InstrumentDimension[] | undefined;
  const sum = (dimensions ?? record.content.dimensions).reduce((s, d) => s + (Number(d?.weight) || 0), 0);
  const scores = levelScores(record.content);

  const onSave = async () => {
    editor.clearFormError();
    const values = form.getFieldsValue(true) as Values;
    const found = instrumentProblems(values.content);
    if (found.length > 0) {
      showProblems(found);
      return;
    }
    setProblems([]);
    try {
      const saved = await save.mutateAsync({
        version: editor.version,
        changeNote: values.changeNote ?? "",
        content: values.content,
      });
      editor.saved();
      message.success(t("instruments.saved"));
      onSaved(saved);
    } catch (error) {
      editor.saveFailed(error);
    }
  };

  const onPublish = () => {
    if (dirty) {
      message.warning(t("instruments.saveFirst"));
      return;
    }
    modal.confirm({
      title: t("instruments.publishTitle", { number: record.number }),
      content: t("instruments.publishContent"),
      okText: t("instruments.publishOk"),
      onOk: async () => {
        try {
          await publish.mutateAsync(editor.version);
          message.success(t("instruments.published", { number: record.number }));
          navigate(`/instruments/versions/${record.id}`, { replace: true });
        } catch (error) {
          if (!editor.conflict) editor.saveFailed(error);
        }
      },
    });
  };

  const newIndicator = (content: InstrumentContent | undefined): InstrumentIndicator => ({
    key: freshKey(content, "indicator"),
    name: {
      zhCN: t("instruments.newIndicator", { lng: "zh-CN" }),
      en: t("instruments.newIndicator", { lng: "en" }),
    },
    description: emptyWords(),
    weight: 1,
    evidence: emptyWords(),
    levels: scores.map((score) => ({ score, description: emptyWords() })),
  });

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ changeNote: record.changeNote, content: record.content }}
      onValuesChange={() => {
        setDirty(true);
        editor.markDirty();
      }}
      onFinish={() => void onSave()}
    >
      <Flex vertical gap={12}>
        {editor.banners}
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {t("instruments.draftTitle", { number: record.number })}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t("instruments.scale", { min: record.content.scale.min, max: record.content.scale.max })}
        </Typography.Text>
        <Form.Item name="changeNote" label={t("instruments.changeNote")} style={{ marginBottom: 0 }}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <div style={{ position: "sticky", top: 0, zIndex: 5 }}>
          <Alert
            role="status"
            type={sum === 100 ? "success" : "warning"}
            showIcon
            title={sum === 100 ? t("instruments.sumOk") : t("instruments.sumWrong", { sum })}
          />
        </div>
        {problems.length > 0 && (
          <Alert
            type="error"
            showIcon
            title={t("instruments.problems", { count: problems.length })}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {problems.slice(0, 12).map((p) => (
                  <li key={`${p.path}-${p.code}`}>
                    {where(p.path, form.getFieldsValue(true) as Values, t)}
                    {t("common.colon")}
                    {messageOf(p)}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        <Form.List name={["content", "dimensions"]}>
          {(dims, dimOps) => (
            <Flex vertical gap={12}>
              {dims.map((dim, di) => (
                <Card
                  key={dim.key}
                  size="small"
                  title={t("instruments.dimensionN", { n: di + 1 })}
                  extra={
                    <Flex gap={4}>
                      <Button
                        size="small"
                        icon={<ArrowUpOutlined aria-hidden />}
                        aria-label={`${t("instruments.moveUp")} ${t("instruments.dimensionN", { n: di + 1 })}`}
                        disabled={di === 0}
                        onClick={() => dimOps.move(di, di - 1)}
                      />
                      <Button
                        size="small"
                        icon={<ArrowDownOutlined aria-hidden />}
                        aria-label={`${t("instruments.moveDown")} ${t("instruments.dimensionN", { n: di + 1 })}`}
                        disabled={di === dims.length - 1}
                        onClick={() => dimOps.move(di, di + 1)}
                      />
                      <Button
                        size="small"
                        danger
                        icon={<DeleteOutlined aria-hidden />}
                        aria-label={`${t("instruments.remove")} ${t("instruments.dimensionN", { n: di + 1 })}`}
                        disabled={dims.length <= INSTRUMENT_LIMITS.dimensions.min}
                        onClick={() => dimOps.remove(di)}
                      />
                    </Flex>
                  }
                >
                  <Flex gap={8} wrap>
                    <Form.Item
                      name={[dim.name, "name", "zhCN"]}
                      label={t("instruments.nameZh")}
                      style={{ flex: 2, minWidth: 180 }}
                    >
                      <Input maxLength={INSTRUMENT_LIMITS.name} />
                    </Form.Item>
                    <Form.Item
                      name={[dim.name, "name", "en"]}
                      label={t("instruments.nameEn")}
                      style={{ flex: 2, minWidth: 180 }}
                    >
                      <Input maxLength={INSTRUMENT_LIMITS.name} />
                    </Form.Item>
                    <Form.Item name={[dim.name, "weight"]} label={t("instruments.dimensionWeight")}>
                      <InputNumber min={1} max={100} precision={0} style={{ width: 100 }} />
                    </Form.Item>
                  </Flex>
                  <WordsFields
                    name={[dim.name, "description"]}
                    labels={[t("instruments.descriptionZh"), t("instruments.descriptionEn")]}
                    max={INSTRUMENT_LIMITS.description}
                  />
                  <Form.List name={[dim.name, "indicators"]}>
                    {(inds, indOps) => (
                      <Flex vertical gap={8}>
                        {inds.map((ind, ii) => (
                          <fieldset
                            key={ind.key}
                            style={{
                              border: "1px solid #f0f0f0",
                              borderRadius: 6,
                              padding: "8px 12px",
                              margin: 0,
                            }}
                          >
                            <legend
                              style={{
                                fontSize: 14,
                                fontWeight: 600,
                                width: "auto",
                                padding: "0 4px",
                                margin: 0,
                              }}
                            >
                              {t("instruments.indicatorN", { n: ii + 1 })}
                            </legend>
                            <Flex gap={8} wrap align="end">
                              <Form.Item
                                name={[ind.name, "name", "zhCN"]}
                                label={t("instruments.nameZh")}
                                style={{ flex: 2, minWidth: 160 }}
                              >
                                <Input maxLength={INSTRUMENT_LIMITS.name} />
                              </Form.Item>
                              <Form.Item
                                name={[ind.name, "name", "en"]}
                                label={t("instruments.nameEn")}
                                style={{ flex: 2, minWidth: 160 }}
                              >
                                <Input maxLength={INSTRUMENT_LIMITS.name} />
                              </Form.Item>
                              <Form.Item name={[ind.name, "weight"]} label={t("instruments.indicatorWeight")}>
                                <InputNumber min={1} max={100} precision={0} style={{ width: 100 }} />
                              </Form.Item>
                              <Form.Item>
                                <Flex gap={4}>
                                  <Button
                                    size="small"
                                    icon={<ArrowUpOutlined aria-hidden />}
                                    aria-label={`${t("instruments.moveUp")} ${t("instruments.indicatorN", { n: ii + 1 })}`}
                                    disabled={ii === 0}
                                    onClick={() => indOps.move(ii, ii - 1)}
                                  />
                                  <Button
                                    size="small"
                                    icon={<ArrowDownOutlined aria-hidden />}
                                    aria-label={`${t("instruments.moveDown")} ${t("instruments.indicatorN", { n: ii + 1 })}`}
                                    disabled={ii === inds.length - 1}
                                    onClick={() => indOps.move(ii, ii + 1)}
                                  />
                                  <Button
                                    size="small"
                                    danger
                                    icon={<DeleteOutlined aria-hidden />}
                                    aria-label={`${t("instruments.remove")} ${t("instruments.indicatorN", { n: ii + 1 })}`}
                                    disabled={inds.length <= INSTRUMENT_LIMITS.indicators.min}
                                    onClick={() => indOps.remove(ii)}
                                  />
                                </Flex>
                              </Form.Item>
                            </Flex>
                            <Collapse
                              size="small"
                              items={[
                                {
                                  key: "details",
                                  label: t("instruments.details"),
                                  children: (
                                    <>
                                      <WordsFields
                                        name={[ind.name, "description"]}
                                        labels={[
                                          t("instruments.descriptionZh"),
                                          t("instruments.descriptionEn"),
                                        ]}
                                        max={INSTRUMENT_LIMITS.description}
                                      />
                                      <WordsFields
                                        name={[ind.name, "evidence"]}
                                        labels={[t("instruments.evidenceZh"), t("instruments.evidenceEn")]}
                                        max={INSTRUMENT_LIMITS.evidence}
                                      />
                                      {scores.map((score, j) => (
                                        <Flex key={score} gap={8} wrap>
                                          <Form.Item
                                            name={[ind.name, "levels", j, "description", "zhCN"]}
                                            label={t("instruments.levelZh", { score })}
                                            style={{ flex: 1, minWidth: 220 }}
                                          >
                                            <Input.TextArea
                                              autoSize={{ minRows: 1, maxRows: 4 }}
                                              maxLength={INSTRUMENT_LIMITS.level}
                                            />
                                          </Form.Item>
                                          <Form.Item
                                            name={[ind.name, "levels", j, "description", "en"]}
                                            label={t("instruments.levelEn", { score })}
                                            style={{ flex: 1, minWidth: 220 }}
                                          >
                                            <Input.TextArea
                                              autoSize={{ minRows: 1, maxRows: 4 }}
                                              maxLength={INSTRUMENT_LIMITS.level}
                                            />
                                          </Form.Item>
                                        </Flex>
                                      ))}
                                    </>
                                  ),
                                },
                              ]}
                            />
                          </fieldset>
                        ))}
                        <Button
                          icon={<PlusOutlined aria-hidden />}
                          disabled={inds.length >= INSTRUMENT_LIMITS.indicators.max}
                          onClick={() => indOps.add(newIndicator(form.getFieldsValue(true).content))}
                          style={{ alignSelf: "flex-start" }}
                        >
                          {t("instruments.addIndicator")}
                        </Button>
                      </Flex>
                    )}
                  </Form.List>
                </Card>
              ))}
              <Button
                icon={<PlusOutlined aria-hidden />}
                disabled={dims.length >= INSTRUMENT_LIMITS.dimensions.max}
                onClick={() => {
                  const content = form.getFieldsValue(true).content as InstrumentContent;
                  dimOps.add({
                    key: freshKey(content, "dimension"),
                    name: {
                      zhCN: t("instruments.newDimension", { lng: "zh-CN" }),
                      en: t("instruments.newDimension", { lng: "en" }),
                    },
                    description: emptyWords(),
                    weight: 1,
                    indicators: [newIndicator(content)],
                  } satisfies InstrumentDimension);
                }}
                style={{ alignSelf: "flex-start" }}
              >
                {t("instruments.addDimension")}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Flex gap={8} wrap style={{ position: "sticky", bottom: 0, background: "#fff", padding: "8px 0" }}>
          <Button type="primary" htmlType="submit" loading={save.isPending} disabled={!!editor.conflict}>
            {t("instruments.save")}
          </Button>
          <Button onClick={onPublish} loading={publish.isPending} disabled={!!editor.conflict}>
            {t("instruments.publish")}
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
}

/** A text in both languages, side by side (one under the other on a narrow screen). */
function WordsFields({
  name,
  labels,
  max,
}: {
  name: (string | number)[];
  labels: [string, string];
  max: number;
}) {
  return (
    <Flex gap={8} wrap>
      {(["zhCN", "en"] as const).map((lang, i) => (
        <Form.Item key={lang} name={[...name, lang]} label={labels[i]} style={{ flex: 1, minWidth: 220 }}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={max} />
        </Form.Item>
      ))}
    </Flex>
  );
}

/** Where a problem is, in words: "维度 2 · 指标 1". */
function where(path: string, values: Values, t: TFunction): string {
  const parts = path.split(".");
  const out: string[] = [];
  const d = parts[0] === "dimensions" && parts[1] !== undefined ? Number(parts[1]) : null;
  if (path === "dimensions") return t("instruments.dimensionWeight");
  if (d === null || Number.isNaN(d)) return t("instruments.title");
  const dim = values.content?.dimensions?.[d];
  out.push(dim?.name?.zhCN ? `${d + 1}. ${dim.name.zhCN}` : t("instruments.dimensionN", { n: d + 1 }));
  if (parts[2] === "indicators" && parts[3] !== undefined) {
    const i = Number(parts[3]);
    const ind = dim?.indicators?.[i];
    out.push(ind?.name?.zhCN || t("instruments.indicatorN", { n: i + 1 }));
  }
  return out.join(" · ");
}
