/**
 * 忘记密码: account name or mobile, a texted code, a new password; then back to sign-in. The
 * page says the same whatever was typed: the server does not tell whether an account exists.
 */
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { isValidMobile, normalizeMobile } from "../../../../domain/phone";
import { isApiError } from "../../../api/client";
import { requestResetCode, resetPassword } from "../../../api/platform/auth";
import { useDocumentTitle } from "../../../components/PageHeader";
import { NewPasswordFields } from "../../../components/PasswordFields";
import { PhoneCodeFields } from "../../../components/PhoneCodeFields";
import { errorMessage } from "../../../components/serverErrors";
import { BrandMark } from "../../../layout/BrandMark";
import { LanguageSwitch } from "../../../layout/LanguageSwitch";
import styles from "../login/login.module.css";

interface Values {
  account: string;
  code: string;
  newPassword: string;
  confirmPassword: string;
}

/** A mobile typed as "+86 138-0013-8000" is sent as its 11 digits; a name as it is. */
function accountOf(value: string): string {
  const typed = value.trim();
  return isValidMobile(typed) ? normalizeMobile(typed) : typed;
}

export default function PasswordResetPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  useDocumentTitle(t("passwordReset.title"));

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      resetPassword({
        account: accountOf(values.account),
        code: values.code.trim(),
        newPassword: values.newPassword,
      }),
    onSuccess: (_answer, values) =>
      navigate("/login?reason=reset", { replace: true, state: { username: accountOf(values.account) } }),
    onError: (error) => {
      if (isApiError(error) && (error.field === "code" || error.field === "newPassword")) {
        const left = Number(error.details?.attemptsLeft ?? 0);
        const text =
          error.field === "code" && left > 0
            ? t("passwordReset.attemptsLeft", { message: error.message, count: left })
            : error.message;
        form.setFields([{ name: error.field, errors: [text] }]);
        form.focusField(error.field);
        return;
      }
      setFormError(errorMessage(error));
    },
  });

  return (
    <div className={styles.page}>
      <header className={styles.topBar}>
        <LanguageSwitch />
      </header>
      <main className={styles.main}>
        <div className={styles.brand}>
          <BrandMark size={44} />
          <h1 className={styles.title}>{t("app.title")}</h1>
        </div>
        <Card
          className={styles.card}
          title={<h2 className={styles.cardTitle}>{t("passwordReset.title")}</h2>}
        >
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            {t("passwordReset.intro")}
          </Typography.Paragraph>
          {formError && (
            <Alert type="error" role="alert" showIcon title={formError} style={{ marginBottom: 16 }} />
          )}
          <Form<Values>
            form={form}
            name="passwordReset"
            layout="vertical"
            requiredMark={false}
            onFinish={(values) => {
              setFormError(null);
              mutation.mutate(values);
            }}
          >
            <PhoneCodeFields
              name="account"
              label={t("passwordReset.account")}
              rules={[{ required: true, whitespace: true, message: t("login.usernameRequired") }]}
              input={{
                autoComplete: "username",
                autoCapitalize: "none",
                spellCheck: false,
                maxLength: 64,
                placeholder: t("passwordReset.accountPlaceholder"),
              }}
              toRequest={(value) => accountOf(value) || null}
              send={requestResetCode}
              sentHint={(_account, minutes) => t("passwordReset.codeSent", { minutes })}
            />
            <NewPasswordFields identity={() => [form.getFieldValue("account")]} />
            <Button type="primary" htmlType="submit" size="large" block loading={mutation.isPending}>
              {t("passwordReset.submit")}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 13 }}>
            {t("passwordReset.noMobile")}
          </Typography.Paragraph>
          <nav aria-label={t("passwordReset.backToLogin")} className={styles.links}>
            <Link to="/login" className={styles.tapLink}>
              {t("passwordReset.backToLogin")}
            </Link>
          </nav>
        </Card>
      </main>
      <footer className={styles.footer}>{t("login.footer")}</footer>
    </div>
  );
}
