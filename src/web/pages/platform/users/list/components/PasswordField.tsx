import { Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { passwordProblems } from "../../../../../../domain/password-policy";
import { PASSWORD_PROBLEM_MESSAGES } from "../../../../../../schemas/messages";
import { currentLanguage } from "../../../../../i18n/language";

/** A new-password input with the policy shown up front and checked as the user types. */
export function PasswordField({
  name,
  label,
  identity,
}: {
  name: string;
  label: string;
  identity?: () => (string | null | undefined)[];
}) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={name}
      label={label}
      extra={t("password.policy")}
      validateDebounce={300}
      rules={[
        { required: true, message: t("login.passwordRequired") },
        {
          validator: async (_rule, value: string | undefined) => {
            if (!value) return;
            const problems = passwordProblems(value, identity?.() ?? []);
            if (problems.length > 0) {
              const lang = currentLanguage();
              throw new Error(
                problems.map((p) => PASSWORD_PROBLEM_MESSAGES[p][lang]).join(lang === "en" ? "; " : ";"),
              );
            }
          },
        },
      ]}
    >
      <Input.Password autoComplete="new-password" maxLength={128} />
    </Form.Item>
  );
}
