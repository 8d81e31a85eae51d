/**
 * New-password inputs: the policy shown up front and checked as the user types. One field where
 * an administrator sets a password for someone else; the field and its confirmation where users
 * choose their own (changing it, or resetting a forgotten one).
 */
import { Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { passwordProblems } from "../../domain/password-policy";
import { PASSWORD_PROBLEM_MESSAGES } from "../../schemas/messages";
import { fieldMessage } from "../i18n";
import { currentLanguage } from "../i18n/language";

/** Names, account names or mobiles the password must not contain (the policy's identity check). */
type Identity = () => (string | null | undefined)[];

export function PasswordField({
  name,
  label,
  identity,
}: {
  name: string;
  label: string;
  identity?: Identity;
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

/**
 * `newPassword` and `confirmPassword`, for users choosing their own: typed twice, since a slip
 * would leave them with a password nobody knows. The form sends `newPassword` only.
 */
export function NewPasswordFields({ identity }: { identity?: Identity }) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordField name="newPassword" label={t("password.new")} identity={identity} />
      <Form.Item
        name="confirmPassword"
        label={t("password.confirm")}
        dependencies={["newPassword"]}
        rules={[
          { required: true, message: fieldMessage("required") },
          ({ getFieldValue }) => ({
            validator: async (_rule, value: string | undefined) => {
              if (value && value !== getFieldValue("newPassword")) throw new Error(t("password.mismatch"));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
    </>
  );
}
