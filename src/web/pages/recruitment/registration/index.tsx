import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Radio, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { TRACKS, type Track } from "../../../../domain/call";
import { RECRUITMENT_LABELS } from "../../../../schemas/recruitment/labels";
import { isApiError } from "../../../api/client";
import { sessionKey } from "../../../api/platform/auth";
import { createApplication } from "../../../api/recruitment/applications";
import { usePortalCall } from "../../../api/recruitment/portal";
import { register, useRegistrationBases } from "../../../api/recruitment/registration";
import { PageHeader } from "../../../components/PageHeader";
import { errorMessage } from "../../../components/serverErrors";
import { useLang } from "../../../i18n";
import { AccountFields } from "./AccountFields";
import { FORM_FIELDS, type RegistrationFormValues, toRequest } from "./formValues";
import { IndividualForm } from "./IndividualForm";
import { OrganizationFields } from "./OrganizationFields";

/** Text links padded to a ~40 px tall tap target. */
const TAP_LINK = { display: "inline-block", paddingBlock: 10 } as const;

/** 注册申请账号: phone first, one column, then straight on to the application when a call was chosen. */
export default function RegistrationPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const callId = params.get("call");
  // A call is for organizations; otherwise the visitor chooses (个人: a trainee, the public).
  const as = !callId && params.get("as") === "individual" ? "individual" : "organization";
  const trackParam = params.get("track");
  const track = TRACKS.includes(trackParam as Track) ? (trackParam as Track) : null;
  const call = usePortalCall(callId ?? undefined);
  const bases = useRegistrationBases();
  const [form] = Form.useForm<RegistrationFormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const [suggestExisting, setSuggestExisting] = useState(false);
  const [saving, setSaving] = useState(false);
  const baseId = Form.useWatch("baseId", form);
  const several = (bases.data?.length ?? 0) > 1 && !callId;
  // A call's base decides (the server takes it from the call); otherwise the chosen or only one.
  const base =
    bases.data?.find((b) => (callId ? b.name === call.data?.baseName : b.id === baseId)) ?? bases.data?.[0];

  useEffect(() => {
    if (bases.data?.length === 1) form.setFieldValue("baseId", bases.data[0]?.id);
  }, [bases.data, form]);

  const onFinish = async (values: RegistrationFormValues) => {
    setFormError(null);
    setSuggestExisting(false);
    setSaving(true);
    try {
      const session = await register(toRequest(values, callId));
      queryClient.setQueryData(sessionKey, session);
      await goOn();
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  };

  /** Signed in now: create the application for the chosen call and track, or go to one's list. */
  const goOn = async () => {
    if (!callId || !track) return navigate("/my-applications", { replace: true });
    try {
      const application = await createApplication({ callId, track });
      navigate(`/my-applications/${application.id}`, { replace: true });
    } catch (error) {
      const existing = isApiError(error) ? error.details?.applicationId : undefined;
      if (typeof existing === "string") return navigate(`/my-applications/${existing}`, { replace: true });
      navigate("/my-applications", {
        replace: true,
        state: { notice: t("registration.applyFailed", { message: errorMessage(error) }) },
      });
    }
  };

  const showError = (error: unknown) => {
    if (isApiError(error) && error.code === "organization_exists") setSuggestExisting(true);
    const field = isApiError(error) ? error.field : undefined;
    if (field && (FORM_FIELDS as readonly string[]).includes(field)) {
      const name = field.split(".") as never;
      const extra =
        isApiError(error) && error.code === "organization_claimed" ? ` ${t("registration.claimedHint")}` : "";
      const text =
        isApiError(error) && error.code === "duplicate" && field === "mobile"
          ? t("registration.mobileTaken")
          : `${errorMessage(error)}${extra}`;
      form.setFields([{ name, errors: [text] }]);
      form.scrollToField(name, { block: "center", focus: true });
      return;
    }
    setFormError(errorMessage(error));
  };

  const callTitle = call.data?.title;
  const choice = !callId && (
    <RegisterAs
      value={as}
      onChange={(next) => setParams(next === "individual" ? { as: next } : {}, { replace: true })}
    />
  );
  if (as === "individual")
    return (
      <div style={{ maxWidth: 560, margin: "0 auto" }}>
        <PageHeader title={t("people.registerTitle")} subTitle={t("people.individualIntro")} />
        {choice}
        <IndividualForm
          bases={several ? bases.data : undefined}
          baseId={bases.data?.length === 1 ? bases.data[0]?.id : undefined}
        />
      </div>
    );
  return (
    <div style={{ maxWidth: 560, margin: "0 auto" }}>
      <PageHeader title={t("registration.title")} subTitle={t("registration.intro")} />
      {choice}
      {callTitle && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            track
              ? t("registration.forCall", { call: callTitle, track: RECRUITMENT_LABELS[lang].track[track] })
              : t("registration.forCallNoTrack", { call: callTitle })
          }
        />
      )}
      <Card>
        <Form<RegistrationFormValues>
          form={form}
          name="register"
          layout="vertical"
          requiredMark="optional"
          scrollToFirstError={{ block: "center", focus: true }}
          initialValues={{
            organization: { mode: "new", registrationStatus: "social_service_agency", fields: [] },
          }}
          onFinish={(values) => void onFinish(values)}
        >
          <h2 className="hatchery-card-title" style={{ marginTop: 0, marginBottom: 16 }}>
            {t("registration.accountSection")}
          </h2>
          <AccountFields bases={several ? bases.data : undefined} />

          <h2 className="hatchery-card-title" style={{ marginTop: 8, marginBottom: 16 }}>
            {t("registration.organizationSection")}
          </h2>
          <OrganizationFields base={base} />
          {suggestExisting && (
            <Button
              style={{ marginBottom: 16 }}
              onClick={() => {
                form.setFieldValue(["organization", "mode"], "existing");
                setSuggestExisting(false);
              }}
            >
              {t("registration.chooseExisting")}
            </Button>
          )}
          {formError && (
            <Alert type="error" role="alert" showIcon title={formError} style={{ marginBottom: 16 }} />
          )}
          <Button type="primary" htmlType="submit" size="large" block loading={saving}>
            {t("registration.submit")}
          </Button>
          <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: "center" }}>
            {t("registration.haveAccount")}{" "}
            <Link
              to={`/login${callId ? `?next=${encodeURIComponent(`/portal/calls/${callId}`)}` : ""}`}
              style={TAP_LINK}
            >
              {t("registration.signIn")}
            </Link>
            {" · "}
            <Link to="/portal" style={TAP_LINK}>
              {t("registration.browseCalls")}
            </Link>
          </Typography.Paragraph>
        </Form>
      </Card>
    </div>
  );
}

/** 注册身份: an organization's applicant, or an individual; each with a line saying who it is for. */
function RegisterAs({
  value,
  onChange,
}: {
  value: "organization" | "individual";
  onChange: (value: "organization" | "individual") => void;
}) {
  const { t } = useTranslation();
  return (
    <div style={{ marginBottom: 16 }}>
      <Radio.Group
        aria-label={t("people.registerAs")}
        optionType="button"
        buttonStyle="solid"
        block
        value={value}
        onChange={(e) => onChange(e.target.value)}
        options={[
          { value: "organization", label: t("people.asOrganization") },
          { value: "individual", label: t("people.asIndividual") },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ margin: "8px 0 0" }}>
        {value === "individual" ? t("people.asIndividualHint") : t("people.asOrganizationHint")}
      </Typography.Paragraph>
    </div>
  );
}
