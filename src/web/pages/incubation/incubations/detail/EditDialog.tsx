/** 修改孵化信息: cohort, start, person responsible, residency, desk; with the version (409 → reload). */
import { App, Form, Modal, Select, Switch } from "antd";
import { useTranslation } from "react-i18next";
import { RESIDENCIES, type Residency } from "../../../../../domain/incubation/lifecycle";
import type { Incubation } from "../../../../../schemas/incubation/incubations";
import { isApiError } from "../../../../api/client";
import { useCohorts, useEditIncubation } from "../../../../api/incubation/incubations";
import { DateInput } from "../../../../components/DateInput";
import { errorMessage, showFieldError } from "../../../../components/serverErrors";
import { useIncubationLabels } from "../components/labels";
import { StaffSelect } from "../components/StaffSelect";

interface Values {
  cohortId: string;
  startOn: string;
  responsibleId: string | null;
  residency: Residency;
  needsDesk: boolean;
}

export function EditDialog({
  incubation,
  open,
  onClose,
  onStale,
}: {
  incubation: Incubation;
  open: boolean;
  onClose: () => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const labels = useIncubationLabels();
  const [form] = Form.useForm<Values>();
  const cohorts = useCohorts(open);
  const edit = useEditIncubation(incubation.id);
  const extended = incubation.history.some((h) => h.event === "extend");

  const submit = async (values: Values) => {
    try {
      await edit.mutateAsync({ ...values, version: incubation.version });
      void message.success(t("incubations.edited"));
      onClose();
    } catch (error) {
      if (isApiError(error) && error.status === 409) {
        void message.error(error.message);
        onStale();
        onClose();
      } else if (!showFieldError(form, error, ["cohortId", "startOn", "responsibleId", "residency"])) {
        void message.error(errorMessage(error));
      }
    }
  };

  return (
    <Modal
      open={open}
      title={t("incubations.editTitle")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("common.save")}
      confirmLoading={edit.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{
          cohortId: incubation.cohort.id,
          startOn: incubation.startOn,
          responsibleId: incubation.responsible?.id ?? null,
          residency: incubation.residency,
          needsDesk: incubation.needsDesk,
        }}
      >
        <Form.Item name="cohortId" label={t("incubations.attr.cohort")} rules={[{ required: true }]}>
          <Select
            options={(cohorts.data?.items ?? [incubation.cohort]).map((c) => ({
              value: c.id,
              label: c.name,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="startOn"
          label={t("incubations.attr.startOn")}
          extra={extended ? t("incubations.extendedNote") : undefined}
          rules={[{ required: true }]}
        >
          <DateInput min="2000-01-01" max="2100-12-31" />
        </Form.Item>
        <Form.Item name="responsibleId" label={t("incubations.attr.responsible")}>
          <StaffSelect />
        </Form.Item>
        <Form.Item name="residency" label={t("incubations.attr.residency")}>
          <Select options={RESIDENCIES.map((r) => ({ value: r, label: labels.residency[r] }))} />
        </Form.Item>
        <Form.Item name="needsDesk" label={t("incubations.attr.needsDesk")} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
