/**
 * Writing a post (staff): the form with the rich-text body beside a preview, the audience
 * (portal or signed-in organizations, optional targeting with the number of organizations it
 * reaches now), and the lifecycle: save, publish now or at a time, withdraw with a reason, back
 * to a draft. Saves go at the version read (a 409 shows the conflict banner). A published
 * targeted post shows its read receipts below. Attachments upload to the saved post and are kept
 * by its save, as every other field.
 */
import {
  Alert,
  App,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  Radio,
  Select,
  Skeleton,
  Space,
  Tabs,
  Typography,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { TRACKS } from "../../../../domain/call";
import {
  isTargeted,
  KINDS_WITH_DEADLINE,
  POST_KINDS,
  POST_RESIDENCIES,
  POST_VISIBILITIES,
  type PostKind,
  type PostVisibility,
} from "../../../../domain/services/post";
import { ORGANIZATION_LABELS } from "../../../../schemas/labels";
import type { UploadedFile } from "../../../../schemas/platform/files";
import { RECRUITMENT_LABELS } from "../../../../schemas/recruitment/labels";
import type { PostView } from "../../../../schemas/services/posts";
import { useCohorts } from "../../../api/incubation/incubations";
import {
  fetchPost,
  type PostInput,
  useAudiencePreview,
  usePost,
  usePostStep,
  useSavePost,
} from "../../../api/services/posts";
import { DateInput } from "../../../components/DateInput";
import { useFieldOptions } from "../../../components/options";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { errorMessage, showFieldError } from "../../../components/serverErrors";
import { useVersionedForm } from "../../../components/useVersionedForm";
import { useLang } from "../../../i18n";
import { AttachmentList, AttachmentsInput } from "./components/PostAttachments";
import { PostArticle, PostStatusTag, usePostLabels } from "./components/PostParts";
import { PostReceipts } from "./components/PostReceipts";
import { RichTextEditor } from "./components/RichTextEditor";

interface Values {
  kind: PostKind;
  visibility: PostVisibility;
  title: string;
  summary: string;
  bodyHtml: string;
  source: string;
  link: string;
  deadlineOn: string | null;
  tracks: string[];
  cohortIds: string[];
  residencies: string[];
  fields: string[];
  files: UploadedFile[];
}

const FIELDS = [
  "kind",
  "visibility",
  "title",
  "summary",
  "bodyHtml",
  "source",
  "link",
  "deadlineOn",
  "targeting",
  "publishAt",
  "fileIds",
];

const EMPTY: Values = {
  kind: "notice",
  visibility: "members",
  title: "",
  summary: "",
  bodyHtml: "",
  source: "",
  link: "",
  deadlineOn: null,
  tracks: [],
  cohortIds: [],
  residencies: [],
  fields: [],
  files: [],
};

function toValues(p: PostView): Values {
  return {
    kind: p.kind,
    visibility: p.visibility,
    title: p.title,
    summary: p.summary,
    bodyHtml: p.bodyHtml,
    source: p.source ?? "",
    link: p.link ?? "",
    deadlineOn: p.deadlineOn,
    ...p.targeting,
    files: p.attachments,
  };
}

function toInput(v: Values): PostInput {
  return {
    kind: v.kind,
    visibility: v.visibility,
    title: v.title ?? "",
    summary: v.summary ?? "",
    bodyHtml: v.bodyHtml ?? "",
    source: v.source ?? "",
    link: v.link ?? "",
    deadlineOn: v.deadlineOn ?? null,
    targeting: {
      tracks: v.tracks ?? [],
      cohortIds: v.cohortIds ?? [],
      residencies: v.residencies ?? [],
      fields: v.fields ?? [],
    } as PostInput["targeting"],
    fileIds: (v.files ?? []).map((f) => f.id),
  };
}

export default function PostEditPage() {
  const { id } = useParams();
  const post = usePost(id);
  const { t } = useTranslation();
  if (id && post.isError) return <QueryError error={post.error} onRetry={() => void post.refetch()} />;
  if (id && !post.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  return (
    <>
      <PageHeader title={id ? t("posts.editTitle") : t("posts.newTitle")} backTo="/posts/manage" />
      <PostEditor key={post.data?.version ?? "new"} original={post.data} />
    </>
  );
}

function PostEditor({ original }: { original?: PostView }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const lang = useLang();
  const labels = usePostLabels();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const save = useSavePost();
  const step = usePostStep();
  const cohorts = useCohorts();
  const fieldOptions = useFieldOptions();
  const [tab, setTab] = useState("edit");
  const [publishAt, setPublishAt] = useState<Dayjs | null>(null);
  const editor = useVersionedForm<Values, PostView>({
    form,
    original,
    fetchLatest: fetchPost,
    toFormValues: toValues,
    showFieldError: (error) => showFieldError(form, error, FIELDS),
    keptMineMessage: t("posts.keptMine"),
  });
  const watched = Form.useWatch([], form) as Values | undefined;
  const values = { ...EMPTY, ...(original ? toValues(original) : {}), ...watched };
  const targeting = {
    tracks: values.tracks,
    cohortIds: values.cohortIds,
    residencies: values.residencies,
    fields: values.fields,
  };
  const targeted = isTargeted(targeting as never);
  const reach = useAudiencePreview(targeting as never, targeted && !(original && !original.audienceEditable));
  const audienceLocked = original ? !original.audienceEditable : false;
  const [dirty, setDirty] = useState(false);

  const onSave = async (v: Values) => {
    editor.clearFormError();
    try {
      const saved = await save.mutateAsync({
        ...toInput(v),
        ...(original ? { id: original.id, version: editor.version } : {}),
      });
      editor.saved();
      setDirty(false);
      message.success(t("posts.saved"));
      if (!original) navigate(`/posts/manage/${saved.id}`, { replace: true });
    } catch (error) {
      editor.saveFailed(error);
    }
  };

  const run = async (
    event: "publish" | "withdraw" | "redraft",
    extra: { reason?: string; publishAt?: string | null } = {},
  ) => {
    if (!original) return;
    try {
      await step.mutateAsync({ id: original.id, event, version: editor.version, ...extra });
      message.success(
        t(
          event === "publish"
            ? "posts.published"
            : event === "withdraw"
              ? "posts.withdrawn"
              : "posts.redrafted",
        ),
      );
    } catch (error) {
      if (!showFieldError(form, error, FIELDS)) message.error(errorMessage(error));
    }
  };

  const confirmPublish = () => {
    if (dirty) {
      message.warning(t("posts.saveFirst"));
      return;
    }
    modal.confirm({
      title: t("posts.publish"),
      content: t("posts.publishConfirm"),
      okText: t("posts.publish"),
      onOk: () => run("publish", { publishAt: publishAt ? publishAt.format("YYYY-MM-DDTHH:mm:ssZ") : null }),
    });
  };

  const askWithdraw = () => {
    let reason = "";
    modal.confirm({
      title: t("posts.withdraw"),
      content: (
        <Input.TextArea
          aria-label={t("posts.withdrawReason")}
          placeholder={t("posts.withdrawReason")}
          maxLength={500}
          autoSize={{ minRows: 2 }}
          onChange={(e) => {
            reason = e.target.value;
          }}
        />
      ),
      okText: t("posts.withdraw"),
      okButtonProps: { danger: true },
      onOk: () => run("withdraw", { reason }),
    });
  };

  const formPane = (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={original ? toValues(original) : EMPTY}
      onValuesChange={() => {
        editor.markDirty();
        setDirty(true);
      }}
      onFinish={onSave}
      disabled={original?.status === "withdrawn"}
    >
      <Flex wrap gap={16}>
        <Form.Item name="kind" label={t("posts.kind")} rules={[{ required: true }]} style={{ minWidth: 220 }}>
          <Select options={POST_KINDS.map((k) => ({ value: k, label: labels.kind[k] }))} />
        </Form.Item>
        <Form.Item name="visibility" label={t("posts.visibility")} rules={[{ required: true }]}>
          <Radio.Group
            disabled={audienceLocked}
            options={POST_VISIBILITIES.map((v) => ({
              value: v,
              label: labels.visibility[v],
              disabled: v === "public" && targeted,
            }))}
          />
        </Form.Item>
      </Flex>
      <Form.Item name="title" label={t("posts.fieldTitle")} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={120} showCount />
      </Form.Item>
      <Form.Item name="summary" label={t("posts.fieldSummary")} extra={t("posts.summaryHelp")}>
        <Input.TextArea maxLength={300} showCount autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
      <Form.Item name="bodyHtml" label={t("posts.fieldBody")} rules={[{ required: true }]}>
        <RichTextEditor />
      </Form.Item>
      <Form.Item name="files" label={t("posts.attachments")} extra={t("posts.attachmentsHelp")}>
        <AttachmentsInput postId={original?.id} />
      </Form.Item>
      <Flex wrap gap={16}>
        <Form.Item name="source" label={t("posts.fieldSource")} style={{ flex: "1 1 220px" }}>
          <Input maxLength={120} placeholder={t("posts.sourcePlaceholder")} />
        </Form.Item>
        <Form.Item name="link" label={t("posts.fieldLink")} style={{ flex: "2 1 280px" }}>
          <Input maxLength={500} placeholder="https://" inputMode="url" />
        </Form.Item>
        <Form.Item
          name="deadlineOn"
          label={t("posts.fieldDeadline")}
          extra={KINDS_WITH_DEADLINE.includes(values.kind) ? t("posts.deadlineHelp") : undefined}
          style={{ flex: "1 1 180px" }}
        >
          <DateInput min="2000-01-01" max="2100-12-31" />
        </Form.Item>
      </Flex>
      <fieldset style={{ border: "1px solid #f0f0f0", borderRadius: 8, padding: "8px 16px 0" }}>
        <legend style={{ fontSize: 15, padding: "0 6px", width: "auto", marginBottom: 0 }}>
          {t("posts.targeting")}
        </legend>
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {audienceLocked ? t("posts.audienceLocked") : t("posts.targetingHelp")}
        </Typography.Paragraph>
        <Flex wrap gap={16}>
          <Form.Item name="cohortIds" label={t("posts.cohorts")} style={{ flex: "1 1 240px" }}>
            <Select
              mode="multiple"
              disabled={audienceLocked}
              options={(cohorts.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
          <Form.Item name="tracks" label={t("posts.tracks")} style={{ flex: "1 1 240px" }}>
            <Select
              mode="multiple"
              disabled={audienceLocked}
              options={TRACKS.map((k) => ({ value: k, label: RECRUITMENT_LABELS[lang].track[k] }))}
            />
          </Form.Item>
          <Form.Item name="residencies" label={t("posts.residencies")} style={{ flex: "1 1 200px" }}>
            <Select
              mode="multiple"
              disabled={audienceLocked}
              options={POST_RESIDENCIES.map((r) => ({
                value: r,
                label: ORGANIZATION_LABELS[lang].residency[r],
              }))}
            />
          </Form.Item>
          <Form.Item name="fields" label={t("posts.fields")} style={{ flex: "1 1 240px" }}>
            <Select mode="multiple" disabled={audienceLocked} options={fieldOptions} />
          </Form.Item>
        </Flex>
        {targeted && !audienceLocked && reach.data && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t("posts.reach", { count: reach.data.organizations })}
          />
        )}
      </fieldset>
      <Flex wrap gap={8} style={{ marginTop: 16 }}>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t("posts.save")}
        </Button>
      </Flex>
    </Form>
  );

  return (
    <Flex vertical gap={16}>
      {editor.banners}
      {original && (
        <Flex
          wrap
          gap={12}
          align="center"
          justify="space-between"
          className="hatchery-panel"
          style={{ padding: 12 }}
        >
          <Space wrap>
            <PostStatusTag status={original.status} scheduled={original.scheduled} />
            {original.withdrawReason && (
              <Typography.Text type="secondary">
                {t("posts.withdrawnBecause", { reason: original.withdrawReason })}
              </Typography.Text>
            )}
          </Space>
          <Space wrap>
            {original.events.includes("publish") && (
              <>
                <DatePicker
                  showTime={{ format: "HH:mm" }}
                  format="YYYY-MM-DD HH:mm"
                  aria-label={t("posts.publishAt")}
                  placeholder={t("posts.publishAt")}
                  value={publishAt}
                  onChange={setPublishAt}
                />
                <Button type="primary" onClick={confirmPublish} loading={step.isPending}>
                  {publishAt ? t("posts.publish") : t("posts.publishNow")}
                </Button>
              </>
            )}
            {original.events.includes("withdraw") && (
              <Button danger onClick={askWithdraw} loading={step.isPending}>
                {t("posts.withdraw")}
              </Button>
            )}
            {original.events.includes("redraft") && (
              <Button onClick={() => void run("redraft")} loading={step.isPending}>
                {t("posts.redraft")}
              </Button>
            )}
          </Space>
        </Flex>
      )}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: "edit", label: t("posts.edit"), children: formPane, forceRender: true },
          {
            key: "preview",
            label: t("posts.preview"),
            children: (
              <div className="hatchery-panel" style={{ padding: 24, maxWidth: 760 }}>
                <PostArticle
                  headingLevel={2}
                  post={{
                    ...values,
                    source: values.source || null,
                    link: values.link || null,
                    publishedAt: original?.publishedAt ?? null,
                  }}
                />
                {original && (
                  <AttachmentList postId={original.id} files={values.files} portal={false} headingLevel={3} />
                )}
              </div>
            ),
          },
        ]}
      />
      {original && original.status !== "draft" && <PostReceipts postId={original.id} />}
    </Flex>
  );
}
