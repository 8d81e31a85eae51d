import { EyeInvisibleOutlined, EyeOutlined } from "@ant-design/icons";
import { Form, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import { isValidMobile, normalizeMobile } from "../../../../domain/phone";
import type { RegistrationBase } from "../../../../schemas/recruitment/registration";
import { isApiError } from "../../../api/client";
import { requestPhoneCode } from "../../../api/recruitment/registration";
import { PhoneCodeFields } from "../../../components/PhoneCodeFields";
import { errorMessage } from "../../../components/serverErrors";
import { lengthRule, mobileRule, requiredRule } from "../../platform/organizations/edit/rules";

/** The show/hide eye, with padding that makes it a ~40 px tap target without a taller input. */
function passwordToggle(visible: boolean) {
  const Icon = visible ? EyeOutlined : EyeInvisibleOutlined;
  return (
    <span style={{ padding: 12, margin: -12, display: "inline-flex", cursor: "pointer" }}>
      <Icon />
    </span>
  );
}

/**
 * The account part of both registrations (an organization's applicant, an individual): the base
 * when there are several to choose from, the phone with its code, the name, the password twice,
 * the email. An individual's name is their own, and their email carries training notices.
 */
export function AccountFields({ bases, individual }: { bases?: RegistrationBase[]; individual?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {bases && (
        <Form.Item
          name="baseId"
          label={t("registration.base")}
          rules={[{ required: true, message: t("registration.baseRequired") }]}
        >
          <Select options={bases.map((b) => ({ value: b.id, label: b.name }))} />
        </Form.Item>
      )}
      <PhoneCodeFields
        name="mobile"
        label={t("registration.mobile")}
        rules={[requiredRule(), mobileRule]}
        input={{
          inputMode: "tel",
          autoComplete: "tel",
          maxLength: 20,
          placeholder: t("registration.mobilePlaceholder"),
        }}
        toRequest={(value) => (isValidMobile(value) ? normalizeMobile(value) : null)}
        send={requestPhoneCode}
        sentHint={(mobile, minutes) => t("registration.codeSent", { mobile, minutes })}
        errorText={(error) =>
          isApiError(error) && error.code === "duplicate"
            ? t("registration.mobileTaken")
            : errorMessage(error)
        }
      />
      <Form.Item
        name="displayName"
        label={t("registration.displayName")}
        rules={[requiredRule(), lengthRule(1, 50)]}
      >
        <Input
          maxLength={50}
          autoComplete="name"
          placeholder={individual ? undefined : t("registration.displayNamePlaceholder")}
        />
      </Form.Item>
      <Form.Item
        name="password"
        label={t("registration.password")}
        extra={t("registration.passwordHint")}
        rules={[requiredRule()]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} iconRender={passwordToggle} />
      </Form.Item>
      <Form.Item
        name="passwordConfirm"
        label={t("registration.passwordConfirm")}
        dependencies={["password"]}
        rules={[
          requiredRule(),
          ({ getFieldValue }) => ({
            validator: async (_rule, value: string | undefined) => {
              if (value && value !== getFieldValue("password"))
                throw new Error(t("registration.passwordMismatch"));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} iconRender={passwordToggle} />
      </Form.Item>
      <Form.Item
        name="email"
        label={t("registration.email")}
        extra={individual ? t("people.emailHint") : t("registration.emailHint")}
        rules={[{ type: "email", message: t("registration.emailInvalid") }]}
      >
        <Input inputMode="email" autoComplete="email" maxLength={100} />
      </Form.Item>
    </>
  );
}
