import { PlusOutlined } from "@ant-design/icons";
import { Button, Input, Select, Space, type TableProps } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { APPLICATION_STATUSES } from "../../../../../domain/application";
import { CALL_STATUSES, type CallStatus } from "../../../../../domain/call";
import { type CallListState, type CallSummary, ZCallQuery } from "../../../../../schemas/recruitment/calls";
import { useCallList } from "../../../../api/recruitment/calls";
import { formatDateTime } from "../../../../components/format";
import { FilterBar } from "../../../../components/list/FilterBar";
import { ListResults } from "../../../../components/list/ListResults";
import { useUrlQuery } from "../../../../components/list/useUrlQuery";
import { PageHeader } from "../../../../components/PageHeader";
import { useRecruitmentLabels } from "../../../../components/recruitmentLabels";
import { useServerNow } from "../../portal/components/Countdown";
import { CallStatusTag, WindowTag } from "../components/CallTags";

/** 招募管理: the base's calls, their windows and how many applications each has per status. */
export default function CallListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { state, update } = useUrlQuery(ZCallQuery);
  const list = useCallList(state);
  const serverNow = list.data?.serverNow;
  const offset = useMemo(() => (serverNow ? Date.parse(serverNow) - Date.now() : 0), [serverNow]);
  const now = useServerNow(offset, 60_000);
  const columns = useCallColumns(now);

  return (
    <>
      <PageHeader
        title={t("calls.listTitle")}
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate("/calls/new")}>
            {t("calls.create")}
          </Button>
        }
      />
      <FilterBar<Pick<CallListState, "q" | "status">>
        name="callFilters"
        label={t("organization.filter.label")}
        value={{ q: state.q, status: state.status }}
        onSearch={update}
        fields={[
          {
            name: "q",
            label: t("calls.title"),
            primary: true,
            control: <Input allowClear placeholder={t("calls.searchTitle")} maxLength={100} />,
          },
          { name: "status", label: t("calls.status"), primary: true, control: <StatusSelect /> },
        ]}
      />
      <ListResults
        result={list}
        state={state}
        onChange={update}
        columns={columns}
        renderCard={(call) => <CallCard call={call} now={now} />}
        empty={t("calls.empty")}
      />
    </>
  );
}

function StatusSelect(props: { value?: CallStatus; onChange?: (v: CallStatus | undefined) => void }) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  return (
    <Select
      {...props}
      allowClear
      placeholder={t("calls.allStatuses")}
      style={{ minWidth: 140 }}
      options={CALL_STATUSES.map((s) => ({ value: s, label: labels.callStatus[s] }))}
    />
  );
}

/** "已提交 3 · 退回补充 1": the statuses that have applications, in lifecycle order. */
function Counts({ call }: { call: CallSummary }) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  if (call.applicationCount === 0)
    return <span style={{ color: "rgba(0,0,0,0.55)" }}>{t("calls.noApplications")}</span>;
  const parts = APPLICATION_STATUSES.filter((s) => call.countsByStatus[s]).map(
    (s) => `${labels.applicationStatus[s]} ${call.countsByStatus[s]}`,
  );
  return (
    <Space orientation="vertical" size={0}>
      <Link to={`/applications?callId=${call.id}`}>
        {t("calls.applicationCount", { count: call.applicationCount })}
      </Link>
      <span style={{ fontSize: 12, color: "rgba(0,0,0,0.65)" }}>{parts.join(" · ")}</span>
    </Space>
  );
}

function useCallColumns(now: number): NonNullable<TableProps<CallSummary>["columns"]> {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  return [
    {
      key: "title",
      title: t("calls.title"),
      render: (_, call) => <Link to={`/calls/${call.id}`}>{call.title}</Link>,
    },
    {
      key: "status",
      title: t("calls.status"),
      width: 200,
      render: (_, call) => (
        <Space size={4} wrap>
          <CallStatusTag status={call.status} />
          <WindowTag call={call} now={now} />
        </Space>
      ),
    },
    {
      key: "window",
      title: t("calls.window"),
      width: 190,
      render: (_, call) => (
        <span style={{ fontSize: 13 }}>
          {formatDateTime(call.opensAt)}
          <br />~ {formatDateTime(call.closesAt)}
        </span>
      ),
    },
    {
      key: "tracks",
      title: t("calls.tracks"),
      render: (_, call) => call.tracks.map((x) => labels.track[x]).join(t("common.listSeparator")),
    },
    {
      key: "applications",
      title: t("calls.applications"),
      width: 220,
      render: (_, call) => <Counts call={call} />,
    },
  ];
}

function CallCard({ call, now }: { call: CallSummary; now: number }) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  return (
    <>
      <Link to={`/calls/${call.id}`} style={{ fontWeight: 600, fontSize: 15 }}>
        {call.title}
      </Link>
      <Space size={4} wrap style={{ margin: "8px 0", display: "flex" }}>
        <CallStatusTag status={call.status} />
        <WindowTag call={call} now={now} />
      </Space>
      <div style={{ fontSize: 13 }}>
        {formatDateTime(call.opensAt)} ~ {formatDateTime(call.closesAt)}
      </div>
      <div style={{ fontSize: 13, color: "rgba(0,0,0,0.65)", margin: "4px 0" }}>
        {call.tracks.map((x) => labels.track[x]).join(t("common.listSeparator"))}
      </div>
      <Counts call={call} />
    </>
  );
}
