/** 安排考察 / 修改安排: when (Beijing time), on site or online, where, and who inspects. */
import { DatePicker, Form, Input, Modal, Radio, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { INSPECTION_MODES, type InspectionMode } from "../../../../../domain/inspection";
import {
  useEditPlan,
  useInspectorCandidates,
  usePlanInspection,
} from "../../../../api/admission/inspections";
import { dayjs } from "../../../../components/format";
import { errorMessage } from "../../../../components/serverErrors";
import { fieldMessage } from "../../../../i18n";
import { useInspectionLabels } from "./labels";

interface Values {
  scheduledAt: Dayjs;
  mode: InspectionMode;
  place?: string;
  inspectorIds: string[];
}

export function PlanDialog(props: {
  open: boolean;
  onClose: () => void;
  /** A new plan for this application, or a change to this inspection's plan. */
  target:
    | { kind: "new"; applicationId: string; organizationName: string }
    | {
        kind: "edit";
        id: string;
        version: number;
        current: { scheduledAt: string; mode: InspectionMode; place: string | null; inspectorIds: string[] };
      };
  onDone?: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const labels = useInspectionLabels();
  const [form] = Form.useForm<Values>();
  const candidates = useInspectorCandidates(props.open);
  const plan = usePlanInspection();
  const edit = useEditPlan(props.target.kind === "edit" ? props.target.id : "");
  const mode = Form.useWatch("mode", form);
  const busy = plan.isPending || edit.isPending;
  const initial: Partial<Values> =
    props.target.kind === "edit"
      ? {
          scheduledAt: dayjs(props.target.current.scheduledAt).tz("Asia/Shanghai"),
          mode: props.target.current.mode,
          place: props.target.current.place ?? undefined,
          inspectorIds: props.target.current.inspectorIds,
        }
      : { mode: "on_site", inspectorIds: [] };

  const submit = async (values: Values) => {
    const body = {
      // The wall-clock time picked is Beijing time, whatever the device's zone.
      scheduledAt: dayjs.tz(values.scheduledAt.format("YYYY-MM-DDTHH:mm:00"), "Asia/Shanghai").format(),
      mode: values.mode,
      place: values.place?.trim() || null,
      inspectorIds: values.inspectorIds,
    };
    try {
      if (props.target.kind === "new") {
        const created = await plan.mutateAsync({ ...body, applicationId: props.target.applicationId });
        props.onDone?.(created.id);
      } else {
        await edit.mutateAsync({ ...body, version: props.target.version });
        props.onDone?.(null);
      }
      props.onClose();
    } catch (error) {
      form.setFields([{ name: "inspectorIds", errors: [] }]);
      Modal.error({ title: errorMessage(error) });
    }
  };

  return (
    <Modal
      open={props.open}
      title={
        props.target.kind === "new"
          ? t("inspections.plan.title", { name: props.target.organizationName })
          : t("inspections.plan.editTitle")
      }
      okText={props.target.kind === "new" ? t("inspections.plan.submit") : t("inspections.plan.save")}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="inspectionPlan"
        initialValues={initial}
        onFinish={submit}
      >
        <Form.Item
          name="scheduledAt"
          label={t("inspections.attr.scheduledAt")}
          rules={[{ required: true, message: fieldMessage("required") }]}
        >
          <DatePicker
            showTime={{ format: "HH:mm", minuteStep: 5 }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: "100%" }}
          />
        </Form.Item>
        <Form.Item name="mode" label={t("inspections.attr.mode")} rules={[{ required: true }]}>
          <Radio.Group options={INSPECTION_MODES.map((m) => ({ value: m, label: labels.mode[m] }))} />
        </Form.Item>
        <Form.Item
          name="place"
          label={mode === "online" ? t("inspections.plan.placeOnline") : t("inspections.plan.placeOnSite")}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          name="inspectorIds"
          label={t("inspections.attr.inspectors")}
          extra={t("inspections.plan.inspectorsHelp")}
          rules={[{ required: true, message: fieldMessage("required") }]}
        >
          <Select
            mode="multiple"
            loading={candidates.isPending}
            showSearch={{ optionFilterProp: "label" }}
            options={(candidates.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
