/**
 * 记一笔支出 (the phone form) and the correction of a queried item: the budget line, the day, the
 * amount in yuan (parsed to fen exactly), what it was, who was paid, and the receipts (a photo
 * from the camera or a file). One column, big enough to use at 390 px.
 */
import { Alert, App, Button, Form, Input, Select, Spin, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { formatFen, parseYuan } from "../../../../domain/funding/money";
import { shanghaiDate } from "../../../../domain/shanghai-time";
import type { ExpenseEntry, Receipt } from "../../../../schemas/funding/spending";
import { useGrantBudget, useGrantExpense, useSaveExpense } from "../../../api/funding/spending";
import { DateInput } from "../../../components/DateInput";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";
import { showFieldError } from "../../../components/serverErrors";
import { useLang } from "../../../i18n";
import { categoryLabel } from "./labels";
import { ReceiptPicker } from "./ReceiptPicker";

interface Values {
  budgetLineId: string;
  spentOn: string | null;
  amount: string;
  description: string;
  payee: string;
  receipts: Receipt[];
  answer?: string;
}

const FIELDS = ["budgetLineId", "spentOn", "amountFen", "description", "payee", "fileIds", "answer"] as const;
/** The server names amountFen and fileIds; the form's fields are amount and receipts. */
const FORM_FIELD: Record<string, string> = { amountFen: "amount", fileIds: "receipts" };

export default function ExpenseFormPage() {
  const { id = "", expenseId = null } = useParams();
  const budget = useGrantBudget(id);
  const item = useGrantExpense(id, expenseId);
  const error = budget.error ?? item.error;
  if (error) return <QueryError error={error} />;
  if (!budget.data || (expenseId && !item.data)) return <Spin />;
  return <ExpenseForm grantId={id} item={item.data ?? null} view={budget.data} />;
}

function ExpenseForm({
  grantId,
  item,
  view,
}: {
  grantId: string;
  item: ExpenseEntry | null;
  view: NonNullable<ReturnType<typeof useGrantBudget>["data"]>;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveExpense(grantId, item?.id ?? null);
  const back = `/funding/grants/${grantId}?tab=spending`;
  const today = shanghaiDate(new Date());
  // The last day an item may carry: today, or the grant's end if that came first.
  const max = [view.grant.endsOn, today].sort()[0] ?? today;

  const submit = async (values: Values) => {
    const amountFen = parseYuan(values.amount) ?? 0;
    const body = {
      budgetLineId: values.budgetLineId,
      spentOn: values.spentOn ?? "",
      amountFen,
      description: values.description,
      payee: values.payee,
      fileIds: values.receipts.map((r) => r.id),
    };
    try {
      if (item) await save.mutateAsync({ ...body, version: item.version, answer: values.answer ?? "" });
      else await save.mutateAsync(body);
      message.success(t(item ? "fundingSpending.resubmitted" : "fundingSpending.submitted"));
      navigate(back);
    } catch (error) {
      const mapped = error && typeof error === "object" && "field" in error ? error : null;
      if (mapped && typeof mapped.field === "string") {
        const name = mapped.field.split(".")[0] ?? "";
        (mapped as { field: string }).field = FORM_FIELD[name] ?? mapped.field;
      }
      if (!showFieldError(form, error, [...FIELDS, "amount", "receipts"]))
        message.error(String((error as Error).message));
    }
  };

  return (
    <>
      <PageHeader
        title={t(item ? "fundingSpending.editTitle" : "fundingSpending.newTitle")}
        subTitle={`${view.grant.number} · ${view.grant.projectTitle}`}
        backTo={back}
      />
      {item?.queryNote && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16, maxWidth: 560 }}
          message={t("fundingSpending.question")}
          description={<span style={{ whiteSpace: "pre-wrap" }}>{item.queryNote}</span>}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        style={{ maxWidth: 560 }}
        initialValues={{
          budgetLineId: item?.budgetLineId ?? (view.rows.length === 1 ? view.rows[0]?.lineId : undefined),
          spentOn: item?.spentOn ?? max,
          amount: item ? formatFen(item.amountFen).replaceAll(",", "") : "",
          description: item?.description ?? "",
          payee: item?.payee ?? "",
          receipts: item?.receipts ?? [],
        }}
      >
        <Form.Item name="budgetLineId" label={t("fundingSpending.category")} rules={[{ required: true }]}>
          <Select
            options={view.rows.map((r) => ({
              value: r.lineId,
              label: categoryLabel(lang, r.category, r.description),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="spentOn"
          label={t("fundingSpending.spentOn")}
          extra={t("fundingSpending.grantPeriod", { start: view.grant.startsOn, end: view.grant.endsOn })}
          rules={[{ required: true }]}
        >
          <DateInput min={view.grant.startsOn} max={max} />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t("fundingSpending.amount")}
          rules={[
            { required: true, message: t("fundingSpending.amountInvalid") },
            {
              validator: (_, v: string) =>
                !v || (parseYuan(v) ?? 0) > 0
                  ? Promise.resolve()
                  : Promise.reject(t("fundingSpending.amountInvalid")),
            },
          ]}
        >
          <Input inputMode="decimal" prefix="¥" autoComplete="off" placeholder="0.00" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t("fundingSpending.description")}
          extra={t("fundingSpending.descriptionHelp")}
          rules={[{ required: true, whitespace: true, max: 200 }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="payee"
          label={t("fundingSpending.payee")}
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="receipts"
          label={t("fundingSpending.receipts")}
          extra={t("fundingSpending.receiptsHelp")}
          rules={[
            {
              validator: (_, v: Receipt[]) =>
                v?.length ? Promise.resolve() : Promise.reject(t("fundingSpending.receiptsHelp")),
            },
          ]}
        >
          <ReceiptPicker grantId={grantId} />
        </Form.Item>
        {item && (
          <Form.Item
            name="answer"
            label={t("fundingSpending.answer")}
            extra={t("fundingSpending.answerHelp")}
            rules={[{ required: true, whitespace: true, max: 1000 }]}
          >
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        )}
        <Typography.Paragraph>
          <Button type="primary" htmlType="submit" loading={save.isPending} block>
            {t(item ? "fundingSpending.resubmit" : "fundingSpending.submit")}
          </Button>
        </Typography.Paragraph>
      </Form>
    </>
  );
}
