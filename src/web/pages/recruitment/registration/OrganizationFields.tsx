import { Alert, Form, Input, Radio, Select } from "antd";
import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";
import {
  creditCodeRequired,
  EARLIEST_FOUNDING_DATE,
  foundingDateRequired,
  REGISTRATION_STATUSES,
} from "../../../../domain/organization";
import type { RegistrationBase } from "../../../../schemas/recruitment/registration";
import { DateInput } from "../../../components/DateInput";
import { useFieldOptions, useTownOptions } from "../../../components/options";
import {
  creditCodeRule,
  foundedOnRule,
  latestFoundingDate,
  lengthRule,
  requiredRule,
} from "../../platform/organizations/edit/rules";
import type { RegistrationFormValues } from "./formValues";

/** 申请机构: a new organization (its basic profile) or one the base already has (credit code). */
export function OrganizationFields({ base }: { base: RegistrationBase | undefined }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<RegistrationFormValues>();
  const mode = Form.useWatch(["organization", "mode"], form);
  const status = Form.useWatch(["organization", "registrationStatus"], form);
  const fieldOptions = useFieldOptions();
  const townOptions = useTownOptions(base?.towns.map((town) => ({ ...town, communities: [] })));
  const statusOf = () => form.getFieldValue(["organization", "registrationStatus"]);

  return (
    <>
      <Form.Item name={["organization", "mode"]} label={t("registration.organizationMode")} required>
        <Radio.Group
          aria-label={t("registration.organizationMode")}
          style={{ display: "flex", flexDirection: "column", gap: 8 }}
          options={[
            { value: "new", label: t("registration.modeNew") },
            { value: "existing", label: t("registration.modeExisting") },
          ]}
        />
      </Form.Item>
      {mode === "existing" ? (
        <>
          <Alert type="info" showIcon title={t("registration.existingHint")} style={{ marginBottom: 16 }} />
          <Form.Item
            name={["organization", "creditCode"]}
            label={t("registration.creditCode")}
            required
            rules={[creditCodeRule(() => "social_service_agency")]}
            normalize={(value: string) => value.toUpperCase()}
            validateDebounce={300}
          >
            <CreditCodeInput placeholder={t("registration.creditCodePlaceholder")} />
          </Form.Item>
        </>
      ) : (
        <>
          <Form.Item
            name={["organization", "name"]}
            label={t("registration.organizationName")}
            rules={[requiredRule(), lengthRule(2, 100)]}
          >
            <Input maxLength={100} autoComplete="organization" />
          </Form.Item>
          <Form.Item
            name={["organization", "registrationStatus"]}
            label={t("registration.registrationStatus")}
            rules={[requiredRule()]}
          >
            <Select
              options={REGISTRATION_STATUSES.map((s) => ({ value: s, label: t(`registrationStatus.${s}`) }))}
            />
          </Form.Item>
          {status && creditCodeRequired(status) && (
            <Form.Item
              name={["organization", "creditCode"]}
              label={t("registration.creditCode")}
              required
              dependencies={[["organization", "registrationStatus"]]}
              rules={[creditCodeRule(statusOf)]}
              normalize={(value: string) => value.toUpperCase()}
              validateDebounce={300}
            >
              <CreditCodeInput placeholder={t("registration.creditCodePlaceholder")} />
            </Form.Item>
          )}
          <Form.Item
            name={["organization", "foundedOn"]}
            label={t("registration.foundedOn")}
            required={!!status && foundingDateRequired(status)}
            extra={
              status === "unregistered"
                ? t("registration.foundedOnTeamHint")
                : t("registration.foundedOnHint")
            }
            dependencies={[["organization", "registrationStatus"]]}
            rules={[foundedOnRule(() => foundingDateRequired(statusOf() ?? "unregistered"))]}
          >
            <DateInput min={EARLIEST_FOUNDING_DATE} max={latestFoundingDate()} />
          </Form.Item>
          <Form.Item name={["organization", "townId"]} label={t("registration.town")}>
            <Select allowClear options={townOptions} showSearch={{ optionFilterProp: "label" }} />
          </Form.Item>
          <Form.Item name={["organization", "fields"]} label={t("registration.fields")}>
            <Select
              mode="multiple"
              allowClear
              options={fieldOptions}
              showSearch={{ optionFilterProp: "label" }}
            />
          </Form.Item>
        </>
      )}
    </>
  );
}

function CreditCodeInput(props: ComponentProps<typeof Input>) {
  return (
    <Input
      {...props}
      maxLength={18}
      autoComplete="off"
      spellCheck={false}
      style={{ fontFamily: "monospace" }}
    />
  );
}
