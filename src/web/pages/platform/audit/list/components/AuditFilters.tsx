import { Card, Col, DatePicker, Form, Input, Row, Select } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AuditQuery } from "../../../../../../schemas/platform/audit";
import { useUserSearch } from "../../../../../api/platform/users";
import { FilterActions } from "../../../../../components/FilterActions";
import { useActionOptions, useEntityOptions } from "../labels";

interface Values {
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

export type AuditFilterValue = Omit<AuditQuery, "page" | "pageSize">;

export function AuditFilters({ onSearch }: { onSearch: (filters: AuditFilterValue) => void }) {
  const { t } = useTranslation();
  const actionOptions = useActionOptions();
  const entityOptions = useEntityOptions();
  const [form] = Form.useForm<Values>();
  const [typed, setTyped] = useState("");
  const [q, setQ] = useState("");
  const [actorOpen, setActorOpen] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const users = useUserSearch(q, actorOpen || q !== "");

  const submit = (values: Values) => {
    const [from, to] = values.range ?? [];
    onSearch({
      actorId: values.actorId,
      action: values.action,
      entityType: values.entityType,
      entityId: values.entityId?.trim() || undefined,
      from: from ? from.toISOString() : undefined,
      to: to ? to.toISOString() : undefined,
    });
  };

  return (
    <Card size="small" style={{ marginBottom: 16 }} role="search" aria-label={t("organization.filter.label")}>
      <Form<Values>
        form={form}
        name="auditFilters"
        layout="vertical"
        onFinish={submit}
        style={{ marginBottom: -8 }}
      >
        <Row gutter={16}>
          <Col xs={24} sm={12} lg={5}>
            <Form.Item name="actorId" label={t("audit.filter.actor")} style={{ marginBottom: 12 }}>
              <Select
                allowClear
                placeholder={t("audit.filter.actorPlaceholder")}
                showSearch={{ filterOption: false, onSearch: setTyped }}
                onOpenChange={setActorOpen}
                loading={users.isFetching}
                options={(users.data?.items ?? []).map((u) => ({
                  value: u.id,
                  label: `${u.displayName}(${u.username})`,
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={4}>
            <Form.Item name="action" label={t("audit.filter.action")} style={{ marginBottom: 12 }}>
              <Select
                allowClear
                placeholder={t("organization.filter.any")}
                showSearch={{ optionFilterProp: "label" }}
                options={actionOptions}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={12} lg={3}>
            <Form.Item name="entityType" label={t("audit.filter.entityType")} style={{ marginBottom: 12 }}>
              <Select allowClear placeholder={t("organization.filter.any")} options={entityOptions} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={12} lg={4}>
            <Form.Item name="entityId" label={t("audit.filter.entityId")} style={{ marginBottom: 12 }}>
              <Input allowClear maxLength={64} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={24} lg={8}>
            <Form.Item name="range" label={t("audit.filter.range")} style={{ marginBottom: 12 }}>
              <DatePicker.RangePicker
                showTime={{ format: "HH:mm" }}
                format="YYYY-MM-DD HH:mm"
                allowEmpty={[true, true]}
                placeholder={[t("audit.filter.rangeStart"), t("audit.filter.rangeEnd")]}
                style={{ width: "100%" }}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <FilterActions
              onReset={() => {
                form.resetFields();
                onSearch({});
              }}
            />
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
