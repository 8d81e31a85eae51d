/**
 * The grant page's 概况 tab: the budget lines, the tranches (status, condition, who prepared and
 * who approved the payment; prepare / withdraw / pay for staff, the pay button disabled for the
 * one who prepared it), the milestones (mark met or missed) and the history.
 */
import { App, Button, Card, Flex, Input, Modal, Space, Table, Timeline, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { GrantView, TrancheView } from "../../../../schemas/funding/grants";
import { useMarkMilestone, useTrancheStep } from "../../../api/funding/grants";
import { useCurrentUser } from "../../../auth/session";
import { formatDate, formatDateTime } from "../../../components/format";
import { ToneTag } from "../../../components/labels";
import { errorMessage } from "../../../components/serverErrors";
import { TrancheStatusTag, Yuan } from "./parts";

export function GrantOverview({ grant }: { grant: GrantView }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t("grants.budgetLines")}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: "max-content" }}
          dataSource={grant.budgetLines}
          columns={[
            {
              key: "category",
              title: t("grants.budget"),
              render: (_, l) => t(`grants.category.${l.category}`),
            },
            { key: "description", title: t("grants.description"), dataIndex: "description" },
            {
              key: "amount",
              title: t("grants.amount"),
              align: "right",
              render: (_, l) => <Yuan fen={l.amountFen} />,
            },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                {t("grants.total")}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <Yuan fen={grant.amountFen} />
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      </Card>
      <Tranches grant={grant} />
      <Milestones grant={grant} />
      <Card size="small" title={t("grants.history")}>
        <Timeline
          items={grant.history.map((h) => ({
            children: (
              <>
                <Typography.Text strong>{t(`grants.event.${h.event as "propose"}`)}</Typography.Text>{" "}
                <Typography.Text type="secondary">
                  {formatDateTime(h.at)} · {h.actorName ?? "—"}
                </Typography.Text>
                {h.reason && <div>{h.reason}</div>}
              </>
            ),
          }))}
        />
      </Card>
    </Flex>
  );
}

function Tranches({ grant }: { grant: GrantView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const step = useTrancheStep(grant.id);
  const [paying, setPaying] = useState<TrancheView | null>(null);
  const [reference, setReference] = useState("");
  const running = grant.status === "agreement_signed" || grant.status === "active";
  const act = async (tr: TrancheView, event: string, extra: { paymentReference?: string } = {}) => {
    try {
      await step.mutateAsync({ trancheId: tr.id, event, version: tr.version, ...extra });
      message.success(t("grants.done"));
      setPaying(null);
      setReference("");
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const milestone = (id: string | null) => grant.milestones.find((m) => m.id === id)?.title;
  return (
    <Card size="small" title={t("grants.tranches")}>
      <Flex vertical gap={12}>
        {grant.tranches.map((tr) => {
          const mine = tr.preparedBy?.id === user.id;
          return (
            <Flex key={tr.id} wrap justify="space-between" gap={8} data-testid={`tranche-${tr.seq}`}>
              <Flex vertical gap={2} style={{ minWidth: 220 }}>
                <Space wrap size={4}>
                  <Typography.Text strong>{t("grants.seq", { seq: tr.seq })}</Typography.Text>
                  <Yuan fen={tr.amountFen} />
                  <TrancheStatusTag status={tr.status} />
                </Space>
                <Typography.Text type="secondary">
                  {t(`grants.condition.${tr.condition}`)}
                  {tr.condition === "milestone_met" && milestone(tr.milestoneId)
                    ? `（${milestone(tr.milestoneId)}）`
                    : ""}
                  {tr.plannedOn ? ` · ${t("grants.plannedOn")} ${formatDate(tr.plannedOn)}` : ""}
                </Typography.Text>
                {tr.preparedBy && (
                  <Typography.Text type="secondary">
                    {t("grants.preparedByName", { name: tr.preparedBy.name })}
                  </Typography.Text>
                )}
                {tr.paidBy && (
                  <Typography.Text type="secondary">
                    {t("grants.paidByName", { name: tr.paidBy.name })} · {formatDateTime(tr.paidAt)} ·{" "}
                    {tr.paymentReference}
                  </Typography.Text>
                )}
              </Flex>
              {grant.may.manage && running && (
                <Space wrap>
                  {tr.status === "pending" &&
                    (tr.conditionMet ? (
                      <Button onClick={() => void act(tr, "prepare")} loading={step.isPending}>
                        {t("grants.prepare")}
                      </Button>
                    ) : (
                      <ToneTag tone="default">{t("grants.conditionNotMet")}</ToneTag>
                    ))}
                  {tr.status === "prepared" && (
                    <>
                      <Button onClick={() => void act(tr, "withdraw")}>{t("grants.withdraw")}</Button>
                      <Button
                        type="primary"
                        disabled={mine}
                        title={mine ? t("grants.setup.twoPerson") : undefined}
                        onClick={() => setPaying(tr)}
                      >
                        {t("grants.pay")}
                      </Button>
                    </>
                  )}
                </Space>
              )}
            </Flex>
          );
        })}
      </Flex>
      <Modal
        open={!!paying}
        title={paying ? `${t("grants.pay")} · ${t("grants.seq", { seq: paying.seq })}` : ""}
        okText={t("grants.pay")}
        cancelText={t("common.cancel")}
        okButtonProps={{ disabled: !reference.trim() }}
        confirmLoading={step.isPending}
        onCancel={() => setPaying(null)}
        onOk={() => paying && void act(paying, "pay", { paymentReference: reference.trim() })}
        destroyOnHidden
      >
        <label htmlFor="payment-reference">{t("grants.paymentReference")}</label>
        <Input
          id="payment-reference"
          value={reference}
          maxLength={100}
          onChange={(e) => setReference(e.target.value)}
        />
      </Modal>
    </Card>
  );
}

function Milestones({ grant }: { grant: GrantView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const mark = useMarkMilestone(grant.id);
  const open = !["proposed", "closed", "cancelled"].includes(grant.status);
  if (grant.milestones.length === 0) return null;
  const act = async (m: GrantView["milestones"][number], status: "met" | "missed") => {
    try {
      await mark.mutateAsync({ milestoneId: m.id, version: m.version, status });
      message.success(t("grants.done"));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  return (
    <Card size="small" title={t("grants.milestones")}>
      <Flex vertical gap={8}>
        {grant.milestones.map((m) => (
          <Flex key={m.id} wrap justify="space-between" gap={8}>
            <Space wrap size={4}>
              <Typography.Text>{m.title}</Typography.Text>
              <Typography.Text type="secondary">
                {t("grants.dueOn")} {formatDate(m.dueOn)}
              </Typography.Text>
              <ToneTag tone={m.status === "met" ? "green" : m.status === "missed" ? "red" : "default"}>
                {t(`grants.milestoneStatus.${m.status}`)}
              </ToneTag>
              {m.metOn && <Typography.Text type="secondary">{formatDate(m.metOn)}</Typography.Text>}
            </Space>
            {grant.may.manage && open && m.status === "open" && (
              <Space>
                <Button size="small" onClick={() => void act(m, "met")}>
                  {t("grants.markMet")}
                </Button>
                <Button size="small" onClick={() => void act(m, "missed")}>
                  {t("grants.markMissed")}
                </Button>
              </Space>
            )}
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
