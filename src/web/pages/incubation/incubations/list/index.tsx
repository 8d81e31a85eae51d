/**
 * 孵化管理: the base's incubations with filters (cohort, track, residency, status, responsible,
 * name, what is due), bulk actions (assign the person responsible, move to a cohort), the
 * export, and the direct enrolment.
 */
import { DownloadOutlined, PlusOutlined, SettingOutlined } from "@ant-design/icons";
import { Alert, App, Button, Input, Select, Space, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { TRACKS } from "../../../../../domain/call";
import {
  INCUBATION_STATUSES,
  type IncubationStatus,
  RESIDENCIES,
} from "../../../../../domain/incubation/lifecycle";
import {
  INCUBATION_DUE,
  INCUBATION_SORTS,
  type IncubationBulkResult,
  type IncubationListState,
  type IncubationRow,
  ZIncubationQuery,
} from "../../../../../schemas/incubation/incubations";
import {
  downloadIncubations,
  useBulkIncubations,
  useCohorts,
  useIncubations,
} from "../../../../api/incubation/incubations";
import { CardFacts } from "../../../../components/CardList";
import { formatDate } from "../../../../components/format";
import { FilterBar } from "../../../../components/list/FilterBar";
import { ListResults } from "../../../../components/list/ListResults";
import { useUrlQuery } from "../../../../components/list/useUrlQuery";
import { PageHeader } from "../../../../components/PageHeader";
import { useRecruitmentLabels } from "../../../../components/recruitmentLabels";
import { errorMessage } from "../../../../components/serverErrors";
import { EnrolDialog } from "../components/EnrolDialog";
import { IncubationStatusTag, useIncubationLabels } from "../components/labels";
import { StaffSelect } from "../components/StaffSelect";

type Filters = Omit<IncubationListState, "page" | "pageSize" | "sort" | "order">;

export default function IncubationListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useIncubationLabels();
  const recruitment = useRecruitmentLabels();
  const { state, update } = useUrlQuery(ZIncubationQuery);
  const list = useIncubations(state);
  const cohorts = useCohorts();
  const bulk = useBulkIncubations();
  const [enrolling, setEnrolling] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [bulkResult, setBulkResult] = useState<IncubationBulkResult | null>(null);
  const [exporting, setExporting] = useState(false);
  const { page: _p, pageSize: _s, sort: _o, order: _d, ...filters } = state;
  const cohortOptions = (cohorts.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));

  const runBulk = async (
    body: { action: "assign"; responsibleId: string | null } | { action: "move"; cohortId: string },
  ) => {
    try {
      const result = await bulk.mutateAsync({ ...body, ids: selected });
      setBulkResult(result);
      setSelected(result.results.filter((r) => !r.ok).map((r) => r.id));
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };
  const exportList = async () => {
    setExporting(true);
    try {
      await downloadIncubations(state);
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };
  const names = new Map((list.data?.items ?? []).map((r) => [r.id, r.organization.name]));
  const due = (row: IncubationRow) => (
    <>
      {row.baselineOverdue && <Tag color="red">{t("incubations.baselineOverdue")}</Tag>}
      {row.exitDue && <Tag color="orange">{t("incubations.exitDue")}</Tag>}
    </>
  );

  return (
    <>
      <PageHeader
        title={t("incubations.listTitle")}
        extra={
          <Space wrap>
            <Link to="/incubations/cohorts">
              <Button icon={<SettingOutlined aria-hidden />}>{t("incubations.settingsLink")}</Button>
            </Link>
            <Button
              icon={<DownloadOutlined aria-hidden />}
              loading={exporting}
              onClick={() => void exportList()}
            >
              {t("incubations.export")}
            </Button>
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEnrolling(true)}>
              {t("incubations.enrol")}
            </Button>
          </Space>
        }
      />
      <EnrolDialog open={enrolling} onClose={() => setEnrolling(false)} />
      <FilterBar<Filters>
        name="incubationFilters"
        label={t("incubations.filter.label")}
        value={filters}
        onSearch={(f) => update({ ...f, page: 1 })}
        fields={[
          {
            name: "q",
            label: t("incubations.filter.q"),
            primary: true,
            control: <Input allowClear maxLength={100} />,
          },
          {
            name: "cohortId",
            label: t("incubations.attr.cohort"),
            primary: true,
            control: <Select allowClear placeholder={t("incubations.filter.any")} options={cohortOptions} />,
          },
          {
            name: "status",
            label: t("incubations.attr.status"),
            primary: true,
            control: (
              <Select
                mode="multiple"
                allowClear
                placeholder={t("incubations.filter.any")}
                options={INCUBATION_STATUSES.map((s) => ({ value: s, label: labels.status[s] }))}
              />
            ),
          },
          {
            name: "due",
            label: t("incubations.attr.due"),
            control: (
              <Select
                allowClear
                placeholder={t("incubations.filter.any")}
                options={INCUBATION_DUE.map((d) => ({ value: d, label: t(`incubations.filter.due.${d}`) }))}
              />
            ),
          },
          {
            name: "track",
            label: t("incubations.attr.track"),
            control: (
              <Select
                allowClear
                placeholder={t("incubations.filter.any")}
                options={TRACKS.map((k) => ({ value: k, label: recruitment.track[k] }))}
              />
            ),
          },
          {
            name: "residency",
            label: t("incubations.attr.residency"),
            control: (
              <Select
                allowClear
                placeholder={t("incubations.filter.any")}
                options={RESIDENCIES.map((r) => ({ value: r, label: labels.residency[r] }))}
              />
            ),
          },
          {
            name: "responsibleId",
            label: t("incubations.attr.responsible"),
            control: <StaffSelect placeholder={t("incubations.filter.any")} />,
          },
        ]}
      />
      {selected.length > 0 && (
        <Space
          wrap
          style={{ marginBottom: 12 }}
          aria-label={t("incubations.bulk.selected", { count: selected.length })}
        >
          <strong>{t("incubations.bulk.selected", { count: selected.length })}</strong>
          <StaffSelect
            style={{ minWidth: 180 }}
            placeholder={t("incubations.bulk.assign")}
            aria-label={t("incubations.bulk.assign")}
            value={null}
            onChange={(v) => void runBulk({ action: "assign", responsibleId: v ?? null })}
          />
          <Select
            style={{ minWidth: 180 }}
            placeholder={t("incubations.bulk.move")}
            aria-label={t("incubations.bulk.move")}
            value={null}
            options={cohortOptions}
            onChange={(v) => v && void runBulk({ action: "move", cohortId: v })}
          />
        </Space>
      )}
      {bulkResult && (
        <Alert
          closable
          onClose={() => setBulkResult(null)}
          style={{ marginBottom: 12 }}
          type={bulkResult.failed ? "warning" : "success"}
          showIcon
          message={t("incubations.bulk.result", bulkResult)}
          description={
            bulkResult.failed ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {bulkResult.results
                  .filter((r) => !r.ok)
                  .map((r) => (
                    <li key={r.id}>
                      {names.get(r.id) ?? r.id}：{r.message}
                    </li>
                  ))}
              </ul>
            ) : null
          }
        />
      )}
      <ListResults<IncubationRow, (typeof INCUBATION_SORTS)[number]>
        result={list}
        state={state}
        onChange={update}
        sort={{ keys: INCUBATION_SORTS, fallback: "startOn", label: (key) => t(`incubations.sort.${key}`) }}
        selection={{
          selected,
          onSelect: setSelected,
          label: (row) => t("incubations.bulk.select", { name: row.organization.name }),
          allLabel: t("incubations.bulk.selectAll"),
        }}
        // No `scroll` (as the intake queue): antd's measure row would repeat the select-all
        // checkbox inside aria-hidden; the header sticks under the app's header by CSS.
        table={{
          scroll: undefined,
          styles: { header: { cell: { position: "sticky", top: 64, zIndex: 3 } } },
        }}
        renderCard={(row) => (
          <>
            <Link to={`/incubations/${row.id}`} style={{ fontWeight: 600 }}>
              {row.organization.name}
            </Link>{" "}
            <IncubationStatusTag status={row.status as IncubationStatus} /> {due(row)}
            <CardFacts
              facts={[
                [t("incubations.attr.cohort"), row.cohort.name],
                [t("incubations.attr.track"), recruitment.track[row.track]],
                [t("incubations.attr.plannedEndOn"), formatDate(row.plannedEndOn)],
                [t("incubations.attr.responsible"), row.responsible?.name ?? t("common.empty")],
              ]}
            />
          </>
        )}
        columns={[
          {
            key: "name",
            title: t("incubations.attr.organization"),
            render: (_: unknown, row: IncubationRow) => (
              <span>
                <Link to={`/incubations/${row.id}`}>{row.organization.name}</Link>
                <div style={{ fontSize: 12, color: "rgba(0,0,0,0.65)" }}>
                  {recruitment.track[row.track]} · {labels.residency[row.residency]}
                </div>
              </span>
            ),
          },
          {
            key: "cohort",
            title: t("incubations.attr.cohort"),
            width: 140,
            render: (_: unknown, row: IncubationRow) => row.cohort.name,
          },
          {
            key: "status",
            title: t("incubations.attr.status"),
            width: 190,
            render: (_: unknown, row: IncubationRow) => (
              <Space size={4} wrap>
                <IncubationStatusTag status={row.status as IncubationStatus} />
                {due(row)}
              </Space>
            ),
          },
          {
            key: "startOn",
            title: t("incubations.attr.startOn"),
            width: 120,
            render: (_: unknown, row: IncubationRow) => formatDate(row.startOn),
          },
          {
            key: "plannedEndOn",
            title: t("incubations.attr.plannedEndOn"),
            width: 130,
            render: (_: unknown, row: IncubationRow) => formatDate(row.endedOn ?? row.plannedEndOn),
          },
          {
            key: "responsible",
            title: t("incubations.attr.responsible"),
            width: 110,
            responsive: ["lg"],
            render: (_: unknown, row: IncubationRow) => row.responsible?.name ?? t("common.empty"),
          },
        ]}
      />
    </>
  );
}
