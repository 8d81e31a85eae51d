/** The meeting's notes: on the round or on one application, newest last, and a form to add one. */
import { Button, Card, Empty, Flex, Form, Input, message, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { RankedApplication } from "../../../../schemas/admission/ranking";
import { useAddNote, useNotes } from "../../../api/admission/meeting";
import { formatDateTime } from "../../../components/format";
import { errorMessage } from "../../../components/serverErrors";

/** `items`: the applications on screen (the ranking's current page), which a new note may be on. */
export function Notes({ roundId, items }: { roundId: string; items: RankedApplication[] }) {
  const { t } = useTranslation();
  const notes = useNotes(roundId);
  const add = useAddNote(roundId);
  const [form] = Form.useForm<{ body: string; applicationId: string }>();
  const names = new Map(items.map((a) => [a.applicationId, a.organizationName]));
  const submit = async (values: { body: string; applicationId: string }) => {
    try {
      await add.mutateAsync({ body: values.body, applicationId: values.applicationId || null });
      form.resetFields(["body"]);
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("admission.meeting.notes")}</h2>}
      style={{ marginTop: 16 }}
    >
      {notes.data?.items.length ? (
        <ul style={{ listStyle: "none", padding: 0, margin: "0 0 16px" }}>
          {notes.data.items.map((n) => (
            <li key={n.id} style={{ padding: "8px 0", borderBottom: "1px solid #f0f0f0" }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {n.authorName} · {formatDateTime(n.createdAt)}
                {n.applicationId && ` · ${t("admission.meeting.noteOn", { name: n.organizationName ?? "" })}`}
              </Typography.Text>
              <div style={{ whiteSpace: "pre-wrap" }}>{n.body}</div>
            </li>
          ))}
        </ul>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("admission.meeting.noNotes")} />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ applicationId: "" }}
      >
        <Flex gap={8} wrap>
          <Form.Item
            name="applicationId"
            style={{ minWidth: 200, marginBottom: 8 }}
            label={t("admission.meeting.noteSubject")}
          >
            <Select
              options={[
                { value: "", label: t("admission.meeting.noteRound") },
                ...[...names].map(([value, label]) => ({ value, label })),
              ]}
            />
          </Form.Item>
        </Flex>
        <Form.Item
          name="body"
          label={t("admission.meeting.notes")}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2 }}
            maxLength={4000}
            placeholder={t("admission.meeting.notePlaceholder")}
          />
        </Form.Item>
        <Button htmlType="submit" loading={add.isPending}>
          {t("admission.meeting.addNote")}
        </Button>
      </Form>
    </Card>
  );
}
