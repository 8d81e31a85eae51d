import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { QUEUE_SORTS, type QueueRow, ZQueueQuery } from "../../../../../schemas/recruitment/intake";
import { useQueue } from "../../../../api/recruitment/intake";
import { useAccess } from "../../../../auth/session";
import { ListResults } from "../../../../components/list/ListResults";
import { useUrlQuery } from "../../../../components/list/useUrlQuery";
import { PageHeader } from "../../../../components/PageHeader";
import { BulkBar } from "./BulkBar";
import { STICKY_HEADER_CELL, useQueueColumns } from "./columns";
import { ExportControl } from "./ExportControl";
import { QueueCard } from "./QueueCard";
import { QueueFilters } from "./QueueFilters";
import { detailLink } from "./queueLinks";

/** The work queue (申请审核): filters in the address bar, a table (cards on phones), bulk decisions, export. */
export default function IntakeQueuePage() {
  const { t } = useTranslation();
  const access = useAccess();
  const { state, update, search } = useUrlQuery(ZQueueQuery);
  const list = useQueue(state);
  const [selected, setSelected] = useState<string[]>([]);
  const seen = useRef(new Map<string, QueueRow>());
  const rows = useMemo(() => {
    for (const row of list.data?.items ?? []) seen.current.set(row.id, row);
    return seen.current;
  }, [list.data]);

  const { sort: _sort, order: _order, page: _page, pageSize: _pageSize, ...filters } = state;
  const items = list.data?.items ?? [];
  // A row's place in the whole ordered queue, so its page can offer the one after it.
  const offset = (state.page - 1) * state.pageSize;
  const linkTo = (row: QueueRow, hash = "") =>
    detailLink(row.id, search, offset + Math.max(0, items.indexOf(row)), hash);
  const columns = useQueueColumns(linkTo);
  return (
    <>
      <PageHeader
        title={t("intake.queue.title")}
        extra={access.applicationExport && <ExportControl query={state} />}
      />
      <QueueFilters value={filters} onSearch={update} />
      {access.applicationIntake && <BulkBar selected={selected} rows={rows} onDone={() => setSelected([])} />}
      <ListResults
        result={list}
        state={state}
        onChange={update}
        columns={columns}
        renderCard={(row) => <QueueCard row={row} linkTo={linkTo} />}
        sort={{ keys: QUEUE_SORTS, fallback: "statusChangedAt", label: (key) => t(`intake.sort.${key}`) }}
        selection={{
          selected,
          onSelect: setSelected,
          label: (row) => t("intake.queue.selectRow", { name: row.organization.name }),
          allLabel: t("intake.queue.selectAll"),
        }}
        pageSizeOptions={[20, 50, 100, 200]}
        // No `scroll` and no `sticky` on purpose: with either antd renders a hidden measure row
        // that repeats the header's select-all checkbox (a focusable control inside aria-hidden).
        // The header cells stick below the app's header by CSS instead; the columns wrap to fit.
        table={{ scroll: undefined, styles: { header: { cell: STICKY_HEADER_CELL } } }}
      />
    </>
  );
}
