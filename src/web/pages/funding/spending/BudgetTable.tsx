/**
 * Budget vs actual, one row a budget line and a total row. Over-spend and a missing explanation
 * are said in words (a tag with an icon), not by colour alone; the grantee's members write the
 * explanation of a line here.
 */
import { EditOutlined, ExclamationCircleOutlined, WarningOutlined } from "@ant-design/icons";
import { App, Button, Flex, Form, Input, Modal, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatFen } from "../../../../domain/funding/money";
import type { BudgetRow, BudgetView } from "../../../../schemas/funding/spending";
import { useExplainVariance } from "../../../api/funding/spending";
import { errorMessage } from "../../../components/serverErrors";
import { useIsMobile } from "../../../components/useIsMobile";
import { useLang } from "../../../i18n";
import { categoryLabel, percent, TAG_STYLE } from "./labels";

type Row = Omit<BudgetRow, "lineId" | "category" | "description" | "explainedByName" | "version"> &
  Partial<Pick<BudgetRow, "category" | "description" | "explainedByName" | "version">> & {
    lineId: string;
    isTotal?: boolean;
  };

export function BudgetTable({ grantId, view }: { grantId: string; view: BudgetView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [explaining, setExplaining] = useState<BudgetRow | null>(null);
  const mobile = useIsMobile();
  const threshold = percent(view.thresholdBp);
  const rows: Row[] = [
    ...view.rows,
    { ...view.totals, lineId: "total", isTotal: true, explanation: null, explanationMissing: false },
  ];
  const flags = (r: Row) => (
    <Flex vertical gap={4} align="flex-start">
      {r.overspent && (
        <Tag style={TAG_STYLE.red} icon={<WarningOutlined aria-hidden />}>
          {t("fundingSpending.overspent")}
        </Tag>
      )}
      {!r.isTotal && r.explanationMissing && (
        <Tag style={TAG_STYLE.orange} icon={<ExclamationCircleOutlined aria-hidden />}>
          {t("fundingSpending.needsExplanation", { threshold })}
        </Tag>
      )}
      {r.explanation && <span style={{ whiteSpace: "pre-wrap" }}>{r.explanation}</span>}
      {!r.isTotal && view.canExplain && r.needsExplanation && (
        <Button
          size="small"
          icon={<EditOutlined aria-hidden />}
          onClick={() => setExplaining(view.rows.find((x) => x.lineId === r.lineId) ?? null)}
        >
          {t("fundingSpending.explain")}
        </Button>
      )}
    </Flex>
  );
  const variance = (r: Row) => (
    <span style={{ color: r.overspent ? "#a8071a" : undefined, fontWeight: r.isTotal ? 600 : undefined }}>
      {r.varianceFen > 0 ? "+" : ""}
      {formatFen(r.varianceFen)}
      {r.varianceBp !== null ? ` (${r.varianceBp > 0 ? "+" : ""}${percent(r.varianceBp)})` : ""}
    </span>
  );
  const name = (r: Row) =>
    r.isTotal ? (
      <strong>{t("fundingSpending.total")}</strong>
    ) : (
      categoryLabel(lang, r.category ?? "other", r.description)
    );
  return (
    <>
      <Typography.Paragraph>{t("fundingSpending.thresholdNote", { threshold })}</Typography.Paragraph>
      {mobile ? (
        // At phone width: a card a line, every figure in view (a wide table would hide the flags).
        <ul style={{ listStyle: "none", padding: 0, margin: 0, display: "grid", gap: 8 }}>
          {rows.map((r) => (
            <li key={r.lineId} style={{ borderBottom: "1px solid #f0f0f0", paddingBottom: 8 }}>
              <div>{name(r)}</div>
              <div>
                {t("fundingSpending.budget")} {formatFen(r.budgetFen)} · {t("fundingSpending.actual")}{" "}
                {formatFen(r.actualFen)} · {t("fundingSpending.verified")} {formatFen(r.verifiedFen)}
              </div>
              <div>
                {t("fundingSpending.variance")} {variance(r)}
              </div>
              {flags(r)}
            </li>
          ))}
        </ul>
      ) : (
        <Table<Row>
          rowKey="lineId"
          size="small"
          pagination={false}
          scroll={{ x: 820 }}
          dataSource={rows}
          rowClassName={(r) => (r.isTotal ? "budget-total" : "")}
          columns={[
            {
              title: t("fundingSpending.category"),
              key: "category",
              fixed: "left",
              width: 150,
              render: (_, r) => name(r),
            },
            money("budget", t("fundingSpending.budget"), (r) => r.budgetFen),
            money("actual", t("fundingSpending.actual"), (r) => r.actualFen),
            money("verified", t("fundingSpending.verified"), (r) => r.verifiedFen),
            {
              title: t("fundingSpending.variance"),
              key: "variance",
              align: "right",
              width: 150,
              render: (_, r) => variance(r),
            },
            {
              title: t("fundingSpending.explanation"),
              key: "flags",
              width: 260,
              render: (_, r) => flags(r),
            },
          ]}
        />
      )}
      {explaining && <ExplainDialog grantId={grantId} row={explaining} onClose={() => setExplaining(null)} />}
    </>
  );
}

function money(key: string, title: string, value: (r: Row) => number) {
  return {
    title,
    key,
    align: "right" as const,
    width: 120,
    render: (_: unknown, r: Row) => (
      <span style={{ fontWeight: r.isTotal ? 600 : undefined }}>{formatFen(value(r))}</span>
    ),
  };
}

function ExplainDialog({ grantId, row, onClose }: { grantId: string; row: BudgetRow; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const explain = useExplainVariance(grantId);
  const [form] = Form.useForm<{ explanation: string }>();
  const save = async ({ explanation }: { explanation: string }) => {
    try {
      await explain.mutateAsync({ lineId: row.lineId, version: row.version, explanation });
      message.success(t("fundingSpending.explained"));
      onClose();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  return (
    <Modal
      open
      title={t("fundingSpending.explainTitle", { line: categoryLabel(lang, row.category, row.description) })}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={explain.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{ explanation: row.explanation ?? "" }}
      >
        <Form.Item
          name="explanation"
          label={t("fundingSpending.explanation")}
          rules={[{ required: true, whitespace: true, max: 1000 }]}
        >
          <Input.TextArea rows={4} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
