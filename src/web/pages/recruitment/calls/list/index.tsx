import { PlusOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  Empty,
  Form,
  Input,
  Pagination,
  Select,
  Space,
  Spin,
  Table,
  type TableProps,
} from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { APPLICATION_STATUSES } from "../../../../../domain/application";
import { CALL_STATUSES, type CallStatus } from "../../../../../domain/call";
import type { CallSummary } from "../../../../../schemas/recruitment/calls";
import { useCallList } from "../../../../api/recruitment/calls";
import { FilterActions } from "../../../../components/FilterActions";
import { formatDateTime } from "../../../../components/format";
import { PageHeader } from "../../../../components/PageHeader";
import { QueryError } from "../../../../components/QueryError";
import { useRecruitmentLabels } from "../../../../components/recruitmentLabels";
import { useIsMobile } from "../../../../components/useIsMobile";
import { useServerNow } from "../../portal/components/Countdown";
import { CallStatusTag, WindowTag } from "../components/CallTags";

/** 招募管理: the base's calls, their windows and how many applications each has per status. */
export default function CallListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get("status");
  const query = {
    q: params.get("q") ?? undefined,
    status: CALL_STATUSES.find((s) => s === statusParam),
    page: Number(params.get("page")) || 1,
    pageSize: 20,
  };
  const list = useCallList(query);
  const serverNow = list.data?.serverNow;
  const offset = useMemo(() => (serverNow ? Date.parse(serverNow) - Date.now() : 0), [serverNow]);
  const now = useServerNow(offset, 60_000);
  const [form] = Form.useForm<{ q?: string; status?: CallStatus }>();

  const update = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || value === "") next.delete(key);
      else next.set(key, String(value));
    }
    setParams(next);
  };

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
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form
          form={form}
          layout={isMobile ? "vertical" : "inline"}
          initialValues={{ q: query.q, status: query.status }}
          onFinish={(values) => update({ q: values.q?.trim(), status: values.status, page: undefined })}
        >
          <Form.Item name="q" label={t("calls.title")} style={{ marginBottom: 12 }}>
            <Input
              allowClear
              placeholder={t("calls.searchTitle")}
              style={{ width: isMobile ? "100%" : 240 }}
            />
          </Form.Item>
          <Form.Item name="status" label={t("calls.status")} style={{ marginBottom: 12 }}>
            <StatusSelect />
          </Form.Item>
          <FilterActions
            onReset={() => {
              form.setFieldsValue({ q: undefined, status: undefined });
              setParams(new URLSearchParams());
            }}
          />
        </Form>
      </Card>
      {list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : isMobile ? (
        <CallCards items={list.data?.items ?? []} loading={list.isFetching} now={now} />
      ) : (
        <CallTable items={list.data?.items ?? []} loading={list.isFetching} now={now} />
      )}
      {list.data && list.data.total > query.pageSize && (
        <Pagination
          style={{ marginTop: 16, justifyContent: "center" }}
          current={query.page}
          pageSize={query.pageSize}
          total={list.data.total}
          showSizeChanger={false}
          showTotal={(count) => t("common.total", { count })}
          onChange={(page) => update({ page })}
        />
      )}
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

function CallTable({ items, loading, now }: { items: CallSummary[]; loading: boolean; now: number }) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  const columns: TableProps<CallSummary>["columns"] = [
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
  return (
    <Table<CallSummary>
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      locale={{ emptyText: <Empty description={t("calls.empty")} /> }}
    />
  );
}

function CallCards({ items, loading, now }: { items: CallSummary[]; loading: boolean; now: number }) {
  const { t } = useTranslation();
  const labels = useRecruitmentLabels();
  return (
    <Spin spinning={loading}>
      {items.length === 0 && !loading ? (
        <Card>
          <Empty description={t("calls.empty")} />
        </Card>
      ) : (
        <ul style={{ listStyle: "none", padding: 0, margin: 0, display: "grid", gap: 12 }}>
          {items.map((call) => (
            <li key={call.id}>
              <Card size="small">
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
              </Card>
            </li>
          ))}
        </ul>
      )}
    </Spin>
  );
}
