/** 直接入孵: staff enrol an organization of the base without an admission, with a reason. */
import { App, Form, Input, Modal, Select } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { TRACKS, type Track } from "../../../../../domain/call";
import { RESIDENCIES, type Residency } from "../../../../../domain/incubation/lifecycle";
import { useCohorts, useEnrol } from "../../../../api/incubation/incubations";
import { DateInput } from "../../../../components/DateInput";
import { OrganizationSelect } from "../../../../components/OrganizationSelect";
import { useRecruitmentLabels } from "../../../../components/recruitmentLabels";
import { errorMessage, showFieldError } from "../../../../components/serverErrors";
import { useIncubationLabels } from "./labels";
import { StaffSelect } from "./StaffSelect";

interface Values {
  organizationId: string;
  track: Track;
  residency: Residency;
  cohortId: string;
  startOn: string;
  responsibleId?: string | null;
  reason: string;
}

const FIELDS = ["organizationId", "track", "residency", "cohortId", "startOn", "responsibleId", "reason"];

export function EnrolDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const labels = useIncubationLabels();
  const recruitment = useRecruitmentLabels();
  const cohorts = useCohorts(open);
  const enrol = useEnrol();
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

  const submit = async (values: Values) => {
    try {
      const created = await enrol.mutateAsync(values);
      void message.success(t("incubations.enrolled"));
      onClose();
      form.resetFields();
      navigate(`/incubations/${created.id}`);
    } catch (error) {
      if (!showFieldError(form, error, FIELDS)) void message.error(errorMessage(error));
    }
  };

  return (
    <Modal
      open={open}
      title={t("incubations.enrolTitle")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("incubations.enrol")}
      confirmLoading={enrol.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ residency: "virtual", track: "org", startOn: today }}
      >
        <Form.Item
          name="organizationId"
          label={t("incubations.attr.organization")}
          rules={[{ required: true }]}
        >
          <OrganizationSelect />
        </Form.Item>
        <Form.Item name="track" label={t("incubations.attr.track")} rules={[{ required: true }]}>
          <Select options={TRACKS.map((k) => ({ value: k, label: recruitment.track[k] }))} />
        </Form.Item>
        <Form.Item name="residency" label={t("incubations.attr.residency")} rules={[{ required: true }]}>
          <Select options={RESIDENCIES.map((r) => ({ value: r, label: labels.residency[r] }))} />
        </Form.Item>
        <Form.Item name="cohortId" label={t("incubations.attr.cohort")} rules={[{ required: true }]}>
          <Select options={(cohorts.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="startOn" label={t("incubations.attr.startOn")} rules={[{ required: true }]}>
          <DateInput min="2000-01-01" max="2100-12-31" />
        </Form.Item>
        <Form.Item name="responsibleId" label={t("incubations.attr.responsible")}>
          <StaffSelect />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t("incubations.reason")}
          extra={t("incubations.enrolReasonHelp")}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
