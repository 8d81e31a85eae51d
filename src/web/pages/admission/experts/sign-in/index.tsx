import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Result, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { redeemSignInLink } from "../../../../api/admission/experts";
import { sessionKey } from "../../../../api/platform/auth";
import { useDocumentTitle } from "../../../../components/PageHeader";
import { errorMessage } from "../../../../components/serverErrors";

/**
 * 通过链接登录 (public): a button, not an automatic sign-in, so that a message app's link preview
 * (which only fetches the page) does not use up the single-use link.
 */
export default function ExpertLinkSignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useDocumentTitle(t("experts.signInTitle"));
  const redeem = useMutation({
    mutationFn: () => redeemSignInLink(token),
    onSuccess: (answer) => {
      queryClient.setQueryData(sessionKey, { user: answer.user, csrfToken: answer.csrfToken });
      navigate(answer.target, { replace: true });
    },
  });
  return (
    <div style={{ maxWidth: 480, margin: "0 auto", padding: "24px 12px" }}>
      {!token ? (
        <Result
          status="warning"
          title={<h1 style={{ fontSize: 20, margin: 0 }}>{t("experts.signInFailed")}</h1>}
        />
      ) : (
        <Card title={<h1 style={{ fontSize: 20, margin: 0 }}>{t("experts.signInTitle")}</h1>}>
          <Typography.Paragraph>{t("experts.signInIntro")}</Typography.Paragraph>
          {redeem.isError && (
            <Alert
              type="error"
              role="alert"
              showIcon
              style={{ marginBottom: 16 }}
              title={errorMessage(redeem.error)}
              action={<Link to="/login">{t("experts.toLogin")}</Link>}
            />
          )}
          <Button
            type="primary"
            size="large"
            block
            loading={redeem.isPending}
            onClick={() => redeem.mutate()}
          >
            {t("experts.signInButton")}
          </Button>
        </Card>
      )}
    </div>
  );
}
