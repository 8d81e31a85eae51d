/**
 * One spending item as a card (the same at phone and laptop width): what, when, how much, its
 * status in words, its receipts (a thumbnail for a photo, a link for a PDF), staff's question
 * and the answer; staff verify or query it, the grantee corrects a queried one or withdraws it.
 */
import { FilePdfOutlined } from "@ant-design/icons";
import { App, Button, Flex, Form, Input, Modal, Popconfirm, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatFen } from "../../../../domain/funding/money";
import type { ExpenseEntry } from "../../../../schemas/funding/spending";
import { useExpenseStep } from "../../../api/funding/spending";
import { errorMessage } from "../../../components/serverErrors";
import { useLang } from "../../../i18n";
import { categoryLabel, statusLabel, TAG_STYLE } from "./labels";

const STATUS_STYLE = {
  submitted: TAG_STYLE.blue,
  verified: TAG_STYLE.green,
  queried: TAG_STYLE.orange,
  withdrawn: TAG_STYLE.grey,
} as const;

export function ExpenseCard({
  item,
  canReview,
  canReport,
}: {
  item: ExpenseEntry;
  canReview: boolean;
  canReport: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const step = useExpenseStep(item.grantId);
  const [querying, setQuerying] = useState(false);
  const run = async (event: "verify" | "withdraw") => {
    try {
      await step.mutateAsync({ event, expenseId: item.id, version: item.version });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const label = `${item.spentOn} ${item.description}`;
  return (
    <Flex vertical gap={6} data-testid="expense-card">
      <Flex justify="space-between" align="baseline" gap={8} wrap>
        <Typography.Text strong>{item.description}</Typography.Text>
        <Typography.Text strong>¥{formatFen(item.amountFen)}</Typography.Text>
      </Flex>
      <Flex gap={8} wrap align="center">
        <Tag style={STATUS_STYLE[item.status]}>{statusLabel(t, item.status)}</Tag>
        <span>{item.spentOn}</span>
        <span>{categoryLabel(lang, item.category, item.lineDescription)}</span>
        <span>
          {t("fundingSpending.payee")}
          {t("common.colon")}
          {item.payee}
        </span>
      </Flex>
      <Flex gap={8} wrap align="center" aria-label={t("fundingSpending.receipts")}>
        {item.receipts.map((r, i) => (
          <a
            key={r.id}
            href={`/api/files/${r.id}?inline=1`}
            target="_blank"
            rel="noreferrer"
            aria-label={t("fundingSpending.receiptLink", { n: i + 1, name: r.name })}
          >
            {r.mime.startsWith("image/") ? (
              <img
                src={`/api/files/${r.id}?inline=1`}
                alt=""
                width={56}
                height={56}
                style={{ objectFit: "cover", borderRadius: 4, border: "1px solid #d9d9d9" }}
              />
            ) : (
              <span>
                <FilePdfOutlined aria-hidden /> {r.name}
              </span>
            )}
          </a>
        ))}
      </Flex>
      {item.queryNote && (
        <Typography.Paragraph style={{ margin: 0, whiteSpace: "pre-wrap" }}>
          <strong>
            {t("fundingSpending.question")}
            {t("common.colon")}
          </strong>
          {item.queryNote}
        </Typography.Paragraph>
      )}
      {item.answer && (
        <Typography.Paragraph style={{ margin: 0, whiteSpace: "pre-wrap" }}>
          <strong>
            {t("fundingSpending.answer")}
            {t("common.colon")}
          </strong>
          {item.answer}
        </Typography.Paragraph>
      )}
      <Flex gap={8} wrap>
        {canReview && item.status === "submitted" && (
          <>
            <Button
              type="primary"
              size="small"
              loading={step.isPending}
              aria-label={`${t("fundingSpending.verify")} ${label}`}
              onClick={() => void run("verify")}
            >
              {t("fundingSpending.verify")}
            </Button>
            <Button
              size="small"
              aria-label={`${t("fundingSpending.query")} ${label}`}
              onClick={() => setQuerying(true)}
            >
              {t("fundingSpending.query")}
            </Button>
          </>
        )}
        {canReport && item.status === "queried" && (
          <Link to={`/funding/grants/${item.grantId}/expenses/${item.id}/edit`}>
            <Button type="primary" size="small">
              {t("fundingSpending.correct")}
            </Button>
          </Link>
        )}
        {canReport && (item.status === "submitted" || item.status === "queried") && (
          <Popconfirm
            title={t("fundingSpending.withdrawConfirm")}
            okText={t("common.confirm")}
            cancelText={t("common.cancel")}
            onConfirm={() => run("withdraw")}
          >
            <Button size="small" danger>
              {t("fundingSpending.withdraw")}
            </Button>
          </Popconfirm>
        )}
      </Flex>
      {querying && <QueryDialog item={item} onClose={() => setQuerying(false)} />}
    </Flex>
  );
}

function QueryDialog({ item, onClose }: { item: ExpenseEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const step = useExpenseStep(item.grantId);
  const [form] = Form.useForm<{ question: string }>();
  const send = async ({ question }: { question: string }) => {
    try {
      await step.mutateAsync({ event: "query", expenseId: item.id, version: item.version, question });
      onClose();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  return (
    <Modal
      open
      title={t("fundingSpending.queryTitle")}
      okText={t("fundingSpending.query")}
      cancelText={t("common.cancel")}
      confirmLoading={step.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph>
        {item.spentOn} · {item.description} · ¥{formatFen(item.amountFen)}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={send}>
        <Form.Item
          name="question"
          label={t("fundingSpending.question")}
          extra={t("fundingSpending.queryHelp")}
          rules={[{ required: true, whitespace: true, max: 1000 }]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
