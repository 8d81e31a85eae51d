import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input } from "antd";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from "react-router";
import type { LoginRequest } from "../../../../schemas/platform/auth";
import { login, sessionKey } from "../../../api/platform/auth";
import { useSession } from "../../../auth/session";
import { useDocumentTitle } from "../../../components/PageHeader";
import { errorMessage } from "../../../components/serverErrors";
import { BrandMark } from "../../../layout/BrandMark";
import { LanguageSwitch } from "../../../layout/LanguageSwitch";
import styles from "./login.module.css";

/** Only same-site paths, so a crafted ?next= cannot send the user elsewhere after sign-in. */
function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") && !next.startsWith("/login") ? next : "/";
}

export default function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSession();
  const next = safeNext(params.get("next"));
  const reason = params.get("reason");
  // After 忘记密码 the account just reset is filled in.
  const resetAccount = (useLocation().state as { username?: unknown } | null)?.username;
  useDocumentTitle(t("login.title"));

  const mutation = useMutation({
    mutationFn: (values: LoginRequest) => login(values),
    onSuccess: (data) => {
      queryClient.setQueryData(sessionKey, data);
      navigate(data.user.mustChangePassword ? "/account/password" : next, { replace: true });
    },
  });

  if (session.data && !mutation.isPending && !mutation.isSuccess) return <Navigate to={next} replace />;

  const notice =
    reason === "expired"
      ? t("login.expired")
      : reason === "signedOut"
        ? t("login.signedOut")
        : reason === "reset"
          ? t("passwordReset.done")
          : null;

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
        <Card className={styles.card} title={<h2 className={styles.cardTitle}>{t("login.title")}</h2>}>
          {notice && !mutation.isError && (
            <Alert
              type={reason === "expired" ? "warning" : reason === "reset" ? "success" : "info"}
              title={notice}
              showIcon
              style={{ marginBottom: 16 }}
            />
          )}
          {mutation.isError && (
            <Alert
              type="error"
              role="alert"
              title={errorMessage(mutation.error)}
              showIcon
              style={{ marginBottom: 16 }}
            />
          )}
          <Form<LoginRequest>
            name="login"
            layout="vertical"
            requiredMark={false}
            size="large"
            initialValues={typeof resetAccount === "string" ? { username: resetAccount } : undefined}
            onFinish={(values) => mutation.mutate(values)}
          >
            <Form.Item
              name="username"
              label={t("login.username")}
              rules={[{ required: true, whitespace: true, message: t("login.usernameRequired") }]}
            >
              <Input
                prefix={<UserOutlined aria-hidden />}
                autoComplete="username"
                autoFocus={typeof resetAccount !== "string"}
                maxLength={64}
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t("login.password")}
              rules={[{ required: true, message: t("login.passwordRequired") }]}
            >
              <Input.Password
                prefix={<LockOutlined aria-hidden />}
                autoComplete="current-password"
                maxLength={128}
                autoFocus={typeof resetAccount === "string"}
              />
            </Form.Item>
            <div className={styles.forgot}>
              <Link to="/forgot-password" className={styles.tapLink}>
                {t("passwordReset.link")}
              </Link>
            </div>
            <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
              {t("login.submit")}
            </Button>
          </Form>
          <nav aria-label={t("registration.loginPrompt")} className={styles.links}>
            <span>{t("registration.loginPrompt")}</span>
            <Link to="/register">{t("registration.registerLink")}</Link>
            <span aria-hidden>·</span>
            <Link to="/register?as=individual">{t("people.registerLink")}</Link>
            <span aria-hidden>·</span>
            <Link to="/portal">{t("registration.browseCalls")}</Link>
          </nav>
        </Card>
      </main>
      <footer className={styles.footer}>{t("login.footer")}</footer>
    </div>
  );
}
