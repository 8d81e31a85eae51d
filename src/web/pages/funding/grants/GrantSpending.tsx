/**
 * The grant page's 支出 (spending) tab: budget vs actual, then the spending items (newest first,
 * paged) with what the reader may do: the grantee reports (记一笔支出 → the phone form), corrects
 * a queried item or withdraws one; staff verify or query; staff and the grantee export the
 * grant's workbook.
 */
import { DownloadOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Pagination, Spin, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useGrantBudget, useGrantExpenses } from "../../../api/funding/spending";
import { QueryError } from "../../../components/QueryError";
import { BudgetTable } from "../spending/BudgetTable";
import { ExpenseCard } from "../spending/ExpenseCard";

const PAGE_SIZE = 20;

export function GrantSpending({ grantId }: { grantId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const budget = useGrantBudget(grantId);
  const expenses = useGrantExpenses(grantId, { page, pageSize: PAGE_SIZE });
  const data = expenses.data;
  return (
    <Flex vertical gap={16}>
      <Card
        title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("fundingSpending.budgetTitle")}</h2>}
        extra={
          <a href={`/api/grants/${grantId}/export.xlsx`} download>
            <Button icon={<DownloadOutlined aria-hidden />}>{t("fundingSpending.export")}</Button>
          </a>
        }
      >
        <div aria-busy={budget.isFetching} data-testid="budget-table">
          {budget.error ? (
            <QueryError error={budget.error} onRetry={() => void budget.refetch()} />
          ) : budget.data ? (
            <BudgetTable grantId={grantId} view={budget.data} />
          ) : (
            <Spin />
          )}
        </div>
      </Card>
      <Card
        title={<h2 style={{ fontSize: 16, margin: 0 }}>{t("fundingSpending.itemsTitle")}</h2>}
        extra={
          data?.canReport ? (
            <Link to={`/funding/grants/${grantId}/expenses/new`}>
              <Button type="primary" icon={<PlusOutlined aria-hidden />}>
                {t("fundingSpending.report")}
              </Button>
            </Link>
          ) : null
        }
      >
        {expenses.error ? (
          <QueryError error={expenses.error} onRetry={() => void expenses.refetch()} />
        ) : (
          <Spin spinning={expenses.isFetching}>
            <ul
              aria-busy={expenses.isFetching}
              aria-label={t("fundingSpending.itemsTitle")}
              style={{ listStyle: "none", padding: 0, margin: 0, display: "grid", gap: 12 }}
            >
              {(data?.items ?? []).map((item) => (
                <li key={item.id}>
                  <Card size="small">
                    <ExpenseCard
                      item={item}
                      canReview={data?.canReview ?? false}
                      canReport={data?.canReport ?? false}
                    />
                  </Card>
                </li>
              ))}
            </ul>
            {data && data.items.length === 0 && (
              <Typography.Paragraph>{t("fundingSpending.empty")}</Typography.Paragraph>
            )}
            {data && data.total > PAGE_SIZE && (
              <Pagination
                style={{ marginTop: 16, justifyContent: "center" }}
                size="small"
                current={page}
                pageSize={PAGE_SIZE}
                total={data.total}
                onChange={setPage}
                showSizeChanger={false}
              />
            )}
          </Spin>
        )}
      </Card>
    </Flex>
  );
}
