import { InfoCircleOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Skeleton } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { TRACKS, type Track } from "../../../../../domain/call";
import type { Call } from "../../../../../schemas/recruitment/calls";
import { isApiError } from "../../../../api/client";
import { fetchCall, useCall, useCreateCall, useUpdateCall } from "../../../../api/recruitment/calls";
import { PageHeader } from "../../../../components/PageHeader";
import { QueryError } from "../../../../components/QueryError";
import { useVersionedForm } from "../../../../components/useVersionedForm";
import { QuestionSection } from "./components/QuestionSection";
import { TrackSection } from "./components/TrackSection";
import {
  type CallFormValues,
  defaultTrack,
  emptyValues,
  formFieldOf,
  type TrackValues,
  toFormValues,
  toInput,
} from "./formValues";

/** 新建 / 编辑招募: one editor; a published call's change needs a note and becomes a revision. */
export default function CallEditPage() {
  const { id } = useParams<{ id: string }>();
  const call = useCall(id);
  if (!id) return <CallForm key="new" />;
  if (call.isError) return <QueryError error={call.error} onRetry={() => void call.refetch()} />;
  if (!call.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  return <CallForm key={call.data.id} original={call.data} />;
}

function CallForm({ original }: { original?: Call }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<CallFormValues>();
  const [status, setStatus] = useState(original?.status ?? "draft");
  const [revision, setRevision] = useState(original?.revision ?? 0);
  // Settings of a track unticked by mistake come back when it is ticked again.
  const stash = useRef(new Map<Track, TrackValues>());
  const editor = useVersionedForm({
    form,
    original,
    fetchLatest: fetchCall,
    toFormValues,
    onLatest: (latest) => {
      setStatus(latest.status);
      setRevision(latest.revision);
    },
    showFieldError: (error) => {
      const name = isApiError(error) && error.field ? formFieldOf(error.field) : null;
      if (!name || !isApiError(error)) return false;
      // A path built from the server's field: the form's typed names cannot know it statically.
      const path = name as unknown as keyof CallFormValues;
      form.setFields([{ name: path, errors: [error.message] }]);
      form.scrollToField(path, { block: "center", focus: true });
      return true;
    },
    keptMineMessage: t("calls.keptMine"),
  });
  const create = useCreateCall();
  const update = useUpdateCall(original?.id ?? "");
  const published = status === "published";

  const onValuesChange = (changed: Partial<CallFormValues>) => {
    editor.markDirty();
    if (!changed.offered) return;
    const offered = changed.offered;
    const current: TrackValues[] = form.getFieldValue("tracks") ?? [];
    for (const t of current) stash.current.set(t.track, t);
    const tracks = TRACKS.filter((x) => offered.includes(x)).map(
      (x) => current.find((t) => t.track === x) ?? stash.current.get(x) ?? defaultTrack(x),
    );
    const questions = (form.getFieldValue("questions") ?? []) as CallFormValues["questions"];
    form.setFieldsValue({
      tracks,
      questions: questions.map((q) => ({
        ...q,
        tracks: (q.tracks ?? []).filter((x) => offered.includes(x)),
      })),
    });
  };

  const onFinish = async (values: CallFormValues) => {
    editor.clearFormError();
    const input = toInput(values);
    try {
      const saved = original
        ? await update.mutateAsync({ ...input, version: editor.version, note: values.note ?? null })
        : await create.mutateAsync(input);
      message.success(original ? t("calls.updated") : t("calls.created"));
      editor.saved();
      navigate(`/calls/${saved.id}`, { replace: !original });
    } catch (error) {
      editor.saveFailed(error);
    }
  };

  const back = original ? `/calls/${original.id}` : "/calls";
  return (
    <>
      <PageHeader
        title={original ? t("calls.editTitle") : t("calls.createTitle")}
        subTitle={original?.title}
        backTo={back}
      />
      <Form<CallFormValues>
        form={form}
        name="call"
        layout="vertical"
        initialValues={original ? toFormValues(original) : emptyValues()}
        onValuesChange={onValuesChange}
        onFinish={(values) => void onFinish(values)}
        onFinishFailed={() => message.error(t("calls.fixErrors"))}
        scrollToFirstError={{ block: "center", focus: true }}
        style={{ display: "grid", gap: 16 }}
      >
        {editor.banners}
        {published && (
          <Alert
            type="info"
            showIcon
            icon={<InfoCircleOutlined aria-hidden />}
            title={t("calls.publishedBanner", { revision })}
            description={t("calls.publishedBannerBody", { next: revision + 1 })}
          />
        )}
        <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t("calls.sectionBasics")}</h2>}>
          <Form.Item
            name="title"
            label={t("calls.title")}
            rules={[{ required: true, whitespace: true, message: t("calls.titleRequired") }]}
          >
            <Input maxLength={120} showCount />
          </Form.Item>
          <Form.Item name="description" label={t("calls.description")} extra={t("calls.descriptionHelp")}>
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} maxLength={10000} />
          </Form.Item>
          <Row gutter={16}>
            {(["opensAt", "closesAt"] as const).map((name) => (
              <Col key={name} xs={24} md={12}>
                <Form.Item
                  name={name}
                  label={t("calls.inBeijingTime", { label: t(`calls.${name}`), tz: t("portal.beijingTime") })}
                  rules={[{ required: true, message: t("calls.timeRequired") }]}
                >
                  <DatePicker
                    showTime={{ format: "HH:mm" }}
                    format="YYYY-MM-DD HH:mm"
                    style={{ width: "100%" }}
                  />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Card>
        <TrackSection />
        <QuestionSection />
        <Card size="small" style={{ position: "sticky", bottom: 0, zIndex: 5 }}>
          {published && (
            <Form.Item
              name="note"
              label={t("calls.note")}
              rules={[{ required: true, whitespace: true, message: t("calls.noteRequired") }]}
            >
              <Input maxLength={500} placeholder={t("calls.notePlaceholder")} />
            </Form.Item>
          )}
          <div style={{ display: "flex", gap: 8, justifyContent: "flex-end" }}>
            <Button onClick={() => navigate(back)}>{t("common.cancel")}</Button>
            <Button
              type="primary"
              htmlType="submit"
              loading={create.isPending || update.isPending}
              disabled={!!editor.conflict}
            >
              {t("calls.saveDraft")}
            </Button>
          </div>
        </Card>
      </Form>
    </>
  );
}
