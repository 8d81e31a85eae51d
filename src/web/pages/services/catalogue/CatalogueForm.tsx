/**
 * One catalogue service's form (staff): add a service, or edit or retire one at the version read.
 * A stale save shows the conflict banner and keeps what was typed (useVersionedForm). A default
 * partner is asked for only when partners handle the service (the server drops it otherwise).
 */
import { Button, Flex, Form, Input, InputNumber, Radio, Select } from "antd";
import { useTranslation } from "react-i18next";
import { AUDIENCES, SERVICE_CATEGORIES } from "../../../../domain/services/categories";
import { CATALOGUE_STATUSES, HANDLER_KINDS, SERVICE_LIMITS } from "../../../../domain/services/request";
import { SERVICE_CATEGORY_LABELS } from "../../../../schemas/labels";
import type { Lang } from "../../../../schemas/messages";
import type { CatalogueEntry, CatalogueInput } from "../../../../schemas/services/catalogue";
import { SERVICE_LABELS } from "../../../../schemas/services/labels";
import { fetchCatalogueEntry, useHandlerOptions, useSaveCatalogueEntry } from "../../../api/services/desk";
import { showFieldError } from "../../../components/serverErrors";
import { useVersionedForm } from "../../../components/useVersionedForm";

type Values = Omit<CatalogueInput, "defaultPartnerId"> & {
  defaultPartnerId?: string | null;
  status: CatalogueEntry["status"];
};

const FIELDS = [
  "category",
  "name",
  "description",
  "audiences",
  "handlerKind",
  "defaultPartnerId",
  "responseDays",
];

const toValues = (e: CatalogueEntry): Values => ({
  category: e.category,
  name: e.name,
  description: e.description,
  audiences: e.audiences,
  handlerKind: e.handlerKind,
  defaultPartnerId: e.defaultPartnerId,
  responseDays: e.responseDays,
  status: e.status,
});

export function CatalogueForm({
  entry,
  category,
  onDone,
}: {
  /** The service edited; none for a new one. */
  entry: CatalogueEntry | null;
  /** A new service's category (the section it was added from). */
  category?: CatalogueEntry["category"];
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language === "en" ? "en" : "zh-CN") as Lang;
  const labels = SERVICE_LABELS[lang];
  const [form] = Form.useForm<Values>();
  const save = useSaveCatalogueEntry(entry?.id ?? null);
  const handlers = useHandlerOptions(true);
  const handlerKind = Form.useWatch("handlerKind", form);
  const versioned = useVersionedForm<Values, CatalogueEntry>({
    form,
    original: entry ?? undefined,
    fetchLatest: fetchCatalogueEntry,
    toFormValues: toValues,
    showFieldError: (error) => showFieldError(form, error, FIELDS),
    keptMineMessage: t("serviceDesk.catalogue.keptMine"),
  });

  const submit = async (values: Values) => {
    versioned.clearFormError();
    const body = {
      ...values,
      defaultPartnerId: values.handlerKind === "partner" ? (values.defaultPartnerId ?? null) : null,
    };
    try {
      await save.mutateAsync(entry ? { ...body, version: versioned.version } : body);
      versioned.saved();
      onDone();
    } catch (error) {
      versioned.saveFailed(error);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="catalogueEntry"
      initialValues={
        entry
          ? toValues(entry)
          : {
              category: category ?? "consulting",
              audiences: ["resident", "virtual"],
              handlerKind: "staff",
              responseDays: 3,
              status: "active",
              description: "",
            }
      }
      onValuesChange={versioned.markDirty}
      onFinish={(v) => void submit(v)}
    >
      {versioned.banners}
      <Form.Item name="name" label={t("serviceDesk.catalogue.name")} rules={[{ required: true, max: 60 }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="category" label={t("serviceDesk.category")} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={SERVICE_CATEGORIES.map((c) => ({ value: c, label: SERVICE_CATEGORY_LABELS[lang][c] }))}
        />
      </Form.Item>
      <Form.Item name="description" label={t("serviceDesk.catalogue.description")} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item
        name="audiences"
        label={t("serviceDesk.catalogue.audiences")}
        extra={t("serviceDesk.catalogue.audiencesHelp")}
        rules={[{ required: true, type: "array", min: 1 }]}
      >
        <Select mode="multiple" options={AUDIENCES.map((a) => ({ value: a, label: labels.audience[a] }))} />
      </Form.Item>
      <Form.Item
        name="handlerKind"
        label={t("serviceDesk.catalogue.handlerKind")}
        rules={[{ required: true }]}
      >
        <Radio.Group
          optionType="button"
          options={HANDLER_KINDS.map((k) => ({ value: k, label: labels.handlerKind[k] }))}
        />
      </Form.Item>
      {handlerKind === "partner" && (
        <Form.Item
          name="defaultPartnerId"
          label={t("serviceDesk.catalogue.defaultPartner")}
          extra={t("serviceDesk.catalogue.defaultPartnerHelp")}
        >
          <Select
            allowClear
            loading={handlers.isLoading}
            options={(handlers.data?.partners ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
      )}
      <Form.Item
        name="responseDays"
        label={t("serviceDesk.catalogue.responseDays")}
        extra={t("serviceDesk.catalogue.responseDaysHelp")}
        rules={[{ required: true }]}
      >
        <InputNumber min={1} max={SERVICE_LIMITS.responseDays} precision={0} style={{ width: 160 }} />
      </Form.Item>
      {entry && (
        <Form.Item
          name="status"
          label={t("serviceDesk.catalogue.status")}
          extra={t("serviceDesk.catalogue.statusHelp")}
        >
          <Radio.Group
            optionType="button"
            options={CATALOGUE_STATUSES.map((s) => ({ value: s, label: labels.catalogueStatus[s] }))}
          />
        </Form.Item>
      )}
      <Flex gap={8} justify="flex-end">
        <Button onClick={onDone}>{t("common.cancel")}</Button>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t("serviceDesk.catalogue.save")}
        </Button>
      </Flex>
    </Form>
  );
}
