/**
 * One service request, for whoever may read it: what was asked, the progress, the thread, the
 * service record and, for the organization, its rating. The buttons are the reader's events
 * (`may` from the server): staff accept, decline, assign; the handler schedules and closes with a
 * record; the organization cancels and rates. One column, so it works on a phone.
 */
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Rate,
  Select,
  Space,
  Timeline,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { SERVICE_MODES } from "../../../../domain/services/request";
import { SERVICE_CATEGORY_LABELS } from "../../../../schemas/labels";
import type { Lang } from "../../../../schemas/messages";
import { SERVICE_LABELS } from "../../../../schemas/services/labels";
import type { RequestView } from "../../../../schemas/services/requests";
import {
  useHandlerOptions,
  usePostServiceMessage,
  useRateService,
  useRequestStep,
  useServiceRequest,
} from "../../../api/services/desk";
import { dayjs, formatDateTime } from "../../../components/format";
import { ToneTag } from "../../../components/labels";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { errorMessage } from "../../../components/serverErrors";
import { AttachButton, FileLinks, RequestFilesCard } from "./RequestFiles";

type Dialog = "decline" | "schedule" | "close" | "assign" | null;

export default function ServiceRequestPage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === "en" ? "en" : "zh-CN") as Lang;
  const labels = SERVICE_LABELS[lang];
  const query = useServiceRequest(id);
  const step = useRequestStep(id);
  const { message, modal } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  if (query.error) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const r = query.data;
  if (!r) return <Card loading />;

  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
      setDialog(null);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const has = (e: RequestView["may"]["events"][number]) => r.may.events.includes(e);

  return (
    <>
      <PageHeader title={r.title} backTo="/services/requests" subTitle={r.organizationName} />
      <Flex vertical gap={16} style={{ maxWidth: 760 }}>
        <Card size="small">
          <Space wrap size={4} style={{ marginBottom: 8 }}>
            <ToneTag tone="default">{SERVICE_CATEGORY_LABELS[lang][r.category]}</ToneTag>
            <ToneTag tone={r.status === "done" ? "green" : "blue"}>{labels.status[r.status]}</ToneTag>
            {r.overdue && <ToneTag tone="red">{t("serviceDesk.overdue")}</ToneTag>}
          </Space>
          <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{r.detail}</Typography.Paragraph>
          <Descriptions size="small" column={1}>
            {r.handlerName && (
              <Descriptions.Item label={t("serviceDesk.handler")}>{r.handlerName}</Descriptions.Item>
            )}
            {r.scheduledAt && (
              <Descriptions.Item label={t("serviceDesk.scheduledAt")}>
                {formatDateTime(r.scheduledAt)} {r.online ? t("serviceDesk.online") : (r.place ?? "")}
              </Descriptions.Item>
            )}
            {r.status === "submitted" && (
              <Descriptions.Item label={t("serviceDesk.respondBy")}>
                {formatDateTime(r.respondBy)}
              </Descriptions.Item>
            )}
            {r.needTitle && (
              <Descriptions.Item label={t("serviceDesk.need")}>{r.needTitle}</Descriptions.Item>
            )}
            {r.goalTitle && (
              <Descriptions.Item label={t("serviceDesk.goal")}>{r.goalTitle}</Descriptions.Item>
            )}
            {r.declineReason && (
              <Descriptions.Item label={t("serviceDesk.declined")}>{r.declineReason}</Descriptions.Item>
            )}
          </Descriptions>
          <Space wrap style={{ marginTop: 12 }}>
            {has("accept") && (
              <Button
                type="primary"
                loading={step.isPending}
                onClick={() => run(() => step.mutateAsync({ event: "accept", body: { version: r.version } }))}
              >
                {t("serviceDesk.accept")}
              </Button>
            )}
            {r.may.assign && <Button onClick={() => setDialog("assign")}>{t("serviceDesk.assign")}</Button>}
            {has("schedule") && (
              <Button onClick={() => setDialog("schedule")}>{t("serviceDesk.schedule")}</Button>
            )}
            {has("close") && (
              <Button type="primary" onClick={() => setDialog("close")}>
                {t("serviceDesk.close")}
              </Button>
            )}
            {has("decline") && (
              <Button danger onClick={() => setDialog("decline")}>
                {t("serviceDesk.decline")}
              </Button>
            )}
            {has("cancel") && (
              <Button
                danger
                onClick={() =>
                  modal.confirm({
                    title: t("serviceDesk.cancelConfirm"),
                    onOk: () =>
                      run(() => step.mutateAsync({ event: "cancel", body: { version: r.version } })),
                  })
                }
              >
                {t("serviceDesk.cancel")}
              </Button>
            )}
          </Space>
        </Card>
        {r.record && <RecordCard r={r} lang={lang} />}
        {/* Before a record lists them, the attachments have their own card. */}
        {!r.record && (r.files.length > 0 || r.may.attach) && (
          <RequestFilesCard requestId={r.id} files={r.files} mayAttach={r.may.attach} />
        )}
        <Thread r={r} />
        <Card size="small" title={t("serviceDesk.history")}>
          <Timeline
            items={r.history.map((h) => ({
              content: (
                <>
                  <Typography.Text>{labels.event[h.event]}</Typography.Text>{" "}
                  <Typography.Text type="secondary">
                    {[h.actorName, formatDateTime(h.at)].filter(Boolean).join(" · ")}
                  </Typography.Text>
                  {h.note && <div>{h.note}</div>}
                </>
              ),
            }))}
          />
        </Card>
      </Flex>
      <StepDialog r={r} dialog={dialog} onClose={() => setDialog(null)} run={run} step={step} lang={lang} />
    </>
  );
}

function RecordCard({ r, lang }: { r: RequestView; lang: Lang }) {
  const { t } = useTranslation();
  const rate = useRateService();
  const { message } = App.useApp();
  const record = r.record;
  const [rating, setRating] = useState(record?.rating ?? 0);
  const [comment, setComment] = useState(record?.ratingComment ?? "");
  if (!record) return null;
  return (
    <Card size="small" title={t("serviceDesk.record")}>
      <Typography.Paragraph strong>{record.title}</Typography.Paragraph>
      {record.detail && (
        <Typography.Paragraph style={{ whiteSpace: "pre-wrap" }}>{record.detail}</Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary">
        {[
          record.deliveredOn,
          SERVICE_LABELS[lang].mode[record.mode],
          t("serviceDesk.minutes", { minutes: record.minutes }),
          `${t("serviceDesk.givenBy")}：${record.givenByName}`,
        ].join(" · ")}
      </Typography.Paragraph>
      {record.files.length > 0 && (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t("serviceDesk.files")}</Typography.Text>
          <FileLinks files={record.files} />
        </div>
      )}
      {r.may.rate ? (
        <Flex vertical gap={8}>
          <Typography.Text strong>{t("serviceDesk.rate")}</Typography.Text>
          <Rate value={rating} onChange={setRating} aria-label={t("serviceDesk.rate")} />
          <Input.TextArea
            aria-label={t("serviceDesk.comment")}
            placeholder={t("serviceDesk.comment")}
            value={comment}
            maxLength={500}
            onChange={(e) => setComment(e.target.value)}
          />
          <Button
            type="primary"
            disabled={rating < 1}
            loading={rate.isPending}
            onClick={async () => {
              try {
                await rate.mutateAsync({ recordId: record.id, rating, comment });
                message.success(t("serviceDesk.rated"));
              } catch (error) {
                message.error(errorMessage(error));
              }
            }}
          >
            {t("serviceDesk.rateSave")}
          </Button>
        </Flex>
      ) : record.rating ? (
        <Space>
          <Rate disabled value={record.rating} />
          <Typography.Text>{record.ratingComment}</Typography.Text>
        </Space>
      ) : null}
    </Card>
  );
}

function Thread({ r }: { r: RequestView }) {
  const { t } = useTranslation();
  const post = usePostServiceMessage(r.id);
  const [body, setBody] = useState("");
  const { message } = App.useApp();
  return (
    <Card size="small" title={t("serviceDesk.thread")}>
      {r.messages.length === 0 && (
        <Typography.Text type="secondary">{t("serviceDesk.threadEmpty")}</Typography.Text>
      )}
      <Flex vertical gap={8}>
        {r.messages.map((m) => (
          <div
            key={m.id}
            style={{
              alignSelf: m.mine ? "flex-end" : "flex-start",
              maxWidth: "85%",
              background: m.mine ? "#e6f4ff" : "#f5f5f5",
              borderRadius: 8,
              padding: "6px 10px",
            }}
          >
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {m.authorName} · {formatDateTime(m.at)}
            </Typography.Text>
            <div style={{ whiteSpace: "pre-wrap" }}>{m.body}</div>
          </div>
        ))}
      </Flex>
      {r.may.message && (
        <Flex gap={8} style={{ marginTop: 12 }}>
          <Input.TextArea
            aria-label={t("serviceDesk.write")}
            placeholder={t("serviceDesk.write")}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={2000}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
          <Button
            type="primary"
            disabled={!body.trim()}
            loading={post.isPending}
            onClick={async () => {
              try {
                await post.mutateAsync(body);
                setBody("");
              } catch (error) {
                message.error(errorMessage(error));
              }
            }}
          >
            {t("serviceDesk.send")}
          </Button>
        </Flex>
      )}
    </Card>
  );
}

function StepDialog({
  r,
  dialog,
  onClose,
  run,
  step,
  lang,
}: {
  r: RequestView;
  dialog: Dialog;
  onClose: () => void;
  run: (action: () => Promise<unknown>) => Promise<void>;
  step: ReturnType<typeof useRequestStep>;
  lang: Lang;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  // Files uploaded in the close dialog; the record names them with those already attached.
  const [closeFiles, setCloseFiles] = useState<{ id: string; name: string }[]>([]);
  const handlers = useHandlerOptions(dialog === "assign");
  const kind = Form.useWatch("handlerKind", form);
  const titles: Record<Exclude<Dialog, null>, string> = {
    decline: t("serviceDesk.decline"),
    schedule: t("serviceDesk.schedule"),
    close: t("serviceDesk.close"),
    assign: t("serviceDesk.assign"),
  };
  const submit = (v: Record<string, unknown>) =>
    run(() => {
      const version = r.version;
      if (dialog === "decline")
        return step.mutateAsync({ event: "decline", body: { version, note: String(v.note ?? "") } });
      if (dialog === "schedule")
        return step.mutateAsync({
          event: "schedule",
          body: {
            version,
            scheduledAt: (v.scheduledAt as ReturnType<typeof dayjs>).format("YYYY-MM-DDTHH:mm:00+08:00"),
            place: (v.place as string) ?? null,
            online: Boolean(v.online),
          },
        });
      if (dialog === "close")
        return step.mutateAsync({
          event: "close",
          body: {
            version,
            title: String(v.title),
            detail: String(v.detail ?? ""),
            mode: v.mode as (typeof SERVICE_MODES)[number],
            deliveredOn: (v.deliveredOn as ReturnType<typeof dayjs>).format("YYYY-MM-DD"),
            minutes: Number(v.minutes),
            fileIds: [...new Set([...r.files, ...closeFiles].map((f) => f.id))].slice(0, 20),
          },
        });
      return step.mutateAsync({
        event: "assign",
        body: {
          version,
          handlerKind: v.handlerKind as "staff" | "mentor" | "partner",
          userId: v.handlerKind === "partner" ? null : (v.who as string),
          partnerId: v.handlerKind === "partner" ? (v.who as string) : null,
        },
      });
    });
  const who =
    kind === "partner"
      ? handlers.data?.partners
      : kind === "mentor"
        ? handlers.data?.mentors
        : handlers.data?.staff;
  return (
    <Modal
      open={dialog !== null}
      title={dialog ? titles[dialog] : ""}
      onCancel={onClose}
      afterOpenChange={(open) => {
        if (!open) setCloseFiles([]);
      }}
      onOk={() => form.submit()}
      okText={t("serviceDesk.save")}
      confirmLoading={step.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{
          title: r.title,
          mode: "onsite",
          minutes: 60,
          deliveredOn: dayjs(),
          handlerKind: "staff",
        }}
      >
        {dialog === "decline" && (
          <Form.Item
            name="note"
            label={t("serviceDesk.declineReason")}
            rules={[{ required: true, max: 500 }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        )}
        {dialog === "schedule" && (
          <>
            <Form.Item name="scheduledAt" label={t("serviceDesk.scheduledAt")} rules={[{ required: true }]}>
              <DatePicker
                showTime={{ format: "HH:mm", minuteStep: 15 }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: "100%" }}
              />
            </Form.Item>
            <Form.Item name="place" label={t("serviceDesk.place")} rules={[{ max: 200 }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="online" valuePropName="checked">
              <Checkbox>{t("serviceDesk.online")}</Checkbox>
            </Form.Item>
          </>
        )}
        {dialog === "close" && (
          <>
            <Form.Item
              name="title"
              label={t("serviceDesk.recordTitle")}
              rules={[{ required: true, max: 100 }]}
            >
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="detail" label={t("serviceDesk.recordDetail")} rules={[{ max: 4000 }]}>
              <Input.TextArea rows={4} maxLength={4000} />
            </Form.Item>
            <Form.Item name="mode" label={t("serviceDesk.mode")} rules={[{ required: true }]}>
              <Select
                options={SERVICE_MODES.map((m) => ({ value: m, label: SERVICE_LABELS[lang].mode[m] }))}
              />
            </Form.Item>
            <Form.Item name="deliveredOn" label={t("serviceDesk.deliveredOn")} rules={[{ required: true }]}>
              <DatePicker style={{ width: "100%" }} disabledDate={(d) => d.isAfter(dayjs(), "day")} />
            </Form.Item>
            <Form.Item name="minutes" label={t("serviceDesk.minutesLabel")} rules={[{ required: true }]}>
              <InputNumber min={1} max={1440} precision={0} style={{ width: "100%" }} />
            </Form.Item>
            {/* Not a Form.Item: antd's form styles show a file input inside one (display: block). */}
            <section aria-label={t("serviceDesk.recordFiles")} style={{ marginBottom: 16 }}>
              <Typography.Text>{t("serviceDesk.recordFiles")}</Typography.Text>
              <Flex vertical gap={4} style={{ marginTop: 8 }}>
                <FileLinks
                  files={[...r.files.filter((f) => !closeFiles.some((c) => c.id === f.id)), ...closeFiles]}
                />
                <div>
                  <AttachButton
                    requestId={r.id}
                    onUploaded={(f) => setCloseFiles((list) => [...list, { id: f.id, name: f.originalName }])}
                  />
                </div>
                <Typography.Text type="secondary">{t("serviceDesk.recordFilesHelp")}</Typography.Text>
              </Flex>
            </section>
          </>
        )}
        {dialog === "assign" && (
          <>
            <Form.Item name="handlerKind" label={t("serviceDesk.handlerKind")} rules={[{ required: true }]}>
              <Select
                options={(["staff", "mentor", "partner"] as const).map((k) => ({
                  value: k,
                  label: SERVICE_LABELS[lang].handlerKind[k],
                }))}
                onChange={() => form.setFieldValue("who", undefined)}
              />
            </Form.Item>
            <Form.Item name="who" label={t("serviceDesk.handlerWho")} rules={[{ required: true }]}>
              <Select
                loading={handlers.isLoading}
                options={(who ?? []).map((p) => ({ value: p.id, label: p.name }))}
              />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
