import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, Result, Skeleton, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import type { JoinInvitation } from "../../../../../schemas/admission/experts";
import { acceptInvitation, useJoinInvitation } from "../../../../api/admission/experts";
import { sessionKey } from "../../../../api/platform/auth";
import { useSession } from "../../../../auth/session";
import { formatDate } from "../../../../components/format";
import { FieldTags } from "../../../../components/labels";
import { useDocumentTitle } from "../../../../components/PageHeader";
import { NewPasswordFields } from "../../../../components/PasswordFields";
import { errorMessage } from "../../../../components/serverErrors";

interface JoinValues {
  displayName?: string;
  newPassword?: string;
  confirmPassword?: string;
  password?: string;
}

/**
 * 接受邀请 (public, phone first): the invited expert opens the link from a text or an email, sees
 * who invites them, sets a password (or gives their existing account's), and lands signed in.
 */
export default function ExpertJoinPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const invitation = useJoinInvitation(token);
  useDocumentTitle(t("experts.joinTitle"));
  return (
    <div style={{ maxWidth: 520, margin: "0 auto", padding: "24px 12px" }}>
      {!token || invitation.isError ? (
        <Result
          status="warning"
          title={<h1 style={{ fontSize: 20, margin: 0 }}>{t("experts.joinFailed")}</h1>}
          subTitle={invitation.error ? errorMessage(invitation.error) : null}
          extra={
            <Link to="/login">
              <Button type="primary">{t("experts.toLogin")}</Button>
            </Link>
          }
        />
      ) : invitation.data ? (
        <JoinCard token={token} invitation={invitation.data} />
      ) : (
        <Skeleton active paragraph={{ rows: 6 }} />
      )}
    </div>
  );
}

function JoinCard({ token, invitation }: { token: string; invitation: JoinInvitation }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSession();
  const signedIn = session.data?.user ?? null;
  const [form] = Form.useForm<JoinValues>();
  const accept = useMutation({
    mutationFn: (values: JoinValues) =>
      acceptInvitation({
        token,
        displayName: values.displayName,
        password: values.newPassword ?? values.password,
      }),
    onSuccess: (answer) => {
      queryClient.setQueryData(sessionKey, { user: answer.user, csrfToken: answer.csrfToken });
      navigate(answer.target, { replace: true, state: { joined: true } });
    },
  });
  const mode = signedIn ? "signedIn" : invitation.existingAccount ? "existing" : "new";
  return (
    <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{t("experts.joinTitle")}</h1>}>
      <Typography.Paragraph style={{ fontSize: 16 }}>
        {invitation.name}，{t("experts.joinIntro", { base: invitation.baseName })}
      </Typography.Paragraph>
      {invitation.inviterName && (
        <Typography.Paragraph type="secondary">
          {t("experts.joinInviter", { name: invitation.inviterName })}
        </Typography.Paragraph>
      )}
      {invitation.message && (
        <Typography.Paragraph
          style={{ whiteSpace: "pre-wrap", background: "#f6f8fa", padding: 12, borderRadius: 6 }}
        >
          {invitation.message}
        </Typography.Paragraph>
      )}
      {invitation.fields.length > 0 && (
        <Typography.Paragraph>
          {t("experts.joinFields")}: <FieldTags fields={invitation.fields} />
        </Typography.Paragraph>
      )}
      <Typography.Paragraph type="secondary">
        {t("experts.joinExpires", { date: formatDate(invitation.expiresAt) })}
      </Typography.Paragraph>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          mode === "signedIn"
            ? t("experts.joinSignedIn", { name: signedIn?.displayName })
            : mode === "existing"
              ? t("experts.joinExisting", { mobile: invitation.mobile ?? "" })
              : t("experts.joinNewAccount")
        }
      />
      {accept.isError && (
        <Alert
          type="error"
          role="alert"
          showIcon
          style={{ marginBottom: 16 }}
          title={errorMessage(accept.error)}
        />
      )}
      <Form<JoinValues>
        form={form}
        name="expertJoin"
        layout="vertical"
        initialValues={{ displayName: invitation.name }}
        onFinish={(values) => accept.mutate(values)}
      >
        {mode === "new" && (
          <>
            <Form.Item
              name="displayName"
              label={t("experts.displayName")}
              rules={[{ required: true, whitespace: true, message: t("experts.displayName") }]}
            >
              <Input maxLength={50} autoComplete="name" />
            </Form.Item>
            <NewPasswordFields identity={() => [invitation.email]} />
          </>
        )}
        {mode === "existing" && (
          <Form.Item
            name="password"
            label={t("experts.existingPassword")}
            rules={[{ required: true, message: t("login.passwordRequired") }]}
          >
            <Input.Password autoComplete="current-password" maxLength={128} />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block size="large" loading={accept.isPending}>
          {t("experts.accept")}
        </Button>
      </Form>
    </Card>
  );
}
