import { DatePicker, Input, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  INSPECTION_MODES,
  INSPECTION_STATUSES,
  type InspectionMode,
  type InspectionStatus,
} from "../../../../../domain/inspection";
import {
  INSPECTION_SORTS,
  type InspectionListState,
  type InspectionRow,
  ZInspectionQuery,
} from "../../../../../schemas/admission/inspections";
import { useInspections, useInspectorCandidates } from "../../../../api/admission/inspections";
import { useAccess } from "../../../../auth/session";
import { CardFacts } from "../../../../components/CardList";
import { formatDateTime } from "../../../../components/format";
import { FilterBar } from "../../../../components/list/FilterBar";
import { ListResults } from "../../../../components/list/ListResults";
import { useUrlQuery } from "../../../../components/list/useUrlQuery";
import { PageHeader } from "../../../../components/PageHeader";
import { InspectionStatusTag, useInspectionLabels } from "../components/labels";

type Filters = Omit<InspectionListState, "page" | "pageSize" | "sort" | "order">;
type Range = [Dayjs | null, Dayjs | null] | null;

/** 考察: the base's inspections (staff) or the expert's own, with filters, newest time first. */
export default function InspectionListPage() {
  const { t } = useTranslation();
  const labels = useInspectionLabels();
  const access = useAccess();
  const { state, update } = useUrlQuery(ZInspectionQuery);
  const list = useInspections(state);
  const inspectors = useInspectorCandidates(access.inspectionPlan);
  const { page: _p, pageSize: _s, sort: _o, order: _d, ...filters } = state;
  const people = (row: InspectionRow) => row.inspectors.map((i) => i.name).join("、") || t("common.empty");

  return (
    <>
      <PageHeader title={t("inspections.listTitle")} />
      <FilterBar<Filters>
        name="inspectionFilters"
        label={t("inspections.filter.label")}
        value={filters}
        onSearch={(f) => update({ ...f, page: 1 })}
        toValues={({ from, to, ...rest }) => ({
          ...rest,
          range: from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : undefined,
        })}
        fromValues={({ range, ...rest }) => {
          const [from, to] = (range as Range) ?? [];
          return { ...rest, from: from?.format("YYYY-MM-DD"), to: to?.format("YYYY-MM-DD") } as Filters;
        }}
        fields={[
          {
            name: "q",
            label: t("inspections.filter.q"),
            primary: true,
            control: <Input allowClear maxLength={100} />,
          },
          {
            name: "status",
            label: t("inspections.filter.status"),
            primary: true,
            control: (
              <Select
                mode="multiple"
                allowClear
                placeholder={t("inspections.filter.any")}
                options={INSPECTION_STATUSES.map((s) => ({ value: s, label: labels.status[s] }))}
              />
            ),
          },
          {
            name: "mode",
            label: t("inspections.filter.mode"),
            control: (
              <Select
                allowClear
                placeholder={t("inspections.filter.any")}
                options={INSPECTION_MODES.map((m) => ({ value: m, label: labels.mode[m] }))}
              />
            ),
          },
          ...(access.inspectionPlan
            ? [
                {
                  name: "inspectorId",
                  label: t("inspections.filter.inspector"),
                  control: (
                    <Select
                      allowClear
                      showSearch={{ optionFilterProp: "label" }}
                      placeholder={t("inspections.filter.any")}
                      options={(inspectors.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
                    />
                  ),
                },
              ]
            : []),
          {
            name: "range",
            label: t("inspections.filter.range"),
            col: { xs: 24, sm: 24, lg: 8 },
            control: <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: "100%" }} />,
          },
        ]}
      />
      <ListResults<InspectionRow, (typeof INSPECTION_SORTS)[number]>
        result={list}
        state={state}
        onChange={update}
        sort={{
          keys: INSPECTION_SORTS,
          fallback: "scheduledAt",
          label: (key) => t(`inspections.sort.${key}`),
        }}
        renderCard={(row) => (
          <>
            <Link to={`/inspections/${row.id}`} style={{ fontWeight: 600 }}>
              {row.organization.name}
            </Link>{" "}
            <InspectionStatusTag status={row.status as InspectionStatus} />
            <CardFacts
              facts={[
                [t("inspections.attr.scheduledAt"), formatDateTime(row.scheduledAt)],
                [t("inspections.attr.mode"), labels.mode[row.mode as InspectionMode]],
                [t("inspections.attr.inspectors"), people(row)],
              ]}
            />
          </>
        )}
        columns={[
          {
            key: "name",
            title: t("inspections.attr.organization"),
            render: (_: unknown, row: InspectionRow) => (
              <span>
                <Link to={`/inspections/${row.id}`}>{row.organization.name}</Link>
                {row.revision > 1 && (
                  <span style={{ color: "rgba(0,0,0,0.65)", marginInlineStart: 6, fontSize: 12 }}>
                    {t("inspections.revision", { revision: row.revision })}
                  </span>
                )}
                <div style={{ color: "rgba(0,0,0,0.65)", fontSize: 12 }}>{row.callTitle}</div>
              </span>
            ),
          },
          {
            key: "scheduledAt",
            title: t("inspections.attr.scheduledAt"),
            width: 160,
            render: (_: unknown, row: InspectionRow) => formatDateTime(row.scheduledAt),
          },
          {
            key: "mode",
            title: t("inspections.attr.mode"),
            width: 100,
            render: (_: unknown, row: InspectionRow) => labels.mode[row.mode as InspectionMode],
          },
          {
            key: "inspectors",
            title: t("inspections.attr.inspectors"),
            responsive: ["md"],
            render: (_: unknown, row: InspectionRow) => people(row),
          },
          {
            key: "status",
            title: t("inspections.attr.status"),
            width: 100,
            render: (_: unknown, row: InspectionRow) => (
              <InspectionStatusTag status={row.status as InspectionStatus} />
            ),
          },
          {
            key: "recommendation",
            title: t("inspections.attr.recommendation"),
            width: 130,
            responsive: ["lg"],
            render: (_: unknown, row: InspectionRow) =>
              row.recommendation ? labels.recommendation[row.recommendation] : t("common.empty"),
          },
        ]}
      />
    </>
  );
}
