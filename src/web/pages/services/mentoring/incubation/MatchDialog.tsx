/** The matching dialog: mentors ranked by fit with why, the load, and who cannot be paired. */
import { Alert, Button, Card, Flex, Input, Modal, Skeleton, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useAssignMentor, useMentorMatches } from "../../../../api/services/mentoring";
import { ToneTag } from "../../../../components/labels";
import { QueryError } from "../../../../components/QueryError";
import { errorMessage } from "../../../../components/serverErrors";

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

export function MatchDialog(props: {
  incubationId: string;
  organizationName: string;
  span: { startOn: string; plannedEndOn: string };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const matches = useMentorMatches(props.incubationId, true);
  const assign = useAssignMentor(props.incubationId);
  // biome-ignore lint/complexity/useMathMinMax: ISO dates (strings), not numbers
  const first = today() < props.span.startOn ? props.span.startOn : today();
  const [startsOn, setStartsOn] = useState(first);
  const [endsOn, setEndsOn] = useState(props.span.plannedEndOn);
  const [error, setError] = useState<string | null>(null);
  const pair = async (mentorId: string) => {
    setError(null);
    try {
      await assign.mutateAsync({ mentorId, startsOn, endsOn });
      props.onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const skill = (k: string) => t(`mentoring.skill.${k}`, { defaultValue: k });
  const field = (k: string) => t(`field.${k}`, { defaultValue: k });
  const view = matches.data;
  return (
    <Modal
      open
      width={760}
      title={t("mentoring.matchTitle", { name: props.organizationName })}
      onCancel={props.onClose}
      footer={null}
    >
      <Typography.Paragraph type="secondary">{t("mentoring.matchHelp")}</Typography.Paragraph>
      {matches.error ? (
        <QueryError error={matches.error} onRetry={() => void matches.refetch()} />
      ) : !view ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={12}>
          <Space wrap size={[4, 8]}>
            <Typography.Text strong>{t("mentoring.orgFields")}：</Typography.Text>
            {view.organizationFields.map((f) => (
              <Tag key={f}>{field(f)}</Tag>
            ))}
            <Typography.Text strong>{t("mentoring.needs")}：</Typography.Text>
            {view.needDimensions.map((d) => (
              <ToneTag key={d} tone="orange">
                {skill(d)}
              </ToneTag>
            ))}
            <Typography.Text strong>{t("mentoring.weak")}：</Typography.Text>
            {view.weakDimensions.map((d) => (
              <ToneTag key={d} tone="red">
                {skill(d)}
              </ToneTag>
            ))}
          </Space>
          <Space wrap>
            <label htmlFor="match-starts">
              {t("mentoring.startsOn")}{" "}
              <Input
                id="match-starts"
                type="date"
                value={startsOn}
                onChange={(e) => setStartsOn(e.target.value)}
                style={{ width: 160 }}
              />
            </label>
            <label htmlFor="match-ends">
              {t("mentoring.endsOn")}{" "}
              <Input
                id="match-ends"
                type="date"
                value={endsOn}
                onChange={(e) => setEndsOn(e.target.value)}
                style={{ width: 160 }}
              />
            </label>
          </Space>
          {error && <Alert type="error" showIcon title={error} />}
          {view.ranked.map((r, i) => (
            <Card key={r.mentor.id} size="small">
              <Flex justify="space-between" align="flex-start" gap={12} wrap>
                <div style={{ minWidth: 0, flex: 1 }}>
                  <Space wrap>
                    <Typography.Text strong>
                      {i + 1}. {r.mentor.name}
                    </Typography.Text>
                    <ToneTag tone="blue">
                      {t("mentoring.score")} {r.score}
                    </ToneTag>
                    <Typography.Text type="secondary">
                      {t("mentoring.load")} {r.mentor.load}/{r.mentor.capacity}
                    </Typography.Text>
                  </Space>
                  <div>
                    <Typography.Text type="secondary">{r.mentor.title}</Typography.Text>
                  </div>
                  <Space wrap size={[4, 4]} style={{ marginTop: 4 }}>
                    {r.fields.map((f) => (
                      <Tag key={`f-${f}`}>
                        {t("mentoring.matchedField")}·{field(f)}
                      </Tag>
                    ))}
                    {r.needSkills.map((s) => (
                      <Tag key={`n-${s}`} color="orange">
                        {t("mentoring.matchedNeed")}·{skill(s)}
                      </Tag>
                    ))}
                    {r.weakSkills.map((s) => (
                      <Tag key={`w-${s}`} color="red">
                        {t("mentoring.matchedWeak")}·{skill(s)}
                      </Tag>
                    ))}
                  </Space>
                </div>
                <Button type="primary" loading={assign.isPending} onClick={() => void pair(r.mentor.id)}>
                  {t("mentoring.assign")}
                </Button>
              </Flex>
            </Card>
          ))}
          {view.excluded.length > 0 && (
            <>
              <Typography.Title level={3} style={{ fontSize: 15, margin: "8px 0 0" }}>
                {t("mentoring.excluded")}
              </Typography.Title>
              {view.excluded.map((e) => (
                <Flex key={e.mentor.id} gap={8} wrap align="center">
                  <Typography.Text>{e.mentor.name}</Typography.Text>
                  <Tag>{t(`mentoring.reason.${e.reason}`)}</Tag>
                  {e.conflicts.map((c) => (
                    <ToneTag key={c} tone="red">
                      {t(`mentoring.conflict.${c}`, { defaultValue: c })}
                    </ToneTag>
                  ))}
                  {e.reason === "full" && (
                    <Typography.Text type="secondary">
                      {e.mentor.load}/{e.mentor.capacity}
                    </Typography.Text>
                  )}
                </Flex>
              ))}
            </>
          )}
        </Flex>
      )}
    </Modal>
  );
}
