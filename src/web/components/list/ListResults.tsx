import { Card, Checkbox, Empty, Select, Table, type TableProps } from "antd";
import type { SorterResult } from "antd/es/table/interface";
import { cloneElement, isValidElement, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { CardList } from "../CardList";
import { QueryError } from "../QueryError";
import { useIsMobile } from "../useIsMobile";

/** The paging and ordering part of a list's state (the rest is its filters). */
export interface PageState<S extends string = string> {
  page: number;
  pageSize: number;
  sort?: S;
  order?: "asc" | "desc";
}

/** What a list query gives (TanStack Query's result of a `{ items, total }` page). */
export interface PageResult<T> {
  data?: { items: T[]; total: number };
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  refetch: () => unknown;
}

/** Server-side ordering: the sort keys the API takes, their labels (phones pick one from a list). */
export interface SortOptions<S extends string> {
  keys: readonly S[];
  /** Where the list returns when a column's ordering is cleared. */
  fallback: S;
  label: (key: S) => string;
}

/** Rows that can be picked for a bulk action, on the table and on the cards alike. */
export interface Selection<T> {
  selected: string[];
  onSelect: (ids: string[]) => void;
  /** The accessible name of a row's checkbox ("选择某某协会的申请"). */
  label: (item: T) => string;
  /** The accessible name of the table's select-all checkbox. */
  allLabel?: string;
}

interface Props<T extends { id: string | number }, S extends string> {
  result: PageResult<T>;
  state: PageState<S>;
  onChange: (patch: Partial<PageState<S>>) => void;
  /** The table's columns on wide screens; a column whose `key` is a sort key becomes sortable. */
  columns: NonNullable<TableProps<T>["columns"]>;
  /** One compact card per row at phone width. */
  renderCard: (item: T) => ReactNode;
  sort?: SortOptions<S>;
  selection?: Selection<T>;
  /** Beside the total above the table (column settings, for example). */
  extra?: ReactNode;
  empty?: ReactNode;
  pageSizeOptions?: number[];
  /** Anything else the table needs (expandable rows, sticky header styles). */
  table?: Omit<TableProps<T>, "columns" | "dataSource" | "pagination" | "onChange" | "rowSelection">;
}

/**
 * The results half of every list page: a failed load with a retry, a sortable and paged table on
 * wide screens, and on phones cards with a sort picker and a small pager. The page owns the
 * state (see useUrlQuery) and the filters; this only shows rows and reports what the user asked.
 */
export function ListResults<T extends { id: string | number }, S extends string = string>(
  props: Props<T, S>,
) {
  const { result, state, onChange, sort, selection } = props;
  const isMobile = useIsMobile();
  const items = result.data?.items ?? [];
  const total = result.data?.total ?? 0;
  if (result.isError && !result.data)
    return <QueryError error={result.error} onRetry={() => void result.refetch()} />;
  if (isMobile) {
    return (
      <>
        {sort && <SortPicker sort={sort} state={state} onChange={onChange} />}
        <CardList
          items={items}
          loading={result.isFetching}
          page={state.page}
          pageSize={state.pageSize}
          total={total}
          onPage={(page) => onChange({ page })}
          renderCard={(item) =>
            selection ? (
              <SelectableCard item={item} selection={selection} body={props.renderCard(item)} />
            ) : (
              props.renderCard(item)
            )
          }
        />
      </>
    );
  }
  return <ResultTable {...props} items={items} total={total} />;
}

function ResultTable<T extends { id: string | number }, S extends string>(
  props: Props<T, S> & { items: T[]; total: number },
) {
  const { t } = useTranslation();
  const { state, onChange, sort, selection, items, total } = props;
  const sortable = (key: unknown): key is S => sort?.keys.includes(key as S) ?? false;
  const columns = props.columns.map((column) =>
    sortable(column.key)
      ? {
          ...column,
          sorter: true,
          sortOrder:
            state.sort === column.key
              ? state.order === "asc"
                ? ("ascend" as const)
                : ("descend" as const)
              : null,
        }
      : column,
  );
  return (
    <Card
      size="small"
      // Busy while a page loads: the table ignores clicks then (antd's loading mask), and says so.
      aria-busy={props.result.isFetching}
      title={<span aria-live="polite">{t("common.total", { count: total })}</span>}
      extra={props.extra}
      styles={{ body: { padding: 0 } }}
    >
      <Table<T>
        rowKey="id"
        size="middle"
        scroll={{ x: "max-content" }}
        sortDirections={["ascend", "descend"]}
        locale={props.empty ? { emptyText: <Empty description={props.empty} /> } : undefined}
        {...props.table}
        columns={columns}
        dataSource={items}
        loading={props.result.isFetching}
        rowSelection={
          selection && {
            selectedRowKeys: selection.selected,
            onChange: (keys) => selection.onSelect(keys.map(String)),
            preserveSelectedRowKeys: true,
            // antd names these checkboxes in English ("Select all", "Select row 3") whatever the
            // locale: they get the page's language, and each row the record it selects.
            getCheckboxProps: (item) => ({ "aria-label": selection.label(item) }),
            columnTitle: (checkbox) =>
              isValidElement<{ "aria-label"?: string }>(checkbox)
                ? cloneElement(checkbox, { "aria-label": selection.allLabel ?? t("common.selectAllRows") })
                : checkbox,
          }
        }
        pagination={{
          current: state.page,
          pageSize: state.pageSize,
          total,
          showSizeChanger: true,
          pageSizeOptions: props.pageSizeOptions ?? [10, 20, 50, 100],
          showTotal: (count) => t("common.total", { count }),
        }}
        onChange={(pagination, _filters, sorter, extra) => {
          if (extra.action === "sort" && sort) {
            const one = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<T> | undefined;
            const key = one?.order && sortable(one.columnKey) ? one.columnKey : undefined;
            onChange({
              sort: key ?? sort.fallback,
              order: one?.order === "ascend" ? "asc" : "desc",
              page: 1,
            });
            return;
          }
          const pageSize = pagination.pageSize ?? state.pageSize;
          onChange({ page: pageSize !== state.pageSize ? 1 : (pagination.current ?? 1), pageSize });
        }}
      />
    </Card>
  );
}

/** Phones have no column headers to click: the orderings are one list, each both ways. */
function SortPicker<S extends string>(props: {
  sort: SortOptions<S>;
  state: PageState<S>;
  onChange: (patch: Partial<PageState<S>>) => void;
}) {
  const { t } = useTranslation();
  const { sort, state } = props;
  return (
    <Select
      aria-label={t("common.sortLabel")}
      style={{ width: "100%", marginBottom: 12 }}
      value={`${state.sort ?? sort.fallback}:${state.order ?? "desc"}`}
      onChange={(value: string) => {
        const [key, order] = value.split(":") as [S, "asc" | "desc"];
        props.onChange({ sort: key, order, page: 1 });
      }}
      options={sort.keys.flatMap((key) =>
        (["desc", "asc"] as const).map((order) => ({
          value: `${key}:${order}`,
          label: `${sort.label(key)} ${order === "asc" ? "↑" : "↓"}`,
          title: `${sort.label(key)} (${t(order === "asc" ? "common.ascending" : "common.descending")})`,
        })),
      )}
    />
  );
}

function SelectableCard<T extends { id: string | number }>(props: {
  item: T;
  selection: Selection<T>;
  body: ReactNode;
}) {
  const { item, selection } = props;
  const id = String(item.id);
  const checked = selection.selected.includes(id);
  return (
    <div style={{ display: "flex", gap: 8, alignItems: "flex-start" }}>
      {/* Padding makes a 40×40 tap target; the negative margin keeps the box where it was. */}
      <Checkbox
        style={{ padding: 12, margin: "-12px -8px -12px -12px" }}
        aria-label={selection.label(item)}
        checked={checked}
        onChange={(e) =>
          selection.onSelect(
            e.target.checked
              ? [...selection.selected, id]
              : selection.selected.filter((other) => other !== id),
          )
        }
      />
      <div style={{ minWidth: 0, flex: 1 }}>{props.body}</div>
    </div>
  );
}
