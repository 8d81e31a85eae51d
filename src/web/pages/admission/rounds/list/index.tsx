/** 评审轮次: the base's review rounds (list-page kit) and the form that creates one. */

import { PlusOutlined } from "@ant-design/icons";
import {
  App,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Switch,
  type TableProps,
} from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { RANK_METHODS } from "../../../../../domain/review/track-ranking";
import { type Round, ZRoundQuery } from "../../../../../schemas/admission/rounds";
import { useCreateRound, useRoundList } from "../../../../api/admission/rounds";
import { isApiError } from "../../../../api/client";
import { useCallList } from "../../../../api/recruitment/calls";
import { formatDateTime } from "../../../../components/format";
import { ToneTag } from "../../../../components/labels";
import { ListResults } from "../../../../components/list/ListResults";
import { useUrlQuery } from "../../../../components/list/useUrlQuery";
import { PageHeader } from "../../../../components/PageHeader";

export function RoundStatusTag({ status }: { status: Round["status"] }) {
  const { t } = useTranslation();
  return (
    <ToneTag tone={({ draft: "default", open: "blue", closed: "green" } as const)[status]}>
      {t(`rounds.statusName.${status}`)}
    </ToneTag>
  );
}

export default function RoundListPage() {
  const { t } = useTranslation();
  const { state, update } = useUrlQuery(ZRoundQuery);
  const list = useRoundList(state);
  const [creating, setCreating] = useState(false);
  const columns: TableProps<Round>["columns"] = [
    {
      key: "title",
      title: t("rounds.title"),
      render: (_, r) => <Link to={`/rounds/${r.id}`}>{r.title}</Link>,
    },
    { key: "call", title: t("rounds.call"), render: (_, r) => r.callTitle },
    {
      key: "status",
      title: t("rounds.status"),
      width: 110,
      render: (_, r) => <RoundStatusTag status={r.status} />,
    },
    {
      key: "deadline",
      title: t("rounds.deadline"),
      width: 170,
      render: (_, r) => formatDateTime(r.deadline),
    },
    {
      key: "progress",
      title: t("rounds.tabs.progress"),
      width: 220,
      render: (_, r) => (
        <span>
          {t("rounds.counts", { subjects: r.subjectCount, experts: r.expertCount })}
          <br />
          {t("rounds.progress", { submitted: r.submittedCount, total: r.reviewCount })}
        </span>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t("rounds.listTitle")}
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {t("rounds.create")}
          </Button>
        }
      />
      <ListResults
        result={list}
        state={state}
        onChange={update}
        columns={columns}
        renderCard={(r) => (
          <>
            <Link to={`/rounds/${r.id}`} style={{ fontWeight: 600, fontSize: 15 }}>
              {r.title}
            </Link>{" "}
            <RoundStatusTag status={r.status} />
            <div style={{ fontSize: 13 }}>{r.callTitle}</div>
            <div style={{ fontSize: 13 }}>
              {t("rounds.deadline")}：{formatDateTime(r.deadline)} ·{" "}
              {t("rounds.progress", { submitted: r.submittedCount, total: r.reviewCount })}
            </div>
          </>
        )}
        empty={t("rounds.empty")}
      />
      {creating && <CreateRound onClose={() => setCreating(false)} />}
    </>
  );
}

interface Values {
  callId: string;
  title: string;
  reviewsPerSubject: number;
  deadline: Dayjs;
  method: (typeof RANK_METHODS)[number];
  revealAfterSubmit: boolean;
}

function CreateRound({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const calls = useCallList({ page: 1, pageSize: 100 });
  const create = useCreateRound();
  const finish = async (values: Values) => {
    try {
      // The wall-clock time picked is Beijing time (UTC+8, no daylight saving).
      const deadline = `${values.deadline.format("YYYY-MM-DDTHH:mm")}:00+08:00`;
      const round = await create.mutateAsync({ ...values, deadline });
      onClose();
      navigate(`/rounds/${round.id}`);
    } catch (error) {
      if (isApiError(error) && error.field)
        form.setFields([{ name: error.field as keyof Values, errors: [error.message] }]);
      else void message.error(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Modal
      open
      title={t("rounds.create")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okText={t("common.save")}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={finish}
        initialValues={{ reviewsPerSubject: 3, method: "mean", revealAfterSubmit: false }}
      >
        <Form.Item name="callId" label={t("rounds.call")} rules={[{ required: true }]}>
          <Select
            loading={calls.isLoading}
            options={(calls.data?.items ?? [])
              .filter((c) => c.status !== "draft")
              .map((c) => ({ value: c.id, label: c.title }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t("rounds.title")} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="reviewsPerSubject" label={t("rounds.k")} rules={[{ required: true }]}>
          <InputNumber min={1} max={20} precision={0} />
        </Form.Item>
        <Form.Item name="deadline" label={t("rounds.deadline")} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Form.Item name="method" label={t("rounds.method")}>
          <Select options={RANK_METHODS.map((m) => ({ value: m, label: t(`rounds.methodName.${m}`) }))} />
        </Form.Item>
        <Form.Item name="revealAfterSubmit" label={t("rounds.revealAfterSubmit")} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
