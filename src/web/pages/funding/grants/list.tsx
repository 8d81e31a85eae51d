/**
 * 资助: the grant list. Staff see the base's grants with filters (status, fund kind, year, words)
 * and start a new one; a member sees its organization's, a partner user those of its funds.
 * A table on wide screens, cards on a phone.
 */
import { Button, Flex, Input, Select, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { FUND_KINDS, GRANT_STATUSES } from "../../../../domain/funding/grant";
import { formatFen } from "../../../../domain/funding/money";
import type { GrantListItem, GrantQuery } from "../../../../schemas/funding/grants";
import { useGrants } from "../../../api/funding/grants";
import { useAccess } from "../../../auth/session";
import { ListResults, type PageState } from "../../../components/list/ListResults";
import { PageHeader } from "../../../components/PageHeader";
import { GrantStatusTag } from "./parts";

type Query = Omit<GrantQuery, "page" | "pageSize" | "year"> & { year?: number } & PageState;

const YEARS = Array.from({ length: 6 }, (_, i) => new Date().getFullYear() + 1 - i);

export default function GrantListPage() {
  const { t } = useTranslation();
  const access = useAccess();
  const [query, setQuery] = useState<Query>({ page: 1, pageSize: 20 });
  const grants = useGrants(query);
  const set = (patch: Partial<Query>) => setQuery({ ...query, ...patch, page: 1 });
  const yuan = (fen: number) => t("grants.yuan", { amount: formatFen(fen) });
  return (
    <>
      <PageHeader
        title={t(access.fundingManage ? "grants.title" : "grants.mineTitle")}
        extra={
          access.fundingManage ? (
            <Link to="/funding/grants/new">
              <Button type="primary">{t("grants.create")}</Button>
            </Link>
          ) : null
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          aria-label={t("grants.search")}
          placeholder={t("grants.search")}
          style={{ width: 240 }}
          onSearch={(q) => set({ q: q || undefined })}
        />
        <Select
          aria-label={t("grants.statusLabel")}
          style={{ minWidth: 120 }}
          value={query.status ?? ""}
          onChange={(v) => set({ status: (v || undefined) as GrantQuery["status"] })}
          options={[
            { value: "", label: `${t("grants.statusLabel")}：${t("common.all")}` },
            ...GRANT_STATUSES.map((s) => ({ value: s, label: t(`grants.status.${s}`) })),
          ]}
        />
        <Select
          aria-label={t("grants.fundKindLabel")}
          style={{ minWidth: 140 }}
          value={query.fundKind ?? ""}
          onChange={(v) => set({ fundKind: (v || undefined) as GrantQuery["fundKind"] })}
          options={[
            { value: "", label: `${t("grants.fundKindLabel")}：${t("common.all")}` },
            ...FUND_KINDS.map((k) => ({ value: k, label: t(`grants.fundKind.${k}`) })),
          ]}
        />
        <Select
          aria-label={t("grants.yearLabel")}
          style={{ minWidth: 110 }}
          value={query.year ?? 0}
          onChange={(v) => set({ year: v || undefined })}
          options={[
            { value: 0, label: `${t("grants.yearLabel")}：${t("common.all")}` },
            ...YEARS.map((y) => ({ value: y, label: String(y) })),
          ]}
        />
      </Flex>
      <ListResults<GrantListItem>
        result={grants}
        state={query}
        onChange={(patch) => setQuery({ ...query, ...patch })}
        empty={t("grants.empty")}
        columns={[
          {
            key: "number",
            title: t("grants.number"),
            render: (_, g) => <Link to={`/funding/grants/${g.id}`}>{g.number}</Link>,
          },
          { key: "project", title: t("grants.project"), dataIndex: "projectTitle" },
          { key: "organization", title: t("grants.organization"), dataIndex: "organizationName" },
          {
            key: "fund",
            title: t("grants.fund"),
            render: (_, g) => `${g.fundName}（${t(`grants.fundKind.${g.fundKind}`)}）`,
          },
          { key: "amount", title: t("grants.amount"), align: "right", render: (_, g) => yuan(g.amountFen) },
          {
            key: "disbursed",
            title: t("grants.disbursed"),
            align: "right",
            render: (_, g) => yuan(g.disbursedFen),
          },
          {
            key: "status",
            title: t("grants.statusLabel"),
            render: (_, g) => <GrantStatusTag status={g.status} />,
          },
        ]}
        renderCard={(g) => (
          <Flex vertical gap={4}>
            <Flex justify="space-between" gap={8}>
              <Link to={`/funding/grants/${g.id}`}>{g.projectTitle}</Link>
              <GrantStatusTag status={g.status} />
            </Flex>
            <Typography.Text type="secondary">
              {g.number} · {g.organizationName}
            </Typography.Text>
            <Typography.Text>
              {yuan(g.amountFen)} · {t("grants.disbursed")} {yuan(g.disbursedFen)}
            </Typography.Text>
          </Flex>
        )}
      />
    </>
  );
}
