/**
 * 能力评估体系: the base's capacity instruments with their versions (status, when published, the
 * tracks using each), each track's active version, and the way into a version: view it, or edit
 * the instrument (its one draft, made from the latest published version if there is none).
 */
import { PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Flex, Form, Input, Modal, Select, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { TRACKS, type Track } from "../../../../domain/call";
import type { Instrument, InstrumentList } from "../../../../schemas/incubation/instruments";
import {
  useCreateInstrument,
  useDeleteDraft,
  useInstruments,
  useSetActive,
  useStartDraft,
} from "../../../api/incubation/instruments";
import { formatDateTime } from "../../../components/format";
import { ToneTag } from "../../../components/labels";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { useRecruitmentLabels } from "../../../components/recruitmentLabels";
import { errorMessage } from "../../../components/serverErrors";

export default function InstrumentsPage() {
  const { t } = useTranslation();
  const list = useInstruments();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t("instruments.title")}
        extra={
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t("instruments.create")}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t("instruments.intro")}</Typography.Paragraph>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Card loading />
      ) : (
        <Flex vertical gap={16}>
          <ActiveTracks data={list.data} />
          {list.data.instruments.map((instrument) => (
            <InstrumentCard key={instrument.id} instrument={instrument} />
          ))}
          {creating && <CreateDialog data={list.data} onClose={() => setCreating(false)} />}
        </Flex>
      )}
    </>
  );
}

function ActiveTracks({ data }: { data: InstrumentList }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const labels = useRecruitmentLabels();
  const setActive = useSetActive();
  const published = data.instruments.flatMap((i) =>
    i.versions
      .filter((v) => v.status === "published")
      .map((v) => ({
        value: v.id,
        label: t("instruments.versionLabel", { name: i.name, number: v.number }),
      })),
  );
  const change = (track: Track, versionId: string) => {
    const option = published.find((o) => o.value === versionId);
    modal.confirm({
      title: t("instruments.activeVersion"),
      content: t("instruments.activeConfirm", { track: labels.track[track], label: option?.label }),
      onOk: () =>
        setActive.mutateAsync(
          { track, versionId },
          {
            onSuccess: () => void message.success(t("instruments.activeSet")),
            onError: (error) => void message.error(errorMessage(error)),
          },
        ),
    });
  };
  return (
    <Card size="small" title={t("instruments.active")}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t("instruments.activeHint")}
      </Typography.Paragraph>
      <Table
        rowKey="track"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={TRACKS.map((track) => ({
          track,
          versionId: data.active.find((a) => a.track === track)?.versionId,
        }))}
        columns={[
          {
            title: t("instruments.track"),
            render: (_, row) => <span style={{ whiteSpace: "nowrap" }}>{labels.track[row.track]}</span>,
            width: 120,
          },
          {
            title: t("instruments.activeVersion"),
            render: (_, row) => (
              <Select
                aria-label={`${labels.track[row.track]} ${t("instruments.activeVersion")}`}
                style={{ width: "100%", maxWidth: 360, minWidth: 200 }}
                value={row.versionId}
                options={published}
                onChange={(value: string) => change(row.track, value)}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}

function InstrumentCard({ instrument }: { instrument: Instrument }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const labels = useRecruitmentLabels();
  const startDraft = useStartDraft();
  const deleteDraft = useDeleteDraft();
  const draft = instrument.versions.find((v) => v.status === "draft");
  const edit = () =>
    startDraft.mutate(instrument.id, {
      onSuccess: (version) => void navigate(`/instruments/versions/${version.id}`),
      onError: (error) => void message.error(errorMessage(error)),
    });
  return (
    <Card
      size="small"
      title={instrument.name}
      extra={
        <Button type="primary" onClick={edit} loading={startDraft.isPending}>
          {draft ? t("instruments.continueDraft") : t("instruments.edit")}
        </Button>
      }
    >
      {instrument.description && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {instrument.description}
        </Typography.Paragraph>
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={instrument.versions}
        columns={[
          {
            title: t("instruments.versions"),
            width: 90,
            render: (_, v) => <Link to={`/instruments/versions/${v.id}`}>v{v.number}</Link>,
          },
          {
            title: t("instruments.status"),
            width: 90,
            render: (_, v) =>
              v.status === "published" ? (
                <ToneTag tone="green">{t("instruments.statusName.published")}</ToneTag>
              ) : (
                <ToneTag tone="orange">{t("instruments.statusName.draft")}</ToneTag>
              ),
          },
          {
            title: t("instruments.publishedAt"),
            width: 160,
            render: (_, v) => (v.publishedAt ? formatDateTime(v.publishedAt) : t("common.empty")),
          },
          {
            title: t("instruments.usedBy"),
            render: (_, v) =>
              v.tracks.length === 0
                ? t("common.empty")
                : v.tracks.map((track) => <Tag key={track}>{labels.track[track]}</Tag>),
          },
          {
            title: t("instruments.changeNote"),
            render: (_, v) => v.changeNote || t("common.empty"),
          },
          {
            title: t("common.actions"),
            width: 160,
            render: (_, v) => (
              <Flex gap={8}>
                <Link to={`/instruments/versions/${v.id}`}>
                  {v.status === "draft" ? t("instruments.edit") : t("instruments.view")}
                </Link>
                {v.status === "draft" && (
                  <Button
                    type="link"
                    danger
                    size="small"
                    style={{ padding: 0, height: "auto" }}
                    onClick={() =>
                      modal.confirm({
                        title: t("instruments.deleteDraft"),
                        content: t("instruments.deleteConfirm", { number: v.number }),
                        okButtonProps: { danger: true },
                        onOk: () =>
                          deleteDraft.mutateAsync(v.id, {
                            onSuccess: () => void message.success(t("instruments.deleted")),
                            onError: (error) => void message.error(errorMessage(error)),
                          }),
                      })
                    }
                  >
                    {t("instruments.deleteDraft")}
                  </Button>
                )}
              </Flex>
            ),
          },
        ]}
      />
      {!draft && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: "8px 0 0" }}>
          {t("instruments.editHint")}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function CreateDialog({ data, onClose }: { data: InstrumentList; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const create = useCreateInstrument();
  const [form] = Form.useForm<{ name: string; description: string; copyFromVersionId?: string }>();
  const options = data.instruments.flatMap((i) =>
    i.versions.map((v) => ({
      value: v.id,
      label: `${t("instruments.versionLabel", { name: i.name, number: v.number })}${
        v.status === "draft" ? `（${t("instruments.statusName.draft")}）` : ""
      }`,
    })),
  );
  return (
    <Modal
      open
      title={t("instruments.createTitle")}
      onCancel={onClose}
      okText={t("instruments.create")}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          create.mutate(values, {
            onSuccess: (instrument) => {
              void message.success(t("instruments.created"));
              onClose();
              const first = instrument.versions[0];
              if (first) void navigate(`/instruments/versions/${first.id}`);
            },
            onError: (error) => form.setFields([{ name: "name", errors: [errorMessage(error)] }]),
          })
        }
      >
        <Form.Item name="name" label={t("instruments.name")} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="description" label={t("instruments.description")}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item name="copyFromVersionId" label={t("instruments.copyFrom")}>
          <Select allowClear placeholder={t("instruments.copyFromEmpty")} options={options} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
