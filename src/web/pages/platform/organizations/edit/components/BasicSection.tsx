import { Card, Col, Form, Input, Radio, Row, Select } from "antd";
import { useTranslation } from "react-i18next";
import {
  creditCodeRequired,
  EARLIEST_FOUNDING_DATE,
  REGISTRATION_STATUSES,
  RESIDENCIES,
} from "../../../../../../domain/organization";
import { useHubOrganizations } from "../../../../../api/platform/reference";
import { DateInput } from "../../../../../components/DateInput";
import { useFieldOptions } from "../../../../../components/options";
import type { OrganizationFormValues } from "../formValues";
import { creditCodeRule, foundedOnRule, latestFoundingDate, lengthRule, requiredRule } from "../rules";

/** 基本信息: identity, registration, fields and incubation status. */
export function BasicSection({ administrative }: { administrative: boolean }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<OrganizationFormValues>();
  const status = Form.useWatch("registrationStatus", form);
  const hubs = useHubOrganizations();
  const fieldOptions = useFieldOptions();
  const adminHelp = administrative ? undefined : t("organization.form.adminOnly");

  return (
    <Card title={<h2 className="hatchery-card-title">{t("organization.sections.basic")}</h2>}>
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item
            name="name"
            label={t("organization.attr.name")}
            rules={[requiredRule(), lengthRule(2, 100)]}
          >
            <Input maxLength={100} placeholder={t("organization.form.namePlaceholder")} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="registrationStatus"
            label={t("organization.attr.registrationStatus")}
            rules={[requiredRule()]}
            extra={adminHelp}
          >
            <Select
              disabled={!administrative}
              options={REGISTRATION_STATUSES.map((s) => ({ value: s, label: t(`registrationStatus.${s}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="creditCode"
            label={t("organization.attr.creditCode")}
            required={!!status && creditCodeRequired(status)}
            dependencies={["registrationStatus"]}
            rules={[creditCodeRule(() => form.getFieldValue("registrationStatus"))]}
            validateDebounce={300}
            hasFeedback
            extra={t("organization.form.creditCodeHelp")}
            normalize={(value: string) => value.toUpperCase()}
          >
            <Input maxLength={18} autoComplete="off" spellCheck={false} style={{ fontFamily: "monospace" }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="foundedOn" label={t("organization.attr.foundedOn")} rules={[foundedOnRule()]}>
            <DateInput min={EARLIEST_FOUNDING_DATE} max={latestFoundingDate()} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="fields" label={t("organization.attr.fields")}>
            <Select
              mode="multiple"
              allowClear
              options={fieldOptions}
              placeholder={t("organization.form.fieldsPlaceholder")}
              showSearch={{ optionFilterProp: "label" }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="residency" label={t("organization.attr.residency")} extra={adminHelp}>
            <Radio.Group
              aria-label={t("organization.attr.residency")}
              disabled={!administrative}
              options={RESIDENCIES.map((r) => ({ value: r, label: t(`residency.${r}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="hubOrganizationId"
            label={t("organization.attr.hubOrganizationId")}
            extra={adminHelp}
          >
            <Select
              allowClear
              disabled={!administrative}
              loading={hubs.isPending}
              placeholder={t("organization.form.nonePlaceholder")}
              showSearch={{ optionFilterProp: "label" }}
              options={(hubs.data ?? []).map((hub) => ({ value: hub.id, label: hub.name }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="description"
            label={t("organization.attr.description")}
            rules={[lengthRule(undefined, 2000)]}
          >
            <Input.TextArea
              rows={4}
              maxLength={2000}
              showCount
              placeholder={t("organization.form.descriptionPlaceholder")}
            />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
