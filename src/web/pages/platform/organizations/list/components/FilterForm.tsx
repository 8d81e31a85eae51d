import { Card, Col, Form, Input, Row, Select } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { REGISTRATION_STATUSES, RESIDENCIES } from "../../../../../../domain/organization";
import { useTowns } from "../../../../../api/platform/reference";
import { FilterActions, MoreFiltersButton } from "../../../../../components/FilterActions";
import { useFieldOptions, useTownOptions } from "../../../../../components/options";
import { useIsMobile } from "../../../../../components/useIsMobile";
import type { ListFilters } from "../useListQuery";

interface Props {
  value: ListFilters;
  onSearch: (filters: ListFilters) => void;
}

/** The filter form above the list (ProTable's search area): applied on 查询 or Enter. */
export function FilterForm({ value, onSearch }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ListFilters>();
  const towns = useTowns();
  const townOptions = useTownOptions(towns.data);
  const fieldOptions = useFieldOptions();

  const isMobile = useIsMobile();
  const [expanded, setExpanded] = useState(false);
  const { q, field, townId, registrationStatus, residency } = value;
  // Follow the address bar (back button, reset) without wiping what is being typed on a refetch.
  useEffect(() => {
    form.setFieldsValue({ q, field, townId, registrationStatus, residency });
  }, [form, q, field, townId, registrationStatus, residency]);
  const activeMore = [field, townId, registrationStatus, residency].filter(Boolean).length;
  // On a phone only the keyword shows until 更多筛选 is pressed; the fields stay mounted, so
  // values chosen earlier still apply.
  const more = isMobile && !expanded ? { display: "none" } : undefined;

  const any = t("organization.filter.any");
  return (
    <Card size="small" style={{ marginBottom: 16 }} role="search" aria-label={t("organization.filter.label")}>
      <Form
        form={form}
        name="organizationFilters"
        layout="vertical"
        onFinish={(values) => onSearch({ ...values, q: values.q?.trim() || undefined })}
        style={{ marginBottom: -8 }}
      >
        <Row gutter={16}>
          <Col xs={24} sm={12} lg={8} xl={4} xxl={5}>
            <Form.Item name="q" label={t("organization.filter.q")} style={{ marginBottom: 12 }}>
              <Input allowClear placeholder={t("organization.filter.qPlaceholder")} maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={12} lg={8} xl={4} style={more}>
            <Form.Item name="field" label={t("organization.filter.field")} style={{ marginBottom: 12 }}>
              <Select allowClear placeholder={any} options={fieldOptions} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={12} lg={8} xl={4} style={more}>
            <Form.Item name="townId" label={t("organization.filter.townId")} style={{ marginBottom: 12 }}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: "label" }}
                placeholder={any}
                options={townOptions}
                loading={towns.isPending}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={12} lg={8} xl={4} style={more}>
            <Form.Item
              name="registrationStatus"
              label={t("organization.filter.registrationStatus")}
              style={{ marginBottom: 12 }}
            >
              <Select
                allowClear
                placeholder={any}
                options={REGISTRATION_STATUSES.map((s) => ({
                  value: s,
                  label: t(`registrationStatus.${s}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={12} lg={8} xl={3} style={more}>
            <Form.Item
              name="residency"
              label={t("organization.filter.residency")}
              style={{ marginBottom: 12 }}
            >
              <Select
                allowClear
                placeholder={any}
                options={RESIDENCIES.map((r) => ({ value: r, label: t(`residency.${r}`) }))}
              />
            </Form.Item>
          </Col>
          <Col
            xs={24}
            sm={24}
            lg={8}
            xl={{ flex: "auto" }}
            style={{ display: "flex", alignItems: "flex-end" }}
          >
            <FilterActions
              onReset={() => {
                form.resetFields();
                form.setFieldsValue({
                  q: undefined,
                  field: undefined,
                  townId: undefined,
                  registrationStatus: undefined,
                  residency: undefined,
                });
                onSearch({});
              }}
            >
              {isMobile && (
                <MoreFiltersButton
                  expanded={expanded}
                  active={activeMore}
                  onToggle={() => setExpanded((open) => !open)}
                />
              )}
            </FilterActions>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
