/**
 * The plan as both sides read it: its status and agreement, the overall and per-goal progress,
 * every action with its owner, due day and state (overdue in red). The steps the reader may take
 * are here: staff propose, withdraw, record the organization's agreement, revise; a member agrees
 * and marks the organization's own actions done.
 */
import { App, Button, Card, Flex, Form, Input, List, Modal, Progress, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ActionStatus, PlanEvent } from "../../../../../domain/incubation/plan";
import type { Need, Plan, PlanAction, PlanView } from "../../../../../schemas/incubation/plan";
import { isApiError } from "../../../../api/client";
import { usePlanStep, useReportAction } from "../../../../api/incubation/plan";
import { formatDate, formatDateTime } from "../../../../components/format";
import { errorMessage } from "../../../../components/serverErrors";
import { useLang } from "../../../../i18n";
import { ActionStatusTag, CategoryTag, PlanStatusTag, usePlanLabels } from "./labels";

/** The plan's status line, agreement and the steps the reader may take. */
export function PlanSteps({ view }: { view: PlanView }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const step = usePlanStep(view.incubationId);
  const [asking, setAsking] = useState<PlanEvent | null>(null);
  const plan = view.plan;
  if (!plan) return null;
  const run = async (event: PlanEvent, note?: string | null, done?: string) => {
    try {
      await step.mutateAsync({ event, version: plan.version, note });
      if (done) message.success(done);
      setAsking(null);
    } catch (error) {
      message.error(
        isApiError(error) && error.status === 409 ? t("incubationPlan.plan.conflict") : errorMessage(error),
      );
    }
  };
  const can = (event: PlanEvent) => plan.eventsAvailable.includes(event);
  const confirm = (event: PlanEvent, content: string, done: string) =>
    modal.confirm({
      title: t(`incubationPlan.plan.${event === "agree" ? "agree" : "propose"}`),
      content,
      onOk: () => run(event, null, done),
    });
  return (
    <Flex wrap gap={8} align="center">
      <PlanStatusTag status={plan.status} />
      <Typography.Text type="secondary">
        {t("incubationPlan.plan.revision", { revision: plan.revision })}
      </Typography.Text>
      <span style={{ flex: 1 }} />
      {view.can.manage && can("propose") && (
        <Button
          type="primary"
          onClick={() =>
            confirm("propose", t("incubationPlan.plan.proposeConfirm"), t("incubationPlan.plan.proposed"))
          }
        >
          {t("incubationPlan.plan.propose")}
        </Button>
      )}
      {view.can.manage && can("withdraw") && (
        <Button onClick={() => run("withdraw")}>{t("incubationPlan.plan.withdraw")}</Button>
      )}
      {view.can.manage && can("agree") && (
        <Button onClick={() => setAsking("agree")}>{t("incubationPlan.plan.agreeOnBehalf")}</Button>
      )}
      {view.can.manage && can("revise") && (
        <Button onClick={() => setAsking("revise")}>{t("incubationPlan.plan.revise")}</Button>
      )}
      {view.can.agree && (
        <Button
          type="primary"
          onClick={() =>
            confirm("agree", t("incubationPlan.plan.agreeConfirm"), t("incubationPlan.plan.agreed"))
          }
        >
          {t("incubationPlan.plan.agree")}
        </Button>
      )}
      {asking && (
        <NoteDialog
          title={t(asking === "agree" ? "incubationPlan.plan.agreeOnBehalf" : "incubationPlan.plan.revise")}
          label={t(asking === "agree" ? "incubationPlan.plan.agreeNote" : "incubationPlan.plan.reviseNote")}
          help={asking === "agree" ? t("incubationPlan.plan.agreeNoteHelp") : undefined}
          required={asking === "agree"}
          pending={step.isPending}
          onCancel={() => setAsking(null)}
          onOk={(note) =>
            run(
              asking,
              note,
              t(asking === "agree" ? "incubationPlan.plan.agreed" : "incubationPlan.plan.revised"),
            )
          }
        />
      )}
    </Flex>
  );
}

export function PlanBoard({ view, needs }: { view: PlanView; needs: Need[] }) {
  const { t } = useTranslation();
  const plan = view.plan as Plan;
  const live = plan.progress.total - plan.progress.dropped;
  return (
    <Flex vertical gap={16}>
      <PlanSteps view={view} />
      {plan.status === "proposed" && view.can.agree && (
        <Typography.Text strong>{t("incubationPlan.plan.awaiting")}</Typography.Text>
      )}
      {plan.agreedAt && (
        <Typography.Text type="secondary">
          {plan.agreedOnBehalf
            ? t("incubationPlan.plan.agreedOnBehalfBy", {
                name: plan.agreedByName,
                at: formatDateTime(plan.agreedAt),
                note: plan.agreedNote,
              })
            : t("incubationPlan.plan.agreedBy", {
                name: plan.agreedByName,
                at: formatDateTime(plan.agreedAt),
              })}
        </Typography.Text>
      )}
      {plan.summary && <Typography.Paragraph style={{ margin: 0 }}>{plan.summary}</Typography.Paragraph>}
      <div>
        <Flex justify="space-between" wrap gap={8}>
          <Typography.Text strong>{t("incubationPlan.plan.progress")}</Typography.Text>
          <Typography.Text>
            {t("incubationPlan.plan.progressText", { done: plan.progress.done, live })}
            {plan.progress.overdue > 0 && (
              <Typography.Text type="danger">
                {" "}
                · {t("incubationPlan.plan.overdueCount", { count: plan.progress.overdue })}
              </Typography.Text>
            )}
          </Typography.Text>
        </Flex>
        <Progress
          percent={plan.progress.percent}
          status={plan.progress.overdue > 0 ? "exception" : undefined}
          aria-label={t("incubationPlan.plan.progress")}
        />
      </div>
      {plan.goals.map((goal, g) => (
        <GoalCard key={goal.id} view={view} goal={goal} index={g} needs={needs} />
      ))}
    </Flex>
  );
}

function GoalCard({
  view,
  goal,
  index,
  needs,
}: {
  view: PlanView;
  goal: Plan["goals"][number];
  index: number;
  needs: Need[];
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const dimension = view.dimensions.find((d) => d.key === goal.dimensionKey);
  return (
    <Card
      size="small"
      title={
        <h3 className="hatchery-card-title">{`${t("incubationPlan.plan.goalN", { n: index + 1 })}：${goal.title}`}</h3>
      }
    >
      <Flex vertical gap={4} style={{ marginBottom: 8 }}>
        {dimension && (
          <Typography.Text type="secondary">
            {t("incubationPlan.plan.dimension")}：{dimension.name[lang]}
          </Typography.Text>
        )}
        {goal.target && (
          <Typography.Text type="secondary">
            {t("incubationPlan.plan.target")}：{goal.target}
          </Typography.Text>
        )}
        <Progress
          percent={goal.progress.percent}
          size="small"
          status={goal.progress.overdue > 0 ? "exception" : undefined}
          aria-label={`${goal.title} ${t("incubationPlan.plan.progress")}`}
        />
      </Flex>
      <List
        dataSource={goal.actions}
        renderItem={(action) => <ActionItem view={view} action={action} needs={needs} />}
      />
    </Card>
  );
}

function ActionItem({ view, action, needs }: { view: PlanView; action: PlanAction; needs: Need[] }) {
  const { t } = useTranslation();
  const labels = usePlanLabels();
  const { message } = App.useApp();
  const report = useReportAction(view.incubationId);
  const [marking, setMarking] = useState<ActionStatus | null>(null);
  const mine = view.can.manage || action.ownerSide === "organization";
  const need = needs.find((n) => n.id === action.needId);
  const mark = async (status: ActionStatus, note?: string | null) => {
    try {
      await report.mutateAsync({ id: action.id, version: action.version, status, note });
      message.success(t("incubationPlan.plan.updated"));
      setMarking(null);
    } catch (error) {
      message.error(
        isApiError(error) && error.status === 409 ? t("incubationPlan.plan.conflict") : errorMessage(error),
      );
    }
  };
  return (
    <List.Item
      style={action.overdue ? { background: "#fff1f0", paddingInline: 8, borderRadius: 6 } : undefined}
      data-testid={`action-${action.id}`}
    >
      <Flex vertical gap={6} style={{ width: "100%" }}>
        <Flex wrap gap={8} align="center">
          <ActionStatusTag
            status={action.status}
            overdue={action.overdue}
            overdueText={t("incubationPlan.plan.overdue")}
          />
          <Typography.Text strong delete={action.status === "dropped"}>
            {action.title}
          </Typography.Text>
        </Flex>
        <Flex wrap gap={8} align="center" style={{ fontSize: 13 }}>
          <Typography.Text type={action.overdue ? "danger" : "secondary"}>
            {labels.owner[action.ownerSide]}
            {action.ownerName ? `（${action.ownerName}）` : ""} ·{" "}
            {action.doneAt && action.status === "done"
              ? t("incubationPlan.plan.doneOn", { date: formatDate(action.doneAt) })
              : t("incubationPlan.plan.dueOn", { date: action.dueOn })}
          </Typography.Text>
          {action.service && <CategoryTag category={action.service} />}
          {need && (
            <Typography.Text type="secondary">
              {t("incubationPlan.plan.answers", { title: need.title })}
            </Typography.Text>
          )}
          {action.origin && (
            <Typography.Text type="secondary">
              {t("incubationPlan.plan.fromMentoring", {
                mentor: action.origin.mentorName,
                date: action.origin.heldOn,
              })}
            </Typography.Text>
          )}
        </Flex>
        {action.doneNote && <Typography.Text type="secondary">{action.doneNote}</Typography.Text>}
        {view.can.progress && mine && (
          <Flex gap={8} wrap>
            {action.status === "open" ? (
              <>
                <Button size="small" type="primary" onClick={() => setMarking("done")}>
                  {t("incubationPlan.plan.markDone")}
                </Button>
                <Button size="small" onClick={() => setMarking("dropped")}>
                  {t("incubationPlan.plan.markDropped")}
                </Button>
              </>
            ) : (
              <Button size="small" onClick={() => mark("open")}>
                {t("incubationPlan.plan.reopen")}
              </Button>
            )}
          </Flex>
        )}
      </Flex>
      {marking && (
        <NoteDialog
          title={`${t(marking === "done" ? "incubationPlan.plan.markDone" : "incubationPlan.plan.markDropped")}：${action.title}`}
          label={t(marking === "done" ? "incubationPlan.plan.doneNote" : "incubationPlan.plan.dropNote")}
          pending={report.isPending}
          onCancel={() => setMarking(null)}
          onOk={(note) => mark(marking, note)}
        />
      )}
    </List.Item>
  );
}

function NoteDialog(props: {
  title: string;
  label: string;
  help?: string;
  required?: boolean;
  pending: boolean;
  onCancel: () => void;
  onOk: (note: string | null) => void;
}) {
  const [form] = Form.useForm<{ note?: string }>();
  return (
    <Modal
      open
      title={props.title}
      onOk={() => form.submit()}
      onCancel={props.onCancel}
      confirmLoading={props.pending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => props.onOk(v.note?.trim() || null)}>
        <Form.Item
          name="note"
          label={props.label}
          extra={props.help}
          rules={props.required ? [{ required: true }] : []}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
