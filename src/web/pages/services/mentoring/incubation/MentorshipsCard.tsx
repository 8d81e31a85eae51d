/** The incubation's mentorships, with the matching dialog and "end early" for staff. */
import { Button, Card, Empty, Form, Input, List, Modal, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { MentorshipEntry } from "../../../../../schemas/services/mentoring";
import { useEndMentorship, useMentorships } from "../../../../api/services/mentoring";
import { ToneTag } from "../../../../components/labels";
import { QueryError } from "../../../../components/QueryError";
import { errorMessage } from "../../../../components/serverErrors";
import { MatchDialog } from "./MatchDialog";

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

export function MentorshipsCard(props: {
  incubationId: string;
  manage: boolean;
  organizationName: string;
  span: { startOn: string; plannedEndOn: string } | null;
}) {
  const { t } = useTranslation();
  const list = useMentorships(props.incubationId);
  const [matching, setMatching] = useState(false);
  const [ending, setEnding] = useState<MentorshipEntry | null>(null);
  return (
    <Card
      title={<h2 className="hatchery-card-title">{t("mentoring.mentorships")}</h2>}
      extra={
        props.manage && props.span ? (
          <Button type="primary" onClick={() => setMatching(true)}>
            {t("mentoring.match")}
          </Button>
        ) : null
      }
    >
      {list.error ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? null : list.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("mentoring.noMentor")} />
      ) : (
        <List
          dataSource={list.data.items}
          renderItem={(m) => (
            <List.Item
              actions={
                props.manage && m.status === "active"
                  ? [
                      <Button key="end" size="small" onClick={() => setEnding(m)}>
                        {t("mentoring.end")}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap>
                    <span>{m.mentorName}</span>
                    <ToneTag tone={m.status === "active" ? "green" : "default"}>
                      {t(`mentoring.status.${m.status}`)}
                    </ToneTag>
                  </Space>
                }
                description={
                  <>
                    {t("mentoring.span")}：{m.startsOn} ~ {m.endedOn ?? m.endsOn}
                    {m.endReason && (
                      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                        {t("mentoring.endReason")}：{m.endReason}
                      </Typography.Paragraph>
                    )}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      {matching && props.span && (
        <MatchDialog
          incubationId={props.incubationId}
          organizationName={props.organizationName}
          span={props.span}
          onClose={() => setMatching(false)}
        />
      )}
      {ending && <EndDialog mentorship={ending} onClose={() => setEnding(null)} />}
    </Card>
  );
}

function EndDialog({ mentorship, onClose }: { mentorship: MentorshipEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ endedOn: string; reason: string }>();
  const end = useEndMentorship();
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const values = await form.validateFields();
    try {
      await end.mutateAsync({ id: mentorship.id, version: mentorship.version, ...values });
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Modal
      open
      title={t("mentoring.endTitle")}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t("mentoring.submit")}
      cancelText={t("mentoring.cancel")}
      confirmLoading={end.isPending}
    >
      <Form form={form} layout="vertical" initialValues={{ endedOn: today(), reason: "" }}>
        <Form.Item name="endedOn" label={t("mentoring.endedOn")} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
        <Form.Item name="reason" label={t("mentoring.endReason")} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Form>
    </Modal>
  );
}
