/**
 * One error family for the whole server. Services throw these; the error handler maps each
 * code to its HTTP status and a message in the request's language (src/schemas/messages.ts).
 */
import type { ErrorCode, FieldMessageKey } from "../schemas/messages";

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  validation_failed: 400,
  password_policy: 400,
  wrong_password: 400,
  import_failed: 400,
  file_invalid: 400,
  cannot_disable_self: 400,
  unauthenticated: 401,
  session_expired: 401,
  invalid_credentials: 401,
  account_locked: 423,
  account_disabled: 403,
  too_many_attempts: 429,
  forbidden: 403,
  password_change_required: 403,
  csrf_failed: 403,
  not_found: 404,
  route_not_found: 404,
  version_conflict: 409,
  duplicate: 409,
  payload_too_large: 413,
  internal: 500,
  busy_retry: 503,
  illegal_transition: 409,
  intake_items_unchecked: 409,
  call_not_open: 409,
  deadline_passed: 409,
  call_closed: 409,
  already_applied: 409,
  track_full: 409,
  track_not_offered: 400,
  submission_incomplete: 400,
  upload_type_refused: 400,
  upload_too_large: 413,
  application_files_full: 413,
  code_invalid: 400,
  organization_claimed: 409,
  organization_exists: 409,
  call_status_invalid: 409,
  sms_unavailable: 503,
  invitation_not_found: 404,
  invitation_expired: 409,
  invitation_revoked: 409,
  invitation_used: 409,
  invitation_other_base: 409,
  invitation_not_open: 409,
  sign_in_link_invalid: 404,
  sign_in_link_used: 409,
  sign_in_link_expired: 409,
  conflict_exists: 409,
  round_status_invalid: 409,
  application_not_inspected: 409,
  expert_conflicted: 409,
  expert_not_in_base: 400,
  review_scores_typed: 409,
  review_deadline_passed: 409,
  round_not_open: 409,
  review_submitted: 409,
  review_not_submitted: 409,
  round_not_ready: 409,
  // Stage 3: the admission decision, the public notice, the place.
  ranking_input_invalid: 400,
  quota_exceeded: 409,
  decision_final: 409,
  decision_not_final: 409,
  confirm_by_passed: 409,
  confirm_by_not_passed: 409,
  notice_not_ended: 409,
  notice_closed: 409,
  objections_unanswered: 409,
  nothing_to_notice: 409,
  inspection_incomplete: 409,
  inspection_status_invalid: 409,
  inspector_not_eligible: 400,
  inspection_exists: 409,
  instrument_version_frozen: 409,
  instrument_not_publishable: 400,
  instrument_version_not_published: 409,
  incubation_status_invalid: 409,
  incubation_open_exists: 409,
  cohort_name_taken: 409,
  plan_status_invalid: 409,
  post_status_invalid: 409,
  mentor_conflicted: 409,
  mentor_full: 409,
  mentor_inactive: 409,
  mentorship_exists: 409,
  mentorship_ended: 409,
  session_answered: 409,
  assessment_no_instrument: 409,
  assessment_submitted: 409,
  assessment_incomplete: 400,
  assessment_not_submitted: 409,
  assessment_correction_open: 409,
  assessment_version_mismatch: 409,
  assessor_not_eligible: 400,
  training_status_invalid: 409,
  training_not_open: 409,
  training_audience: 409,
  already_enrolled: 409,
  check_in_code_invalid: 400,
  check_in_code_expired: 409,
  check_in_not_enrolled: 409,
  already_checked_in: 409,
  check_in_not_today: 409,
  feedback_not_attended: 409,
  feedback_given: 409,
  certificate_incomplete: 409,
  request_status_invalid: 409,
  catalogue_name_taken: 409,
  rating_closed: 409,
  grant_status_invalid: 409,
  tranche_status_invalid: 409,
  tranche_condition_unmet: 409,
  two_person_rule: 409,
  fund_over_committed: 409,
  project_cap_exceeded: 409,
  project_not_fundable: 409,
  fund_not_active: 409,
  // Funding: spending items.
  expense_status_invalid: 409,
  expense_grant_not_open: 409,
  receipt_type_refused: 400,
  report_status_invalid: 409,
  report_grant_not_running: 409,
  fund_closed: 409,
  project_status_invalid: 409,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly options: {
      params?: Record<string, unknown>;
      field?: string;
      fieldMessage?: FieldMessageKey;
      details?: Record<string, unknown>;
      /** What failed underneath (a gateway, a library): logged with a 5xx, never sent. */
      cause?: unknown;
    } = {},
  ) {
    super(code, { cause: options.cause });
    this.status = STATUS_BY_CODE[code];
  }
}

/** A 400 for one field, e.g. `fieldError("creditCode", "credit_code_invalid")`. */
export function fieldError(
  field: string,
  message: FieldMessageKey,
  params?: Record<string, unknown>,
): AppError {
  return new AppError("validation_failed", { field, fieldMessage: message, params });
}

export const notFound = () => new AppError("not_found");
export const versionConflict = (current: number) =>
  new AppError("version_conflict", { details: { currentVersion: current } });
