/**
 * 服务申请: one page for everyone who has a queue. Staff filter the base's requests (status,
 * category, overdue) and export them; a member sees its organization's and asks for more; a mentor
 * or partner user sees what is assigned to them. A list of cards, so it reads on a phone.
 */
import { Button, Checkbox, Flex, List, Select, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { SERVICE_CATEGORIES } from "../../../../domain/services/categories";
import { SERVICE_CATEGORY_LABELS } from "../../../../schemas/labels";
import type { Lang } from "../../../../schemas/messages";
import { SERVICE_LABELS } from "../../../../schemas/services/labels";
import type { RequestQuery } from "../../../../schemas/services/requests";
import { useServiceRequests } from "../../../api/services/desk";
import { useAccess } from "../../../auth/session";
import { formatDateTime } from "../../../components/format";
import { ToneTag } from "../../../components/labels";
import { PageHeader } from "../../../components/PageHeader";
import { QueryError } from "../../../components/QueryError";

export default function ServiceRequestsPage() {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === "en" ? "en" : "zh-CN") as Lang;
  const access = useAccess();
  const mine = access.serviceAsk && !access.serviceManage;
  const [query, setQuery] = useState<RequestQuery>({ page: 1, pageSize: 20 });
  const requests = useServiceRequests(query);
  const labels = SERVICE_LABELS[lang];
  const exportUrl = `/api/services/requests/export.xlsx?${new URLSearchParams(
    Object.entries(query).flatMap(([k, v]) =>
      v === undefined || k === "page" || k === "pageSize" ? [] : [[k, String(v)]],
    ),
  )}`;
  return (
    <>
      <PageHeader
        title={t(mine ? "serviceDesk.mineTitle" : "serviceDesk.queueTitle")}
        subTitle={mine ? t("serviceDesk.mineIntro") : undefined}
        extra={
          access.serviceAsk ? (
            <Link to="/services/requests/new">
              <Button type="primary">{t("serviceDesk.ask")}</Button>
            </Link>
          ) : access.serviceManage ? (
            <Space wrap>
              <Link to="/services/records/new">
                <Button type="primary">{t("serviceDesk.recordGroup")}</Button>
              </Link>
              <a href={exportUrl}>
                <Button>{t("serviceDesk.export")}</Button>
              </a>
            </Space>
          ) : null
        }
      />
      {!mine && (
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Select
            aria-label={t("serviceDesk.status")}
            style={{ minWidth: 120 }}
            value={query.status ?? ""}
            onChange={(status) =>
              setQuery({ ...query, page: 1, status: (status || undefined) as RequestQuery["status"] })
            }
            options={[
              { value: "", label: t("serviceDesk.all") },
              { value: "open", label: t("serviceDesk.open") },
              ...Object.entries(labels.status).map(([value, label]) => ({ value, label })),
            ]}
          />
          <Select
            aria-label={t("serviceDesk.category")}
            style={{ minWidth: 100 }}
            value={query.category ?? ""}
            onChange={(category) =>
              setQuery({ ...query, page: 1, category: (category || undefined) as RequestQuery["category"] })
            }
            options={[
              { value: "", label: t("serviceDesk.all") },
              ...SERVICE_CATEGORIES.map((c) => ({ value: c, label: SERVICE_CATEGORY_LABELS[lang][c] })),
            ]}
          />
          <Checkbox
            checked={query.overdue === "true"}
            onChange={(e) => setQuery({ ...query, page: 1, overdue: e.target.checked ? "true" : undefined })}
          >
            {t("serviceDesk.onlyOverdue")}
          </Checkbox>
        </Flex>
      )}
      {requests.error ? (
        <QueryError error={requests.error} onRetry={() => requests.refetch()} />
      ) : (
        <List
          loading={requests.isLoading}
          locale={{ emptyText: t("serviceDesk.empty") }}
          dataSource={requests.data?.items ?? []}
          pagination={{
            current: Number(query.page ?? 1),
            pageSize: Number(query.pageSize ?? 20),
            total: requests.data?.total ?? 0,
            onChange: (page) => setQuery({ ...query, page }),
            hideOnSinglePage: true,
          }}
          renderItem={(r) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <Link to={`/services/requests/${r.id}`}>{r.title}</Link>
                    <ToneTag tone="default">{SERVICE_CATEGORY_LABELS[lang][r.category]}</ToneTag>
                    <ToneTag
                      tone={
                        r.status === "done"
                          ? "green"
                          : r.status === "declined" || r.status === "cancelled"
                            ? "default"
                            : "blue"
                      }
                    >
                      {labels.status[r.status]}
                    </ToneTag>
                    {r.overdue && <ToneTag tone="red">{t("serviceDesk.overdue")}</ToneTag>}
                  </Space>
                }
                description={
                  <Typography.Text type="secondary">
                    {[
                      mine ? null : r.organizationName,
                      r.handlerName ? `${t("serviceDesk.handler")}：${r.handlerName}` : null,
                      r.scheduledAt
                        ? `${t("serviceDesk.scheduledAt")}：${formatDateTime(r.scheduledAt)}`
                        : `${t("serviceDesk.createdAt")}：${formatDateTime(r.createdAt)}`,
                      r.rating ? `${t("serviceDesk.rating")}：${"★".repeat(r.rating)}` : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
        />
      )}
    </>
  );
}
