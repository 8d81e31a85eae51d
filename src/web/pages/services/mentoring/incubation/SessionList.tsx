/** The sessions of an incubation, newest first, each with its action items and the answer. */

import { Alert, App, Button, Card, Empty, Flex, Input, List, Rate, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { SessionEntry } from "../../../../../schemas/services/mentoring";
import { useAnswerSession, useSessions } from "../../../../api/services/mentoring";
import { ToneTag } from "../../../../components/labels";
import { QueryError } from "../../../../components/QueryError";
import { errorMessage } from "../../../../components/serverErrors";

const STATUS_COLOR = { logged: "gold", confirmed: "green", disputed: "red" } as const;

export function SessionList({ incubationId }: { incubationId: string }) {
  const { t } = useTranslation();
  const sessions = useSessions(incubationId);
  return (
    <Card title={<h2 className="hatchery-card-title">{t("mentoring.sessionsTitle")}</h2>}>
      {sessions.error ? (
        <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : !sessions.data ? null : sessions.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("mentoring.noSessions")} />
      ) : (
        <List dataSource={sessions.data.items} renderItem={(s) => <SessionItem session={s} />} />
      )}
    </Card>
  );
}

export function SessionItem({ session: s }: { session: SessionEntry }) {
  const { t } = useTranslation();
  return (
    <List.Item>
      <Flex vertical gap={6} style={{ width: "100%" }}>
        <Space wrap>
          <Typography.Text strong>{s.heldOn}</Typography.Text>
          <Typography.Text>
            {s.mentorName} · {s.minutes} {t("mentoring.minutesShort")}
          </Typography.Text>
          <ToneTag tone={STATUS_COLOR[s.status]}>{t(`mentoring.sessionStatus.${s.status}`)}</ToneTag>
          {s.rating !== null && <Rate disabled value={s.rating} style={{ fontSize: 14 }} />}
        </Space>
        <Space wrap size={[4, 4]}>
          {s.topics.map((topic) => (
            <Tag key={topic}>{topic}</Tag>
          ))}
        </Space>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: "pre-wrap" }}>{s.advice}</Typography.Paragraph>
        {s.actionItems.length > 0 && (
          <section aria-label={t("mentoring.actionItems")}>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t("mentoring.actionItems")}
            </Typography.Text>
            {/* Title on its own line, then who and by when with its place in the plan: reads on a phone. */}
            <ul style={{ margin: "4px 0 0", paddingInlineStart: 20, display: "grid", gap: 6 }}>
              {s.actionItems.map((a) => (
                <li key={a.id}>
                  <div>{a.title}</div>
                  <Space wrap size={[8, 2]} style={{ fontSize: 13 }}>
                    <Typography.Text type="secondary">
                      {t(`mentoring.ownerOf.${a.owner}`)} · {t("mentoring.dueOn")} {a.dueOn}
                    </Typography.Text>
                    {a.planStatus ? (
                      <ToneTag tone="blue">
                        {t("mentoring.inPlan")} · {t(`mentoring.planStatus.${a.planStatus}`)}
                      </ToneTag>
                    ) : (
                      // Put in the plan and taken out again: the session was disputed.
                      <Tag>{t(a.planActionId ? "mentoring.withdrawnFromPlan" : "mentoring.notInPlan")}</Tag>
                    )}
                  </Space>
                </li>
              ))}
            </ul>
          </section>
        )}
        {s.ratingComment && <Typography.Text type="secondary">“{s.ratingComment}”</Typography.Text>}
        {s.disputeReason && <Typography.Text type="danger">{s.disputeReason}</Typography.Text>}
        {s.canAnswer && <AnswerForm session={s} />}
      </Flex>
    </List.Item>
  );
}

function AnswerForm({ session }: { session: SessionEntry }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const answer = useAnswerSession();
  const [rating, setRating] = useState(5);
  const [comment, setComment] = useState("");
  const [disputing, setDisputing] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const send = async (tookPlace: boolean) => {
    setError(null);
    try {
      await answer.mutateAsync({
        id: session.id,
        body: tookPlace
          ? { tookPlace: true, rating, comment, version: session.version }
          : { tookPlace: false, reason, version: session.version },
      });
      message.success(t("mentoring.answered"));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Card size="small" style={{ background: "#fffbe6" }}>
      <Flex vertical gap={8}>
        <Typography.Text strong>{t("mentoring.confirmTitle")}</Typography.Text>
        {disputing ? (
          <>
            <Input.TextArea
              rows={2}
              value={reason}
              maxLength={1000}
              aria-label={t("mentoring.disputeReason")}
              placeholder={t("mentoring.disputeReason")}
              onChange={(e) => setReason(e.target.value)}
            />
            <Space wrap>
              <Button danger loading={answer.isPending} onClick={() => void send(false)}>
                {t("mentoring.submit")}
              </Button>
              <Button onClick={() => setDisputing(false)}>{t("mentoring.cancel")}</Button>
            </Space>
          </>
        ) : (
          <>
            <Space wrap>
              <span>{t("mentoring.ratingLabel")}</span>
              <Rate value={rating} onChange={setRating} aria-label={t("mentoring.ratingLabel")} />
            </Space>
            <Input.TextArea
              rows={2}
              value={comment}
              maxLength={1000}
              aria-label={t("mentoring.comment")}
              placeholder={t("mentoring.comment")}
              onChange={(e) => setComment(e.target.value)}
            />
            <Space wrap>
              <Button type="primary" loading={answer.isPending} onClick={() => void send(true)}>
                {t("mentoring.tookPlace")}
              </Button>
              <Button onClick={() => setDisputing(true)}>{t("mentoring.didNotTakePlace")}</Button>
            </Space>
          </>
        )}
        {error && <Alert type="error" showIcon title={error} />}
      </Flex>
    </Card>
  );
}
