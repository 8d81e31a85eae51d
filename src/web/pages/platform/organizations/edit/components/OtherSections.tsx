import { Card, Col, Form, Input, InputNumber, Row, Select, Switch } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useTowns } from "../../../../../api/platform/reference";
import { useTownOptions } from "../../../../../components/options";
import type { OrganizationFormValues } from "../formValues";
import { lengthRule, MAX_COUNT, mobileRule } from "../rules";

/** 服务区域: the town, then the communities of that town. */
export function AreaSection() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<OrganizationFormValues>();
  const townId = Form.useWatch("townId", form);
  const towns = useTowns();
  const townOptions = useTownOptions(towns.data);
  const communityOptions = useMemo(
    () =>
      (towns.data?.find((town) => town.id === townId)?.communities ?? []).map((c) => ({
        value: c.id,
        label: c.name,
      })),
    [towns.data, townId],
  );

  return (
    <Card title={<h2 className="hatchery-card-title">{t("organization.sections.area")}</h2>}>
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item name="townId" label={t("organization.attr.townId")}>
            <Select
              allowClear
              loading={towns.isPending}
              placeholder={t("organization.form.selectPlaceholder")}
              showSearch={{ optionFilterProp: "label" }}
              options={townOptions}
              onChange={() => form.setFieldValue("communityIds", [])}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="communityIds" label={t("organization.attr.communityIds")}>
            <Select
              mode="multiple"
              allowClear
              disabled={!townId}
              placeholder={
                townId ? t("organization.form.communityPlaceholder") : t("organization.form.selectTownFirst")
              }
              showSearch={{ optionFilterProp: "label" }}
              options={communityOptions}
            />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="address"
            label={t("organization.attr.address")}
            rules={[lengthRule(undefined, 200)]}
          >
            <Input maxLength={200} autoComplete="street-address" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

/** 联系方式: who leads and who to call. */
export function ContactSection({ maskedPhone }: { maskedPhone: string | null }) {
  const { t } = useTranslation();
  return (
    <Card title={<h2 className="hatchery-card-title">{t("organization.sections.contact")}</h2>}>
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item
            name="leaderName"
            label={t("organization.attr.leaderName")}
            rules={[lengthRule(undefined, 50)]}
          >
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="contactName"
            label={t("organization.attr.contactName")}
            rules={[lengthRule(undefined, 50)]}
          >
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="contactPhone"
            label={t("organization.attr.contactPhone")}
            rules={[mobileRule]}
            validateDebounce={300}
            extra={
              maskedPhone
                ? t("organization.form.phoneMaskedHelp", { masked: maskedPhone })
                : t("organization.form.phoneHelp")
            }
          >
            <Input inputMode="tel" maxLength={20} autoComplete="off" placeholder={maskedPhone ?? undefined} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

/** 人员与党建: staff, volunteers and party building. */
export function PeopleSection() {
  const { t } = useTranslation();
  const count = { min: 0, max: MAX_COUNT, precision: 0, style: { width: "100%" } } as const;
  return (
    <Card title={<h2 className="hatchery-card-title">{t("organization.sections.people")}</h2>}>
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item name="staffCount" label={t("organization.attr.staffCount")}>
            <InputNumber {...count} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="volunteerCount" label={t("organization.attr.volunteerCount")}>
            <InputNumber {...count} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="partyOrganization"
            label={t("organization.attr.partyOrganization")}
            valuePropName="checked"
          >
            <Switch checkedChildren={t("common.yes")} unCheckedChildren={t("common.no")} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="partyMemberCount" label={t("organization.attr.partyMemberCount")}>
            <InputNumber {...count} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
