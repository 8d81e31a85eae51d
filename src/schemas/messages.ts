/**
 * Error and validation messages, Chinese first. The server answers with these (in the request's
 * language) and the web app shows the same words for the same checks done in the browser.
 */
export type Lang = "zh-CN" | "en";

type Catalog = Record<string, { "zh-CN": string; en: string }>;

/** Messages for an error `code` (the stable identifier a client may switch on). */
export const ERROR_MESSAGES = {
  validation_failed: {
    "zh-CN": "提交的内容有误，请检查后重试",
    en: "The request is invalid; check it and try again",
  },
  unauthenticated: { "zh-CN": "请先登录", en: "Please sign in first" },
  session_expired: {
    "zh-CN": "登录已过期，请重新登录",
    en: "Your session has expired; please sign in again",
  },
  invalid_credentials: { "zh-CN": "账号或密码错误", en: "Wrong account name or password" },
  account_locked: {
    "zh-CN": "登录失败次数过多，账号已临时锁定，请在 {minutes} 分钟后再试或联系管理员",
    en: "Too many failed sign-ins; the account is locked. Try again in {minutes} minutes or ask an administrator",
  },
  account_disabled: {
    "zh-CN": "账号已停用，请联系管理员",
    en: "This account is disabled; ask an administrator",
  },
  too_many_attempts: {
    "zh-CN": "尝试次数过多，请 {minutes} 分钟后再试",
    en: "Too many attempts; try again in {minutes} minutes",
  },
  password_change_required: {
    "zh-CN": "请先修改密码，再继续使用平台",
    en: "Change your password before you continue",
  },
  forbidden: { "zh-CN": "您没有执行此操作的权限", en: "You are not allowed to do this" },
  not_found: { "zh-CN": "未找到该记录", en: "Not found" },
  route_not_found: { "zh-CN": "接口不存在", en: "No such endpoint" },
  version_conflict: {
    "zh-CN": "该记录已被他人修改，请刷新后再编辑（您的修改尚未保存）",
    en: "Someone else changed this record; reload it and edit again (your changes were not saved)",
  },
  duplicate: { "zh-CN": "{label}已存在", en: "{label} already exists" },
  csrf_failed: {
    "zh-CN": "请求校验失败，请刷新页面后重试",
    en: "Request check failed; reload the page and try again",
  },
  payload_too_large: { "zh-CN": "提交的内容过大", en: "The request is too large" },
  password_policy: {
    "zh-CN": "密码不符合要求：{problems}",
    en: "The password does not meet the policy: {problems}",
  },
  wrong_password: { "zh-CN": "当前密码不正确", en: "The current password is wrong" },
  import_failed: {
    "zh-CN": "导入未完成：共 {count} 处错误，未导入任何数据",
    en: "Import refused: {count} errors, nothing was imported",
  },
  file_invalid: {
    "zh-CN": "无法读取该文件，请使用 .xlsx 模板",
    en: "This file cannot be read; use the .xlsx template",
  },
  cannot_disable_self: { "zh-CN": "不能停用自己的账号", en: "You cannot disable your own account" },
  internal: { "zh-CN": "服务器内部错误，请稍后重试", en: "Internal server error; try again later" },
  busy_retry: {
    "zh-CN": "系统正忙，本次操作未保存任何内容，请重试",
    en: "The system was busy and nothing was saved; please try again",
  },
  // Recruitment and applications (stage 1).
  illegal_transition: {
    "zh-CN": "申请当前的状态不允许此操作，请刷新页面查看最新状态",
    en: "The application's current status does not allow this; reload to see where it stands",
  },
  intake_items_unchecked: {
    "zh-CN": "以下材料尚未审核、文件已更新待复核或审核未通过，确认后才能受理：{items}",
    en: "These items are not checked, have a new file not rechecked, or did not pass; confirm them to accept: {items}",
  },
  call_not_open: {
    "zh-CN": "该招募尚未开放申请",
    en: "This call is not open for applications yet",
  },
  deadline_passed: {
    "zh-CN": "已过申请截止时间（{closesAt}），不能再提交；如需延期，请联系基地工作人员",
    en: "The deadline ({closesAt}) has passed, so this cannot be submitted; ask the base staff for an extension",
  },
  call_closed: { "zh-CN": "该招募已结束", en: "This call has closed" },
  already_applied: {
    "zh-CN": "本机构已申请过该招募，每个机构每次招募只能申请一次",
    en: "Your organization has already applied to this call; one application per organization per call",
  },
  track_full: {
    "zh-CN": "该孵化方向的申请名额已满",
    en: "This track has reached its limit of applications",
  },
  track_not_offered: {
    "zh-CN": "该招募不提供所选的孵化方向",
    en: "This call does not offer the chosen track",
  },
  submission_incomplete: {
    "zh-CN": "申请尚不能提交：还有 {count} 处需要完善",
    en: "The application cannot be submitted yet: {count} items need attention",
  },
  upload_type_refused: {
    "zh-CN": "不支持该文件类型：只能上传 PDF、图片（JPG/PNG）、Word 或 Excel 文件",
    en: "This file type is not accepted: upload PDF, images (JPG/PNG), Word or Excel files",
  },
  upload_too_large: {
    "zh-CN": "文件过大：单个文件不能超过 {maxMb} MB",
    en: "The file is too large: at most {maxMb} MB per file",
  },
  application_files_full: {
    "zh-CN": "本申请的附件已达上限（合计 {maxMb} MB 或 {maxCount} 个文件）",
    en: "This application has reached its attachment limit ({maxMb} MB or {maxCount} files in all)",
  },
  code_invalid: {
    "zh-CN": "验证码不正确或已过期，请重新获取",
    en: "The code is wrong or has expired; request a new one",
  },
  organization_claimed: {
    "zh-CN": "该机构已有账号。请让机构已有的账号登录申请，或联系基地工作人员",
    en: "This organization already has an account; sign in with it, or contact the base staff",
  },
  call_status_invalid: {
    "zh-CN": "招募当前的状态（{status}）不允许此操作，请刷新页面查看最新状态",
    en: "The call's current status ({status}) does not allow this; reload to see where it stands",
  },
  organization_exists: {
    "zh-CN": "该统一社会信用代码的机构已在平台登记：请选择“已登记的机构”，用信用代码关联",
    en: "An organization with this credit code is already on the platform: choose “existing organization” and link it by its credit code",
  },
  sms_unavailable: {
    "zh-CN": "验证码短信暂时发送不出去，请稍后再试。如果稍后仍收到了验证码，可以直接使用",
    en: "The code could not be texted just now; try again later. If it arrives after all, you may use it",
  },
  // Stage 3's experts: invitation links and sign-in links, each refused with its own reason.
  invitation_not_found: {
    "zh-CN": "邀请链接无效，或已被重新发送的新链接取代：请使用最新收到的链接，或联系基地工作人员",
    en: "This invitation link is not valid, or a newer link replaced it: use the latest link you received, or contact the base staff",
  },
  invitation_expired: {
    "zh-CN": "邀请链接已过期，请联系基地工作人员重新发送",
    en: "This invitation link has expired; ask the base staff to send a new one",
  },
  invitation_revoked: {
    "zh-CN": "该邀请已被基地撤回",
    en: "The base has withdrawn this invitation",
  },
  invitation_used: {
    "zh-CN": "该邀请链接已使用过：请直接登录，或使用工作人员发送的登录链接",
    en: "This invitation link was already used: sign in, or use a sign-in link from the base staff",
  },
  invitation_other_base: {
    "zh-CN": "您的账号属于另一个孵化基地，不能接受本基地的邀请，请联系邀请您的工作人员",
    en: "Your account belongs to another base and cannot accept this base's invitation; contact the staff who invited you",
  },
  invitation_not_open: {
    "zh-CN": "该邀请已被接受或撤回，不能再重新发送或撤回",
    en: "This invitation was already accepted or withdrawn; it cannot be resent or withdrawn",
  },
  sign_in_link_invalid: {
    "zh-CN": "登录链接无效，请使用最新收到的链接，或联系基地工作人员重新发送",
    en: "This sign-in link is not valid; use the latest link you received, or ask the base staff for a new one",
  },
  sign_in_link_used: {
    "zh-CN": "该登录链接已使用过（每个链接只能使用一次）：请用账号密码登录，或请工作人员重新发送",
    en: "This sign-in link was already used (each works once): sign in with your password, or ask for a new link",
  },
  sign_in_link_expired: {
    "zh-CN": "登录链接已过期，请用账号密码登录，或请工作人员重新发送",
    en: "This sign-in link has expired: sign in with your password, or ask the base staff for a new one",
  },
  conflict_exists: {
    "zh-CN": "与该组织的利益冲突已有登记",
    en: "A conflict of interest with this organization is already on record",
  },
  // Stage 3: rubrics, review rounds and the experts' reviews.
  round_status_invalid: {
    "zh-CN": "评审轮次当前为“{status}”状态，不能进行此操作，请刷新页面查看最新状态",
    en: "The review round is {status}; this cannot be done now. Reload to see where it stands",
  },
  application_not_inspected: {
    "zh-CN": "只有考察已签署（已考察）的申请才能加入评审，该申请当前状态为“{status}”",
    en: "Only applications whose inspection is signed off (inspected) can enter the review; this one is {status}",
  },
  expert_conflicted: {
    "zh-CN": "该专家与该申请机构存在利益冲突（{reason}），不能分配",
    en: "This expert has a conflict of interest with the organization ({reason}); they cannot be assigned",
  },
  expert_not_in_base: {
    "zh-CN": "只能加入本基地具有“评审专家”角色的用户",
    en: "Only users of this base with the expert role can join a round",
  },
  review_scores_typed: {
    "zh-CN": "该专家已为此申请录入 {count} 项评分，确认后才能移除此分配",
    en: "The expert has typed {count} scores for this application; confirm to remove the assignment",
  },
  review_deadline_passed: {
    "zh-CN": "评分截止时间（{deadline}）已过，不能再修改或提交评分，请联系基地工作人员",
    en: "The scoring deadline ({deadline}) has passed; scores can no longer be changed or submitted. Contact the base staff",
  },
  round_not_open: {
    "zh-CN": "评审轮次尚未开始或已结束，现在不能评分",
    en: "The review round is not open; scoring is not possible now",
  },
  review_submitted: {
    "zh-CN": "评分已提交，不能再修改；如需修改请联系基地工作人员重新开放",
    en: "This review is submitted and can no longer change; ask the base staff to reopen it",
  },
  review_not_submitted: {
    "zh-CN": "该评分尚未提交，无需重新开放",
    en: "This review is not submitted; there is nothing to reopen",
  },
  round_not_ready: {
    "zh-CN": "评审轮次还不能开始：{problem}",
    en: "The round cannot open yet: {problem}",
  },
  // The admission review (stage 3): ranking, decisions, the public notice, the place.
  ranking_input_invalid: {
    "zh-CN": "评审数据无法排名（{problem}）：请检查评审指标和专家评分",
    en: "The reviews cannot be ranked ({problem}): check the rubric and the experts' scores",
  },
  quota_exceeded: {
    "zh-CN": "该孵化方向的名额为 {quota} 个，已有 {count} 个拟入壳；如确需超额入壳，请填写超额理由",
    en: "This track has {quota} places and {count} are already admitted; to admit beyond the quota, give a reason for the override",
  },
  decision_final: {
    "zh-CN": "公示已结束，该决定已生效，不能再修改或重新评议",
    en: "The public notice has closed and this decision is final; it can no longer be changed or reconsidered",
  },
  decision_not_final: {
    "zh-CN": "入壳决定尚未经公示生效，暂不能办理",
    en: "The decision is not final yet (the public notice has not closed)",
  },
  confirm_by_passed: {
    "zh-CN": "确认入壳的截止日期（{confirmBy}）已过，请联系基地工作人员",
    en: "The date to confirm the place ({confirmBy}) has passed; contact the base staff",
  },
  confirm_by_not_passed: {
    "zh-CN": "确认截止日期（{confirmBy}）尚未过去，不能记为逾期",
    en: "The confirmation date ({confirmBy}) has not passed yet, so it cannot be recorded as lapsed",
  },
  notice_not_ended: {
    "zh-CN": "公示期尚未结束（{endsAt}），结束后才能关闭",
    en: "The notice period has not ended ({endsAt}); it can be closed after that",
  },
  notice_closed: { "zh-CN": "该公示已关闭", en: "This notice is closed" },
  objections_unanswered: {
    "zh-CN": "还有 {count} 条异议尚未答复，答复后才能关闭公示",
    en: "{count} objections are not answered yet; answer them before closing the notice",
  },
  nothing_to_notice: {
    "zh-CN": "该评审轮次还没有拟入壳的申请，无可公示",
    en: "The round has no admitted applications yet; there is nothing to publish",
  },
  // Stage 2: inspections.
  inspection_incomplete: {
    "zh-CN": "考察记录尚不完整，不能签署。还缺：{gaps}",
    en: "The inspection record is not complete and cannot be signed off. Still missing: {gaps}",
  },
  inspection_status_invalid: {
    "zh-CN": "考察当前的状态（{status}）不允许此操作，请刷新页面查看最新状态",
    en: "The inspection's current status ({status}) does not allow this; reload to see where it stands",
  },
  inspector_not_eligible: {
    "zh-CN": "以下人员不能担任考察人（须为本基地的工作人员、管理员或专家）：{names}",
    en: "These people cannot inspect (they must be staff, administrators or experts of this base): {names}",
  },
  inspection_exists: {
    "zh-CN": "该申请已有进行中的考察，请在原考察中修改安排",
    en: "This application already has an inspection under way; change that one's plan instead",
  },
  // Stage 4: incubations and cohorts.
  incubation_status_invalid: {
    "zh-CN": "孵化当前的状态（{status}）不允许此操作，请刷新页面查看最新状态",
    en: "The incubation's current status ({status}) does not allow this; reload to see where it stands",
  },
  incubation_open_exists: {
    "zh-CN": "该机构已有进行中的孵化（{cohort}），结束后才能再次入孵",
    en: "This organization already has an open incubation ({cohort}); it can be enrolled again once that one ends",
  },
  cohort_name_taken: {
    "zh-CN": "本基地已有名为“{name}”的孵化批次，请换一个名称",
    en: "The base already has a cohort named “{name}”; choose another name",
  },
  // The mentor programme (导师计划).
  mentor_conflicted: {
    "zh-CN": "该导师与此组织存在利益冲突（{kinds}），不能结对",
    en: "This mentor has a conflict of interest with the organization ({kinds}) and cannot be paired",
  },
  mentor_full: {
    "zh-CN": "该导师已达可同时辅导的组织数上限（{capacity} 家）",
    en: "This mentor already mentors as many organizations as they can ({capacity})",
  },
  mentor_inactive: { "zh-CN": "该导师目前暂停接受结对", en: "This mentor is not taking organizations now" },
  mentorship_exists: {
    "zh-CN": "该导师已在辅导这家组织",
    en: "This mentor already mentors this organization",
  },
  mentorship_ended: { "zh-CN": "该导师结对已结束", en: "This mentorship has already ended" },
  session_answered: {
    "zh-CN": "该辅导记录已确认或提出异议，不能再次回复",
    en: "This session has already been confirmed or disputed",
  },
  // The incubation plan (stage 4).
  plan_status_invalid: {
    "zh-CN": "孵化计划当前为“{status}”，不能进行此操作，请刷新页面查看最新状态",
    en: "The incubation plan is {status}, which does not allow this; reload to see where it stands",
  },
  // Information (资讯): posts.
  post_status_invalid: {
    "zh-CN": "该资讯当前为“{status}”，不能进行此操作，请刷新页面查看最新状态",
    en: "This post is {status}, which does not allow this; reload to see where it stands",
  },
  // Stage 4: capacity assessments (能力评估).
  assessment_no_instrument: {
    "zh-CN": "该孵化方向尚未设定启用的能力评估体系，请先在“评估体系”中发布并启用一个版本",
    en: "No capacity assessment instrument is active for this track; publish and activate a version first",
  },
  assessment_submitted: {
    "zh-CN": "该评估已提交，不能再修改；如需更改请发起更正",
    en: "This assessment has been submitted and can no longer be changed; start a correction instead",
  },
  assessment_incomplete: {
    "zh-CN": "还有指标未评分，不能提交：{missing}",
    en: "Some indicators are not scored yet, so it cannot be submitted: {missing}",
  },
  assessment_not_submitted: {
    "zh-CN": "只有已提交的评估才能更正或对比",
    en: "Only a submitted assessment can be corrected or compared",
  },
  assessment_correction_open: {
    "zh-CN": "该评估已有一份更正，请在那份更正中修改",
    en: "This assessment already has a correction; make the change there",
  },
  assessment_version_mismatch: {
    "zh-CN": "这两份评估使用的评估体系版本不同，无法对比",
    en: "These two assessments use different versions of the instrument and cannot be compared",
  },
  assessor_not_eligible: {
    "zh-CN": "评估人须为本基地在职的专家、工作人员或管理员",
    en: "The assessor must be an active expert, staff member or administrator of this base",
  },
  // Trainings and capacity building (能力建设).
  training_status_invalid: {
    "zh-CN": "该培训当前为“{status}”，不能进行此操作，请刷新页面查看最新状态",
    en: "This training is {status}, which does not allow this; reload to see where it stands",
  },
  training_not_open: {
    "zh-CN": "该培训目前不接受报名（未发布、已开始或已取消）",
    en: "This training does not take enrolments now (not published, already started, or cancelled)",
  },
  training_audience: {
    "zh-CN": "该培训不面向您（或您所在机构）所属的服务对象",
    en: "This training is not open to you (or to your organization)",
  },
  already_enrolled: {
    "zh-CN": "已报名该培训（或在候补名单中），无需重复报名",
    en: "Already enrolled in this training (or on its waitlist)",
  },
  check_in_code_invalid: {
    "zh-CN": "签到码无效：请扫描培训现场屏幕上的二维码",
    en: "This check-in code is not valid: scan the QR code on the screen at the training",
  },
  check_in_code_expired: {
    "zh-CN": "签到码已过期（每 30 秒更新一次）：请重新扫描屏幕上的二维码",
    en: "This check-in code has expired (it changes every 30 seconds): scan the code on the screen again",
  },
  check_in_not_enrolled: {
    "zh-CN": "您没有报名该培训（或仍在候补中），不能签到；请联系现场工作人员",
    en: "You are not enrolled in this training (or still on the waitlist), so you cannot check in; ask the staff there",
  },
  already_checked_in: {
    "zh-CN": "您已签到（{at}），无需重复签到",
    en: "You have already checked in ({at})",
  },
  check_in_not_today: {
    "zh-CN": "只能在培训当天签到（开始前 1 小时至结束后 1 小时）",
    en: "Check-in is open only around the session (from an hour before it starts to an hour after it ends)",
  },
  feedback_not_attended: {
    "zh-CN": "参加培训并签到后才能填写反馈",
    en: "Feedback is for those who attended the training",
  },
  feedback_given: {
    "zh-CN": "您已提交过该培训的反馈（每人一份）",
    en: "You have already given feedback on this training (one each)",
  },
  certificate_incomplete: {
    "zh-CN": "尚未完成全部必修模块（已完成 {done}/{required}），不能颁发结业证书",
    en: "Not all required modules are done yet ({done} of {required}); no certificate yet",
  },
  // (more error codes for later areas go above this line)
  // Stage 4: the capacity assessment instrument.
  instrument_version_frozen: {
    "zh-CN": "该版本已发布，内容已冻结，不能再修改或删除；如需调整，请“编辑”生成新的草稿版本",
    en: "This version is published and frozen: it cannot be changed or deleted. To change it, start a new draft",
  },
  instrument_not_publishable: {
    "zh-CN": "评估体系尚有 {count} 处问题，修正后才能发布",
    en: "The instrument has {count} problems; fix them before publishing",
  },
  instrument_version_not_published: {
    "zh-CN": "只能启用已发布的版本",
    en: "Only a published version can be made active",
  },
  // The 4Z service desk.
  request_status_invalid: {
    "zh-CN": "该服务申请当前为“{status}”，不能进行此操作，请刷新页面查看最新状态",
    en: "The service request is {status}, which does not allow this; reload to see where it stands",
  },
  catalogue_name_taken: {
    "zh-CN": "服务目录中已有名为“{name}”的服务，请换一个名称",
    en: "The catalogue already has a service named “{name}”; choose another name",
  },
  rating_closed: {
    "zh-CN": "评价提交 {days} 天后不能再修改",
    en: "A rating can no longer be changed {days} days after it was given",
  },
  // Funding: grants (资助).
  grant_status_invalid: {
    "zh-CN": "该资助当前为“{status}”，不能进行此操作，请刷新页面查看最新状态",
    en: "The grant is {status}, which does not allow this; reload to see where it stands",
  },
  tranche_status_invalid: {
    "zh-CN": "该笔拨付当前为“{status}”，不能进行此操作，请刷新页面查看最新状态",
    en: "The tranche is {status}, which does not allow this; reload to see where it stands",
  },
  tranche_condition_unmet: {
    "zh-CN": "该笔拨付的条件“{condition}”尚未满足，暂不能准备拨付",
    en: "The tranche's condition ({condition}) does not hold yet; it cannot be prepared",
  },
  two_person_rule: {
    "zh-CN": "双人复核：{what}由您准备，须由另一位工作人员审批",
    en: "Two-person rule: you prepared {what}; another staff member must approve it",
  },
  fund_over_committed: {
    "zh-CN": "资金“{fund}”可用余额为 {available} 元，不足以承担 {amount} 元",
    en: "The fund “{fund}” has CNY {available} left, not enough for CNY {amount}",
  },
  project_cap_exceeded: {
    "zh-CN": "每个项目的项目资助合计不超过 {cap} 元：该项目已有 {used} 元，还可申请 {room} 元",
    en: "A project's project grants may add up to CNY {cap}: this project has CNY {used}, so CNY {room} is left",
  },
  project_not_fundable: {
    "zh-CN": "该项目当前不能申请资助（项目须为草稿或实施中，且其孵化尚未结束）",
    en: "This project cannot be granted money now (it must be a draft or active, its incubation still open)",
  },
  fund_not_active: {
    "zh-CN": "资金“{fund}”已关闭，不能再用于新的资助",
    en: "The fund “{fund}” is closed and cannot fund new grants",
  },
  // Funding: spending items (支出).
  expense_status_invalid: {
    "zh-CN": "该笔支出当前为“{status}”，不能进行此操作，请刷新页面查看最新状态",
    en: "The spending item is {status}, which does not allow this; reload to see where it stands",
  },
  expense_grant_not_open: {
    "zh-CN": "资助当前为“{status}”，只有协议已签订或执行中的资助可以登记支出",
    en: "The grant is {status}; spending is reported only on a signed or active grant",
  },
  receipt_type_refused: {
    "zh-CN": "票据只能是图片（JPG/PNG/WebP）或 PDF 文件",
    en: "A receipt must be an image (JPG/PNG/WebP) or a PDF",
  },
  // Funding: progress reports.
  report_status_invalid: {
    "zh-CN": "该报告当前为“{status}”，不能进行此操作，请刷新页面查看最新状态",
    en: "The report is {status} now, which does not allow this; reload to see where it stands",
  },
  report_grant_not_running: {
    "zh-CN": "资助协议签订后、结项前才能安排或填写进展报告",
    en: "Reports are scheduled and written only once the agreement is signed and until the grant ends",
  },
  // Funding: funds and projects.
  fund_closed: {
    "zh-CN": "该资金已关闭，不能再修改",
    en: "The fund is closed; it can no longer be changed",
  },
  project_status_invalid: {
    "zh-CN": "该项目当前为“{status}”，不能进行此操作，请刷新页面查看最新状态",
    en: "The project is {status}, which does not allow this; reload to see where it stands",
  },
} satisfies Catalog;
export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** Messages for one failing field (the `field` of a 400). */
export const FIELD_MESSAGES = {
  required: { "zh-CN": "此项必填", en: "Required" },
  invalid: { "zh-CN": "格式不正确", en: "Invalid value" },
  too_short: { "zh-CN": "长度不能少于 {minimum} 个字符", en: "At least {minimum} characters" },
  too_long: { "zh-CN": "长度不能超过 {maximum} 个字符", en: "At most {maximum} characters" },
  too_small: { "zh-CN": "不能小于 {minimum}", en: "Must be at least {minimum}" },
  too_big: { "zh-CN": "不能大于 {maximum}", en: "Must be at most {maximum}" },
  not_negative: { "zh-CN": "不能为负数", en: "Must not be negative" },
  integer_required: { "zh-CN": "请输入整数", en: "Must be a whole number" },
  number_invalid: { "zh-CN": "请输入数字", en: "Must be a number" },
  invalid_option: { "zh-CN": "不是可选的值", en: "Not one of the allowed values" },
  invalid_id: { "zh-CN": "编号格式不正确", en: "Invalid id" },
  training_ends_before_start: {
    "zh-CN": "结束时间须晚于开始时间，且一场培训不超过 24 小时",
    en: "The end must be after the start, and one session lasts at most 24 hours",
  },
  training_person_unknown: {
    "zh-CN": "本基地没有这位人员（须是社会组织成员或个人用户的账号）",
    en: "The base has no such person (an organization member's or an individual's account)",
  },
  training_person_not_member: {
    "zh-CN": "这位人员不是所选机构的成员，请另选人员或机构",
    en: "This person is not a member of the organization chosen",
  },
  training_organization_no_member: {
    "zh-CN": "该机构还没有成员账号，请选择一位具体人员报名",
    en: "The organization has no member account yet; choose a person to enrol",
  },
  duplicate_value: { "zh-CN": "有重复的项", en: "An entry is listed twice" },
  mentor_unknown: { "zh-CN": "未找到该导师", en: "No such mentor in this base" },
  mentorship_span: {
    "zh-CN": "结对期限须在孵化期内，且结束日期不早于开始日期",
    en: "The mentorship must lie within the incubation, and end on or after its start",
  },
  ended_outside_span: {
    "zh-CN": "结束日期须在结对开始之后且不晚于今天",
    en: "The end day must fall after the start and not after today",
  },
  session_day: {
    "zh-CN": "辅导日期须在结对期间内、不晚于今天且在 90 天之内",
    en: "The session day must fall within the mentorship, not after today and within the last 90 days",
  },
  due_before_session: { "zh-CN": "完成期限不能早于辅导日期", en: "The due day cannot be before the session" },
  incubation_end_not_later: {
    "zh-CN": "新的计划结束日须晚于当前的计划结束日（{current}）",
    en: "The new planned end must be later than the current one ({current})",
  },
  incubation_reason_required: { "zh-CN": "请填写原因", en: "Give the reason" },
  responsible_not_staff: {
    "zh-CN": "负责人须为本基地的工作人员或管理员",
    en: "The person responsible must be staff or an administrator of this base",
  },
  link_invalid: {
    "zh-CN": "请填写以 http:// 或 https:// 开头的完整网址",
    en: "Give a full address starting with http:// or https://",
  },
  post_body_empty: { "zh-CN": "请填写正文", en: "Write the body of the post" },
  post_targeted_public: {
    "zh-CN": "定向推送的资讯只对登录的组织可见，不能同时公开到门户",
    en: "A targeted post is for signed-in organizations only; it cannot also be public on the portal",
  },
  post_publish_at_past: {
    "zh-CN": "定时发布时间须晚于现在",
    en: "A scheduled publication time must be in the future",
  },
  cohort_not_in_base: { "zh-CN": "未找到该孵化批次", en: "No such cohort in this base" },
  organization_not_in_base: { "zh-CN": "未找到该社会组织", en: "No such organization in this base" },
  credit_code_invalid: {
    "zh-CN": "统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V）",
    en: "A unified social credit code is 18 digits or capital letters (no I, O, Z, S, V)",
  },
  credit_code_authority: {
    "zh-CN": "统一社会信用代码第 1 位（登记管理部门代码）不正确",
    en: "Position 1 of the credit code (the registration authority) is not a valid code",
  },
  credit_code_category: {
    "zh-CN": "统一社会信用代码第 2 位（机构类别代码）与第 1 位的登记管理部门不符",
    en: "Position 2 of the credit code (the category) is not one of the categories of its registration authority",
  },
  credit_code_region: {
    "zh-CN": "统一社会信用代码第 3–8 位（登记管理机关行政区划码）不正确",
    en: "Positions 3–8 of the credit code (the administrative division) are not a valid division code",
  },
  credit_code_org_check: {
    "zh-CN": "统一社会信用代码第 9–17 位（组织机构代码）的校验码不正确，请核对",
    en: "Positions 9–17 of the credit code (the organization code) fail their own check character; check them",
  },
  credit_code_check: {
    "zh-CN": "统一社会信用代码第 18 位校验码不正确，请核对是否输错",
    en: "The check character (position 18) of the credit code does not match; check for a typo",
  },
  credit_code_required: {
    "zh-CN": "已登记的社会组织须填写统一社会信用代码",
    en: "A registered organization needs its unified social credit code",
  },
  mobile_invalid: {
    "zh-CN": "手机号码不正确：应为 1 开头的 11 位数字",
    en: "Invalid mobile number: 11 digits starting with 1",
  },
  email_invalid: { "zh-CN": "邮箱格式不正确", en: "Invalid email address" },
  no_mobile_for_sms: {
    "zh-CN": "账号没有手机号码，无法接收短信，请联系管理员补充",
    en: "The account has no mobile number to text; ask an administrator to add one",
  },
  no_email_for_email: {
    "zh-CN": "账号没有邮箱，无法接收邮件，请联系管理员补充",
    en: "The account has no email address; ask an administrator to add one",
  },
  date_invalid: { "zh-CN": "日期格式不正确（YYYY-MM-DD）", en: "Invalid date (YYYY-MM-DD)" },
  datetime_invalid: { "zh-CN": "时间格式不正确", en: "Invalid date and time" },
  date_nonexistent: { "zh-CN": "没有这一天（如 2 月 30 日）", en: "No such day (like February 30)" },
  date_out_of_range: {
    "zh-CN": "日期须在 {minimum} 年至 {maximum} 年之间",
    en: "The date must fall in the years {minimum} to {maximum}",
  },
  text_invalid_chars: {
    "zh-CN": "含有控制字符、文字方向控制符或无效字符，请删除后重试",
    en: "Contains control characters, text-direction overrides or invalid characters; remove them",
  },
  file_name_invalid: {
    "zh-CN": "文件名含有控制字符或路径分隔符（/ \\），请重命名后再上传",
    en: "The file name contains control characters or path separators (/ \\); rename the file and upload it again",
  },
  number_unsafe: {
    "zh-CN": "数值过大：须在 ±9007199254740991 之内",
    en: "Too large: must be within ±9007199254740991",
  },
  number_range: {
    "zh-CN": "最大值不能小于最小值",
    en: "The maximum cannot be below the minimum",
  },
  date_in_future: { "zh-CN": "日期不能晚于今天", en: "The date cannot be in the future" },
  founded_too_early: {
    "zh-CN": "成立日期不能早于 {earliest}，请检查年份",
    en: "The founding date cannot be before {earliest}; check the year",
  },
  username_invalid: {
    "zh-CN": "账号须以字母开头，只含字母、数字、下划线、点或横线",
    en: "Starts with a letter; letters, digits, _ . - only",
  },
  roles_required: { "zh-CN": "至少选择一个角色", en: "Choose at least one role" },
  organization_required: {
    "zh-CN": "社会组织成员须关联所属组织",
    en: "An organization member must be linked to an organization",
  },
  unknown_reference: { "zh-CN": "引用的记录不存在", en: "The referenced record does not exist" },
  hub_self: { "zh-CN": "不能选择本组织作为所属枢纽组织", en: "An organization cannot be its own hub" },
  credit_code_taken: {
    "zh-CN": "该统一社会信用代码已登记",
    en: "This unified social credit code is already registered",
  },
  duplicate_in_file: {
    "zh-CN": "与第 {row} 行的统一社会信用代码重复",
    en: "Same unified social credit code as row {row}",
  },
  option_unknown: {
    "zh-CN": "“{value}”不是可选的值，可选：{options}",
    en: "“{value}” is not allowed; choose from: {options}",
  },
  town_unknown: { "zh-CN": "没有名为“{name}”的镇街", en: "No town named “{name}”" },
  community_unknown: {
    "zh-CN": "所选镇街下没有名为“{name}”的社区",
    en: "No community named “{name}” in the chosen town",
  },
  hub_unknown: { "zh-CN": "没有名为“{name}”的社会组织", en: "No organization named “{name}”" },
  import_empty: { "zh-CN": "文件中没有可导入的数据行", en: "The file has no rows to import" },
  import_too_many_rows: {
    "zh-CN": "一次最多导入 {max} 行，请拆分文件后分批导入",
    en: "At most {max} rows per import; split the file",
  },
  import_column_missing: {
    "zh-CN": "缺少必需的列“{column}”，请使用导入模板",
    en: "The required column “{column}” is missing; use the import template",
  },
  town_required: {
    "zh-CN": "镇街社区联络员须选择所属镇街",
    en: "A town/community liaison must belong to a town",
  },
  town_only_for_liaisons: {
    "zh-CN": "只有“镇街社区联络员”角色的账号才能设置所属镇街",
    en: "Only an account with the liaison role can belong to a town",
  },
  organization_only_for_members: {
    "zh-CN": "只有“社会组织成员”角色的账号才能关联组织",
    en: "Only an account with the organization member role can be linked to an organization",
  },
  track_locked: {
    "zh-CN": "申请提交后不能更换孵化方向；如需更换，请联系基地工作人员",
    en: "The track cannot change once the application was submitted; ask the base staff",
  },
  resubmit_deadline_required: {
    "zh-CN": "申请截止时间已过：退回补充时请设定申请人补充材料的截止时间",
    en: "The deadline has passed: set until when the applicant may resubmit",
  },
  cannot_remove_own_admin: {
    "zh-CN": "不能取消自己的系统管理员角色",
    en: "You cannot remove your own administrator role",
  },
  contact_required: {
    "zh-CN": "手机号和邮箱至少填写一项",
    en: "Give a mobile number or an email address (or both)",
  },
  not_an_expert: { "zh-CN": "该账号不是评审专家", en: "This account is not an expert" },
  // Recruitment calls (招募): the rules a call must satisfy before and after publishing.
  tracks_required: { "zh-CN": "至少提供一个孵化方向", en: "Offer at least one track" },
  track_duplicate: { "zh-CN": "孵化方向重复", en: "This track is listed twice" },
  max_below_quota: {
    "zh-CN": "申请数上限不能小于录取名额",
    en: "The application limit cannot be below the quota",
  },
  months_range: {
    "zh-CN": "最长成立月数不能小于最短成立月数",
    en: "The maximum months since founding cannot be below the minimum",
  },
  closes_before_opens: {
    "zh-CN": "截止时间须晚于开始时间",
    en: "The closing time must be after the opening time",
  },
  key_duplicate: { "zh-CN": "编号重复", en: "Duplicate key" },
  options_too_few: {
    "zh-CN": "选择题至少需要两个不同的选项",
    en: "A choice question needs at least two different options",
  },
  question_track_not_offered: {
    "zh-CN": "问题适用的孵化方向须是本招募提供的方向",
    en: "A question can only apply to tracks this call offers",
  },
  note_required: {
    "zh-CN": "招募已发布：修改须填写修改说明，申请人会在“修订记录”中看到",
    en: "The call is published: say why it changed; applicants see it in the revision history",
  },
  track_has_applications: {
    "zh-CN": "已有机构申请“{track}”方向，不能删除该方向",
    en: "Organizations have applied to “{track}”; this track cannot be removed",
  },
  closes_in_past: {
    "zh-CN": "截止时间不能早于当前时间",
    en: "The closing time cannot be earlier than now",
  },
  opens_at_locked: {
    "zh-CN": "招募已开始接受申请，开始时间不能再推迟",
    en: "The call is already open; its opening time cannot be moved later",
  },
  credit_code_unknown: {
    "zh-CN": "平台上没有该统一社会信用代码的机构，请核对，或选择“新机构”登记",
    en: "No organization with this credit code is on the platform; check it, or register a new organization",
  },
  rubric_key_invalid: {
    "zh-CN": "指标代码只能由小写英文字母、数字和下划线组成，并以字母开头",
    en: "A criterion key is lowercase letters, digits and underscores, starting with a letter",
  },
  rubric_key_duplicate: {
    "zh-CN": "指标代码“{key}”重复，每项指标的代码须不同",
    en: "The criterion key “{key}” appears twice; every criterion needs its own key",
  },
  rubric_scale_invalid: {
    "zh-CN": "指标“{criterion}”的分值范围须为整数，且最低分小于最高分",
    en: "The scale of “{criterion}” must be whole numbers with the lowest below the highest",
  },
  rubric_levels_invalid: {
    "zh-CN": "指标“{criterion}”的等级说明须依次覆盖 {min}–{max} 分的每个分值，且不重叠",
    en: "The level descriptions of “{criterion}” must cover every score from {min} to {max} in order, without overlap",
  },
  rubric_weight_invalid: {
    "zh-CN": "指标“{criterion}”的权重须大于 0",
    en: "The weight of “{criterion}” must be above 0",
  },
  score_required: {
    "zh-CN": "请为“{criterion}”打分",
    en: "Score “{criterion}”",
  },
  score_out_of_scale: {
    "zh-CN": "“{criterion}”的分数须为 {min}–{max} 之间的整数",
    en: "The score of “{criterion}” must be a whole number from {min} to {max}",
  },
  score_unknown_criterion: {
    "zh-CN": "评审指标中没有“{criterion}”这一项",
    en: "The rubric has no criterion “{criterion}”",
  },
  comment_required_at_end: {
    "zh-CN": "“{criterion}”给了 {score} 分（量表的最高或最低分），请填写评语说明理由",
    en: "“{criterion}” scored {score}, an end of the scale: add a comment saying why",
  },
  quota_track_not_offered: {
    "zh-CN": "该招募不提供“{track}”方向，不能为其设置名额",
    en: "The call does not offer the “{track}” track; it cannot have a quota",
  },
  must_be_future: { "zh-CN": "时间须晚于现在", en: "Must be later than now" },
  not_in_round: {
    "zh-CN": "该申请不在本评审轮次中",
    en: "This application is not in the review round",
  },
  ends_before_start: { "zh-CN": "结束时间须晚于开始时间", en: "Must be later than the start" },
  // Stage 4: the capacity assessment instrument (instrumentProblems' codes).
  instrument_key_invalid: {
    "zh-CN": "代码须以小写英文字母开头，只含小写字母、数字和下划线，不超过 40 个字符",
    en: "A key starts with a lowercase letter and has only lowercase letters, digits and underscores (at most 40)",
  },
  instrument_key_duplicate: {
    "zh-CN": "代码“{key}”重复，每个维度和指标的代码须不同",
    en: "The key “{key}” appears twice; every dimension and indicator needs its own",
  },
  instrument_text_required: { "zh-CN": "请填写此项", en: "Fill this in" },
  instrument_text_invalid: {
    "zh-CN": "含有不允许的控制字符，请删除后重试",
    en: "Contains control characters that are not allowed",
  },
  instrument_text_too_long: { "zh-CN": "不能超过 {max} 个字符", en: "At most {max} characters" },
  instrument_weight_invalid: {
    "zh-CN": "权重须为 1–{max} 的整数",
    en: "The weight must be a whole number from 1 to {max}",
  },
  instrument_weight_total: {
    "zh-CN": "各维度权重之和须为 {expected}（当前为 {total}）",
    en: "The dimensions' weights must add up to {expected} (now {total})",
  },
  instrument_scale_invalid: {
    "zh-CN": "评分等级须为 0–100 之间的整数，最低分小于最高分，且不超过 {levels} 级",
    en: "The scale is whole numbers within 0–100, the lowest below the highest, at most {levels} levels",
  },
  instrument_levels_invalid: {
    "zh-CN": "须为 {min}–{max} 分的每个分值依次各写一条等级描述",
    en: "Write one level description for each score from {min} to {max}, in order",
  },
  instrument_dimensions_count: {
    "zh-CN": "评估体系须有 {min}–{max} 个维度",
    en: "An instrument has {min} to {max} dimensions",
  },
  instrument_indicators_count: {
    "zh-CN": "每个维度须有 {min}–{max} 项指标",
    en: "Each dimension has {min} to {max} indicators",
  },
  period_reversed: {
    "zh-CN": "结束日期不能早于开始日期",
    en: "The end day must not be before the start day",
  },
  // The funding figures (issue 13).
  funding_year_invalid: {
    "zh-CN": "年份须为 2000–2100 之间的整数",
    en: "The year must be a whole number from 2000 to 2100",
  },
  growth_area_invalid: { "zh-CN": "档案类别格式不正确", en: "Not a growth-file area" },
  // The service figures and partners (issue 12).
  figures_period_too_long: {
    "zh-CN": "统计期间最长 {max} 个月",
    en: "The period covers at most {max} months",
  },
  partner_name_taken: { "zh-CN": "已有同名的合作伙伴", en: "A partner of this name already exists" },
  partner_required: {
    "zh-CN": "合作伙伴账号须选择所属合作伙伴",
    en: "A partner account must name its partner",
  },
  partner_not_allowed: {
    "zh-CN": "只有合作伙伴角色的账号才能关联合作伙伴",
    en: "Only an account with the partner role is linked to a partner",
  },
  partner_archived: {
    "zh-CN": "该合作伙伴已归档，不能再关联新账号",
    en: "This partner is archived and takes no new accounts",
  },
  // The incubation plan (stage 4).
  due_too_late: {
    "zh-CN": "完成日期过远：须在 {maximum} 之前",
    en: "Too far off: the due day must be before {maximum}",
  },
  due_too_early: {
    "zh-CN": "完成日期不能早于孵化开始日 {minimum}",
    en: "The due day cannot be before the incubation's start ({minimum})",
  },
  dimension_unknown: {
    "zh-CN": "能力评估体系中没有这一维度",
    en: "The capacity instrument has no such dimension",
  },
  need_unknown: { "zh-CN": "该需求不属于本孵化", en: "This need is not one of this incubation's" },
  owner_unknown: {
    "zh-CN": "负责人须是本基地工作人员或本机构成员",
    en: "The owner must be a staff member of the base or a member of the organization",
  },
  goal_unknown: { "zh-CN": "该目标不属于本计划", en: "This goal is not one of this plan's" },
  action_unknown: { "zh-CN": "该行动不属于本计划", en: "This action is not one of this plan's" },
  agreed_by_required: {
    "zh-CN": "代为记录确认时，须填写机构确认人及确认方式",
    en: "When recording the organization's agreement, say who agreed and how",
  },
  indicator_unknown: {
    "zh-CN": "评估体系中没有“{indicator}”这一指标",
    en: "The instrument has no indicator “{indicator}”",
  },
  assessor_not_for_self: {
    "zh-CN": "自评不指定评估人",
    en: "A self-assessment has no assessor to name",
  },
  service_unknown: {
    "zh-CN": "服务目录中没有这项可申请的服务",
    en: "The catalogue has no such service open to requests",
  },
  service_not_for_audience: {
    "zh-CN": "这项服务不面向贵机构（{audiences}），请选择其他服务或直接描述需求",
    en: "This service is not offered to your organization ({audiences}); choose another or describe what you need",
  },
  handler_unknown: {
    "zh-CN": "承办人须是本基地的工作人员、导师或在合作中的伙伴",
    en: "The handler must be a staff member or mentor of the base, or an active partner",
  },
  organization_unknown: {
    "zh-CN": "本基地没有这家机构",
    en: "The base has no such organization",
  },
  organizations_repeated: {
    "zh-CN": "同一家机构选择了两次",
    en: "The same organization is chosen twice",
  },
  day_in_future: {
    "zh-CN": "服务日期不能晚于今天",
    en: "A service cannot be recorded for a day after today",
  },
  schedule_too_far: {
    "zh-CN": "预约时间须在过去 30 天到未来一年之间",
    en: "The appointment must be between 30 days ago and a year from now",
  },
  seed_fund_only: {
    "zh-CN": "组织孵化的项目只能由种子基金资助",
    en: "An organization-track project is funded by the seed fund only",
  },
  fen_sum_mismatch: {
    "zh-CN": "各项合计 {sum} 元，须等于资助金额 {amount} 元",
    en: "These add up to CNY {sum}; they must equal the grant's CNY {amount}",
  },
  milestone_required: {
    "zh-CN": "按里程碑拨付时须选择一个里程碑",
    en: "Choose the milestone this tranche waits for",
  },
  reason_required: { "zh-CN": "请填写原因", en: "Give the reason" },
  met_on_future: { "zh-CN": "达成日期不能晚于今天", en: "The day it was met cannot be after today" },
  payment_reference_required: {
    "zh-CN": "请填写付款凭证号（财务记账号）",
    en: "Give the payment's reference in the finance office's books",
  },
  // Funding: spending items (支出).
  receipt_required: {
    "zh-CN": "请至少上传一张票据（照片或 PDF）",
    en: "Add at least one receipt (a photo or a PDF)",
  },
  receipt_unknown: {
    "zh-CN": "票据不属于这项资助，或已用于另一笔支出，请重新上传",
    en: "A receipt is not one of this grant's, or another item uses it; upload it again",
  },
  spent_outside_grant: {
    "zh-CN": "支出日期须在资助执行期（{startsOn} 至 {endsOn}）内，且不晚于今天",
    en: "The day must be within the grant's period ({startsOn} to {endsOn}) and not after today",
  },
  budget_line_unknown: {
    "zh-CN": "这项资助没有该预算科目",
    en: "The grant has no such budget line",
  },
  amount_positive: { "zh-CN": "金额须大于 0", en: "The amount must be more than 0" },
  people_over_person_times: {
    "zh-CN": "新增受益人数不能多于各活动人次之和（同一人参加多次活动只算 1 人，但计多人次）",
    en: "New people cannot exceed the sum of person-times (a person at several activities is one person, several person-times)",
  },
  owed_over_disbursed: {
    "zh-CN": "应退回金额不能超过已拨付的 {disbursed} 元",
    en: "The amount owed cannot exceed the CNY {disbursed} paid out",
  },
  period_outside_grant: {
    "zh-CN": "报告期须在资助期内（{startsOn} 至 {endsOn}）",
    en: "The period must lie within the grant ({startsOn} to {endsOn})",
  },
  period_overlaps: {
    "zh-CN": "该报告期与已安排的报告重叠",
    en: "The period overlaps a report already scheduled",
  },
  indicator_value_required: {
    "zh-CN": "请填写每个指标的本期数值",
    en: "Give every indicator's value for the period",
  },
  // Funding: funds and projects.
  fund_name_taken: {
    "zh-CN": "本基地已有同名资金，请换一个名称",
    en: "The base has a fund of this name already",
  },
  fund_partner_required: {
    "zh-CN": "合作伙伴资金须选择所属合作伙伴；其他资金不能选择合作伙伴",
    en: "A partner's fund names its partner; other funds name none",
  },
  fund_partner_inactive: {
    "zh-CN": "所选合作伙伴不是本基地合作中的伙伴",
    en: "The partner is not an active partner of this base",
  },
  fund_capacity_below_committed: {
    "zh-CN": "资金总额不能低于已承诺的 {committed} 元",
    en: "The capacity cannot be less than the {committed} yuan already committed",
  },
  programme_name_taken: {
    "zh-CN": "已有同名的十大工程，请换一个名称",
    en: "A flagship programme of this name exists already",
  },
  programme_unknown: {
    "zh-CN": "未找到该十大工程，或已停用",
    en: "No such flagship programme, or it is retired",
  },
  programme_required: {
    "zh-CN": "综合类孵化的项目须选择所属十大工程",
    en: "A combined-track project names its flagship programme",
  },
  programme_not_allowed: {
    "zh-CN": "只有综合类孵化的项目属于十大工程",
    en: "Only a combined-track project belongs to a flagship programme",
  },
  incubation_unknown: { "zh-CN": "未找到该孵化", en: "No such incubation in this base" },
  incubation_not_open: {
    "zh-CN": "该孵化已结束（毕业或终止），不能再新建项目",
    en: "The incubation has ended (graduated or terminated); it takes no new project",
  },
  incubation_track_no_project: {
    "zh-CN": "空间类孵化不能新建项目（项目类、综合类，或组织类的种子基金项目可以）",
    en: "A space-track incubation has no projects (project, combined, or an organization track's seed fund project)",
  },
  two_decimals: { "zh-CN": "最多保留两位小数", en: "At most two decimals" },
} satisfies Catalog;
export type FieldMessageKey = keyof typeof FIELD_MESSAGES;

/** What a `duplicate` error names ("{label}已存在"), by the field that collided. */
export const FIELD_LABELS = {
  username: { "zh-CN": "该账号", en: "The account name" },
  mobile: { "zh-CN": "该手机号", en: "The mobile number" },
} satisfies Catalog;

export const PASSWORD_PROBLEM_MESSAGES = {
  too_short: { "zh-CN": "至少 10 个字符", en: "at least 10 characters" },
  too_long: { "zh-CN": "不超过 128 个字符", en: "at most 128 characters" },
  needs_letter_and_digit: { "zh-CN": "须同时包含字母和数字", en: "both letters and digits" },
  contains_identity: { "zh-CN": "不能包含账号名或手机号", en: "must not contain the account name or mobile" },
} satisfies Catalog;

export function format(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) =>
    key in params ? String(params[key]) : `{${key}}`,
  );
}

export function isFieldMessageKey(key: string): key is FieldMessageKey {
  return key in FIELD_MESSAGES;
}
