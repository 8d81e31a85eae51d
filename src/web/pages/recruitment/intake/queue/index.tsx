import { Card, Select } from "antd";
import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { QUEUE_SORTS, type QueueRow } from "../../../../../schemas/recruitment/intake";
import { useQueue } from "../../../../api/recruitment/intake";
import { useAccess } from "../../../../auth/session";
import { PageHeader } from "../../../../components/PageHeader";
import { QueryError } from "../../../../components/QueryError";
import { useIsMobile } from "../../../../components/useIsMobile";
import { BulkBar } from "./BulkBar";
import { ExportControl } from "./ExportControl";
import { FilterForm } from "./FilterForm";
import { QueueCards } from "./QueueCards";
import { QueueTable } from "./QueueTable";
import { detailLink, useQueueQuery } from "./useQueueQuery";

/** The work queue (申请审核): filters in the address bar, a table (cards on phones), bulk decisions, export. */
export default function IntakeQueuePage() {
  const { t } = useTranslation();
  const access = useAccess();
  const isMobile = useIsMobile();
  const { state, query, update } = useQueueQuery();
  const location = useLocation();
  const list = useQueue(query);
  const [selected, setSelected] = useState<string[]>([]);
  const seen = useRef(new Map<string, QueueRow>());
  const rows = useMemo(() => {
    for (const row of list.data?.items ?? []) seen.current.set(row.id, row);
    return seen.current;
  }, [list.data]);

  const { sort, order, page: _page, pageSize: _pageSize, ...filters } = state;
  const items = list.data?.items ?? [];
  // A row's place in the whole ordered queue, so its page can offer the one after it.
  const offset = (state.page - 1) * state.pageSize;
  const linkTo = (row: QueueRow, hash = "") =>
    detailLink(row.id, location.search, offset + Math.max(0, items.indexOf(row)), hash);
  const props = {
    linkTo,
    items,
    total: list.data?.total ?? 0,
    loading: list.isFetching,
    state,
    selected,
    onSelect: setSelected,
    onChange: update,
  };
  return (
    <>
      <PageHeader
        title={t("intake.queue.title")}
        extra={access.applicationExport && <ExportControl query={query} />}
      />
      <FilterForm value={filters} onSearch={(f) => update({ ...f, page: 1 })} />
      {access.applicationIntake && <BulkBar selected={selected} rows={rows} onDone={() => setSelected([])} />}
      {list.isError && !list.data ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : isMobile ? (
        <>
          <Select
            aria-label={t("intake.sort.label")}
            style={{ width: "100%", marginBottom: 12 }}
            value={`${sort}:${order}`}
            onChange={(v: string) => {
              const [s, o] = v.split(":") as [(typeof QUEUE_SORTS)[number], "asc" | "desc"];
              update({ sort: s, order: o, page: 1 });
            }}
            options={QUEUE_SORTS.flatMap((s) =>
              (["desc", "asc"] as const).map((o) => ({
                value: `${s}:${o}`,
                label: `${t(`intake.sort.${s}`)} ${o === "asc" ? "↑" : "↓"}`,
              })),
            )}
          />
          <QueueCards {...props} />
        </>
      ) : (
        <Card
          size="small"
          title={<span aria-live="polite">{t("common.total", { count: list.data?.total ?? 0 })}</span>}
          styles={{ body: { padding: 0 } }}
        >
          <QueueTable {...props} />
        </Card>
      )}
    </>
  );
}
