/**
 * Every action the audit log records, with its record kind and its name in both languages: the
 * one vocabulary the writers (`recordAudit` takes only these codes), the audit page's filter and
 * its labels share. A new action is added here first; the type then lets a writer use it.
 */

/** The kinds of record an audit entry is about. */
export const AUDIT_ENTITIES = {
  base: { zhCN: "孵化基地", en: "Base" },
  user: { zhCN: "用户", en: "User" },
  organization: { zhCN: "社会组织", en: "Organization" },
  call: { zhCN: "招募", en: "Call" },
  application: { zhCN: "申请", en: "Application" },
  file: { zhCN: "文件", en: "File" },
  expert: { zhCN: "评审专家", en: "Expert" },
  expert_invitation: { zhCN: "专家邀请", en: "Expert invitation" },
  rubric: { zhCN: "评审指标", en: "Rubric" },
  round: { zhCN: "评审轮次", en: "Review round" },
  review: { zhCN: "专家评分", en: "Review" },
  notice: { zhCN: "入壳公示", en: "Public notice" },
  inspection: { zhCN: "考察", en: "Inspection" },
  incubation: { zhCN: "孵化", en: "Incubation" },
  cohort: { zhCN: "孵化批次", en: "Cohort" },
  instrument: { zhCN: "能力评估体系", en: "Capacity instrument" },
  assessment: { zhCN: "能力评估", en: "Capacity assessment" },
  plan: { zhCN: "孵化计划", en: "Incubation plan" },
  partner: { zhCN: "合作伙伴", en: "Partner" },
  training: { zhCN: "培训", en: "Training" },
  person: { zhCN: "个人用户", en: "Individual" },
  service_catalogue: { zhCN: "服务目录", en: "Service catalogue" },
  service_request: { zhCN: "服务申请", en: "Service request" },
  service_record: { zhCN: "服务记录", en: "Service record" },
  post: { zhCN: "资讯", en: "Post" },
  mentor: { zhCN: "导师", en: "Mentor" },
  mentorship: { zhCN: "导师结对", en: "Mentorship" },
  mentoring_session: { zhCN: "辅导记录", en: "Mentoring session" },
  fund: { zhCN: "资金", en: "Fund" },
  project: { zhCN: "项目", en: "Project" },
} as const;
export type AuditEntity = keyof typeof AUDIT_ENTITIES;

interface ActionEntry {
  entity: AuditEntity;
  zhCN: string;
  en: string;
}

/** In the order people look for them: by area, the everyday acts first. */
export const AUDIT_ACTIONS = {
  "auth.login": { entity: "user", zhCN: "登录", en: "Signed in" },
  "auth.logout": { entity: "user", zhCN: "退出登录", en: "Signed out" },
  "auth.login_failed": { entity: "user", zhCN: "登录失败", en: "Failed sign-in" },
  "auth.account_locked": { entity: "user", zhCN: "账号被锁定", en: "Account locked" },
  "auth.login_locked": { entity: "user", zhCN: "锁定期间尝试登录", en: "Sign-in while locked" },
  "auth.login_disabled": { entity: "user", zhCN: "停用账号尝试登录", en: "Sign-in to a disabled account" },
  "auth.login_unknown": { entity: "user", zhCN: "未知账号登录", en: "Sign-in to an unknown account" },
  "auth.password_changed": { entity: "user", zhCN: "修改密码", en: "Changed own password" },
  "auth.password_reset": {
    entity: "user",
    zhCN: "凭短信验证码重置密码",
    en: "Reset own password by phone code",
  },

  "user.created": { entity: "user", zhCN: "新建用户", en: "Created a user" },
  "user.registered": { entity: "user", zhCN: "申请人注册", en: "Applicant registered" },
  "user.updated": { entity: "user", zhCN: "修改用户", en: "Edited a user" },
  "user.disabled": { entity: "user", zhCN: "停用用户", en: "Disabled a user" },
  "user.enabled": { entity: "user", zhCN: "启用用户", en: "Enabled a user" },
  "user.unlocked": { entity: "user", zhCN: "解锁用户", en: "Unlocked a user" },
  "user.password_reset": { entity: "user", zhCN: "重置密码", en: "Reset a password" },
  "user.notification_settings_changed": {
    entity: "user",
    zhCN: "修改通知设置",
    en: "Changed notification settings",
  },

  "organization.created": { entity: "organization", zhCN: "新建组织", en: "Created an organization" },
  "organization.updated": { entity: "organization", zhCN: "修改组织", en: "Edited an organization" },
  "organization.imported": { entity: "organization", zhCN: "导入组织", en: "Imported organizations" },
  "organization.exported": { entity: "organization", zhCN: "导出组织", en: "Exported organizations" },
  "organization.growth_exported": {
    entity: "organization",
    zhCN: "导出成长档案",
    en: "Exported a growth file",
  },
  "organization.contact_revealed": {
    entity: "organization",
    zhCN: "查看完整联系电话",
    en: "Revealed a contact phone",
  },

  "call.created": { entity: "call", zhCN: "新建招募", en: "Created a call" },
  "call.updated": { entity: "call", zhCN: "修改招募草稿", en: "Edited a draft call" },
  "call.published": { entity: "call", zhCN: "发布招募", en: "Published a call" },
  "call.revised": { entity: "call", zhCN: "修订已发布招募", en: "Revised a published call" },
  "call.closed": { entity: "call", zhCN: "关闭招募", en: "Closed a call" },

  "application.create": { entity: "application", zhCN: "创建申请", en: "Started an application" },
  "application.save": { entity: "application", zhCN: "保存申请", en: "Saved an application" },
  "application.document_upload": { entity: "application", zhCN: "上传材料", en: "Uploaded a document" },
  "application.document_remove": { entity: "application", zhCN: "删除材料", en: "Removed a document" },
  "application.document_replace": { entity: "application", zhCN: "替换材料", en: "Replaced a document" },
  "application.submit": { entity: "application", zhCN: "提交申请", en: "Submitted" },
  "application.resubmit": { entity: "application", zhCN: "重新提交", en: "Resubmitted" },
  "application.withdraw": { entity: "application", zhCN: "撤回申请", en: "Withdrew" },
  "application.intake_verdict": {
    entity: "application",
    zhCN: "材料审核意见",
    en: "Intake verdict on an item",
  },
  "application.return": { entity: "application", zhCN: "退回补充", en: "Returned for completion" },
  "application.accept": { entity: "application", zhCN: "受理进入初筛", en: "Accepted for screening" },
  "application.mark_ineligible": { entity: "application", zhCN: "认定不符合条件", en: "Marked ineligible" },
  "application.plan_inspection": { entity: "application", zhCN: "安排考察", en: "Planned an inspection" },
  "application.cancel_inspection": { entity: "application", zhCN: "取消考察", en: "Cancelled an inspection" },
  "application.sign_off_inspection": {
    entity: "application",
    zhCN: "考察记录签署",
    en: "Signed off an inspection",
  },
  "application.reopen_inspection": {
    entity: "application",
    zhCN: "更正考察记录",
    en: "Reopened an inspection for a correction",
  },
  "application.screen_out": { entity: "application", zhCN: "考察未通过", en: "Screened out at inspection" },
  "application.enter_review": {
    entity: "application",
    zhCN: "进入入壳评审",
    en: "Entered the admission review",
  },
  "application.leave_review": {
    entity: "application",
    zhCN: "移出评审轮次",
    en: "Removed from a review round",
  },
  "application.admit": { entity: "application", zhCN: "决定拟入壳", en: "Decided to admit" },
  "application.waitlist": { entity: "application", zhCN: "列入候补", en: "Waitlisted" },
  "application.reject": { entity: "application", zhCN: "决定未入选", en: "Decided not to select" },
  "application.reconsider": { entity: "application", zhCN: "重新评议", en: "Reconsidered a decision" },
  "application.confirm": { entity: "application", zhCN: "确认入壳", en: "Confirmed the place" },
  "application.decline": { entity: "application", zhCN: "放弃入壳", en: "Declined the place" },
  "application.lapse": {
    entity: "application",
    zhCN: "逾期未确认入壳",
    en: "Recorded a lapsed confirmation",
  },
  "application.extend": { entity: "application", zhCN: "延长截止时间", en: "Extended the deadline" },
  "application.message": { entity: "application", zhCN: "发送消息", en: "Sent a message" },
  "application.exported": {
    entity: "application",
    zhCN: "导出初筛基础文件",
    en: "Exported the screening file",
  },

  "expert.invited": { entity: "expert_invitation", zhCN: "邀请评审专家", en: "Invited an expert" },
  "expert.invitation_resent": {
    entity: "expert_invitation",
    zhCN: "重新发送专家邀请",
    en: "Resent an expert invitation",
  },
  "expert.invitation_revoked": {
    entity: "expert_invitation",
    zhCN: "撤回专家邀请",
    en: "Withdrew an expert invitation",
  },
  "expert.joined": { entity: "expert", zhCN: "接受邀请成为评审专家", en: "Accepted an expert invitation" },
  "expert.sign_in_link_sent": { entity: "expert", zhCN: "发送登录链接", en: "Sent a sign-in link" },
  "expert.signed_in_by_link": {
    entity: "expert",
    zhCN: "通过登录链接登录",
    en: "Signed in by a sign-in link",
  },
  "expert.profile_updated": { entity: "expert", zhCN: "更新专家资料", en: "Updated an expert profile" },
  "expert.conflict_declared": {
    entity: "expert",
    zhCN: "申报利益冲突",
    en: "Declared a conflict of interest",
  },
  "expert.conflict_withdrawn": {
    entity: "expert",
    zhCN: "撤回申报的利益冲突",
    en: "Withdrew a declared conflict of interest",
  },
  "expert.conflict_recorded": {
    entity: "expert",
    zhCN: "登记专家利益冲突",
    en: "Recorded an expert's conflict of interest",
  },
  "rubric.create": { entity: "rubric", zhCN: "新建评审指标版本", en: "Created a rubric version" },
  "rubric.update": { entity: "rubric", zhCN: "修改评审指标", en: "Edited a rubric" },
  "round.create": { entity: "round", zhCN: "新建评审轮次", en: "Created a review round" },
  "round.update": { entity: "round", zhCN: "修改评审轮次", en: "Edited a review round" },
  "round.add_expert": { entity: "round", zhCN: "加入评审专家", en: "Added an expert to a round" },
  "round.remove_expert": { entity: "round", zhCN: "移除评审专家", en: "Removed an expert from a round" },
  "round.drop_out": {
    entity: "round",
    zhCN: "专家退出并重新分配",
    en: "Recorded an expert's drop-out and reassigned",
  },
  "round.auto_assign": { entity: "round", zhCN: "自动分配评审", en: "Assigned reviewers automatically" },
  "round.add_pair": { entity: "round", zhCN: "手动分配评审", en: "Assigned a reviewer by hand" },
  "round.remove_pair": { entity: "round", zhCN: "移除评审分配", en: "Removed a reviewer assignment" },
  "round.open": { entity: "round", zhCN: "开始评审", en: "Opened a review round" },
  "round.close": { entity: "round", zhCN: "结束评审", en: "Closed a review round" },
  "round.reopen": { entity: "round", zhCN: "重新开始评审", en: "Reopened a review round" },
  "review.submit": { entity: "review", zhCN: "提交评分", en: "Submitted a review" },
  "review.reopen": { entity: "review", zhCN: "重新开放评分", en: "Reopened a submitted review" },
  // The review meeting, the public notice (stage 3).
  "application.file_exported": {
    entity: "application",
    zhCN: "导出申请完整档案",
    en: "Exported an application's complete file",
  },
  "round.note_added": { entity: "round", zhCN: "添加评审会记录", en: "Added a meeting note" },
  "round.ranking_exported": { entity: "round", zhCN: "导出评审排名", en: "Exported the ranking" },
  "notice.published": { entity: "notice", zhCN: "发布入壳公示", en: "Published a public notice" },
  "notice.objection_recorded": { entity: "notice", zhCN: "登记公示异议", en: "Recorded an objection" },
  "notice.objection_answered": { entity: "notice", zhCN: "答复公示异议", en: "Answered an objection" },
  "notice.closed": {
    entity: "notice",
    zhCN: "关闭公示（决定生效，发送通知书）",
    en: "Closed a notice (decisions final, letters sent)",
  },
  "inspection.plan_edit": { entity: "inspection", zhCN: "修改考察安排", en: "Changed an inspection plan" },
  "inspection.record": { entity: "inspection", zhCN: "保存考察记录", en: "Saved an inspection record" },
  "inspection.sign_off": {
    entity: "inspection",
    zhCN: "签署考察记录",
    en: "Signed off an inspection record",
  },
  "inspection.correct": {
    entity: "inspection",
    zhCN: "更正考察记录",
    en: "Opened a correction of an inspection",
  },
  "inspection.cancel": { entity: "inspection", zhCN: "取消考察", en: "Cancelled an inspection" },

  "incubation.enrol": { entity: "incubation", zhCN: "开始孵化", en: "Started an incubation" },
  "incubation.update": { entity: "incubation", zhCN: "修改孵化信息", en: "Changed an incubation" },
  "incubation.suspend": { entity: "incubation", zhCN: "暂停孵化", en: "Suspended an incubation" },
  "incubation.resume": { entity: "incubation", zhCN: "恢复孵化", en: "Resumed an incubation" },
  "incubation.extend": { entity: "incubation", zhCN: "延长孵化期", en: "Extended an incubation" },
  "incubation.start_exit_review": {
    entity: "incubation",
    zhCN: "进入出壳评估",
    en: "Started an exit review",
  },
  "incubation.graduate": { entity: "incubation", zhCN: "出壳毕业", en: "Graduated an incubation" },
  "incubation.terminate": { entity: "incubation", zhCN: "终止孵化", en: "Terminated an incubation" },
  "incubation.exported": { entity: "incubation", zhCN: "导出孵化名单", en: "Exported incubations" },
  "incubation.settings": { entity: "base", zhCN: "修改孵化设置", en: "Changed the incubation settings" },
  "cohort.create": { entity: "cohort", zhCN: "新建孵化批次", en: "Created a cohort" },
  "instrument.create": { entity: "instrument", zhCN: "新建能力评估体系", en: "Created an instrument" },
  "instrument.draft": { entity: "instrument", zhCN: "编辑评估体系草稿", en: "Edited an instrument draft" },
  "instrument.publish": {
    entity: "instrument",
    zhCN: "发布评估体系版本",
    en: "Published an instrument version",
  },
  "instrument.discard": {
    entity: "instrument",
    zhCN: "删除评估体系草稿",
    en: "Deleted an instrument draft",
  },
  "instrument.activate": {
    entity: "instrument",
    zhCN: "设为赛道启用版本",
    en: "Made a version a track's active one",
  },
  "assessment.start": { entity: "assessment", zhCN: "开始能力评估", en: "Started an assessment" },
  "assessment.submit": { entity: "assessment", zhCN: "提交能力评估", en: "Submitted an assessment" },
  "assessment.correct": { entity: "assessment", zhCN: "更正能力评估", en: "Corrected an assessment" },

  "need.record": { entity: "plan", zhCN: "记录问题与需求", en: "Recorded a need" },
  "need.update": { entity: "plan", zhCN: "修改问题与需求", en: "Edited a need" },
  "plan.save": { entity: "plan", zhCN: "保存孵化计划草稿", en: "Saved a draft plan" },
  "plan.propose": { entity: "plan", zhCN: "提交孵化计划供确认", en: "Proposed a plan" },
  "plan.withdraw": { entity: "plan", zhCN: "撤回孵化计划", en: "Withdrew a proposed plan" },
  "plan.agree": { entity: "plan", zhCN: "确认孵化计划", en: "Agreed a plan" },
  "plan.revise": { entity: "plan", zhCN: "修订孵化计划", en: "Reopened a plan for revision" },
  "plan.action_progress": { entity: "plan", zhCN: "更新计划行动进度", en: "Updated an action's progress" },
  "post.create": { entity: "post", zhCN: "撰写资讯", en: "Wrote a post" },
  "post.update": { entity: "post", zhCN: "修改资讯", en: "Edited a post" },
  "post.publish": { entity: "post", zhCN: "发布资讯", en: "Published a post" },
  "post.withdraw": { entity: "post", zhCN: "撤回资讯", en: "Withdrew a post" },
  "post.redraft": { entity: "post", zhCN: "资讯退回草稿", en: "Took a post back to a draft" },
  "post.receipts_exported": {
    entity: "post",
    zhCN: "导出资讯阅读回执",
    en: "Exported a post's read receipts",
  },

  "partner.created": { entity: "partner", zhCN: "新建合作伙伴", en: "Created a partner" },
  "partner.updated": { entity: "partner", zhCN: "修改合作伙伴", en: "Edited a partner" },
  "partner.archived": { entity: "partner", zhCN: "归档合作伙伴", en: "Archived a partner" },
  "partner.restored": { entity: "partner", zhCN: "恢复合作伙伴", en: "Restored a partner" },
  "stats.services_exported": { entity: "base", zhCN: "导出服务数据", en: "Exported the service figures" },
  "organization.services_exported": {
    entity: "organization",
    zhCN: "导出组织服务数据",
    en: "Exported an organization's service figures",
  },
  "service.catalogue_create": {
    entity: "service_catalogue",
    zhCN: "新增目录服务",
    en: "Added a catalogue service",
  },
  "service.catalogue_update": {
    entity: "service_catalogue",
    zhCN: "修改目录服务",
    en: "Edited a catalogue service",
  },
  "service.submit": { entity: "service_request", zhCN: "提交服务申请", en: "Asked for a service" },
  "service.accept": { entity: "service_request", zhCN: "受理服务申请", en: "Accepted a service request" },
  "service.decline": {
    entity: "service_request",
    zhCN: "不予受理服务申请",
    en: "Declined a service request",
  },
  "service.schedule": { entity: "service_request", zhCN: "预约服务", en: "Scheduled a service" },
  "service.close": { entity: "service_request", zhCN: "完成服务申请", en: "Closed a service request" },
  "service.cancel": { entity: "service_request", zhCN: "撤回服务申请", en: "Cancelled a service request" },
  "service.assign": { entity: "service_request", zhCN: "指派服务承办人", en: "Assigned a handler" },
  "service.record": { entity: "service_record", zhCN: "记录服务", en: "Recorded a service" },
  "service.record_bulk": {
    entity: "service_record",
    zhCN: "批量记录服务",
    en: "Recorded a service for a group",
  },
  "service.rate": { entity: "service_record", zhCN: "评价服务", en: "Rated a service" },
  "service.exported": { entity: "service_request", zhCN: "导出服务申请", en: "Exported service requests" },
  "mentor.profile": { entity: "mentor", zhCN: "编辑导师档案", en: "Edited a mentor profile" },
  "mentorship.create": { entity: "mentorship", zhCN: "安排导师结对", en: "Assigned a mentor" },
  "mentorship.end": { entity: "mentorship", zhCN: "提前结束导师结对", en: "Ended a mentorship early" },
  "mentoring.log": { entity: "mentoring_session", zhCN: "记录导师辅导", en: "Logged a mentoring session" },
  "mentoring.confirm": {
    entity: "mentoring_session",
    zhCN: "确认并评价导师辅导",
    en: "Confirmed and rated a mentoring session",
  },
  "mentoring.dispute": {
    entity: "mentoring_session",
    zhCN: "对导师辅导记录提出异议",
    en: "Disputed a mentoring session",
  },

  "file.upload": { entity: "file", zhCN: "上传附件", en: "Uploaded an attachment" },

  "system.bootstrap": { entity: "base", zhCN: "初始化基地", en: "Set up the base" },
  "system.seed": { entity: "base", zhCN: "初始化演示数据", en: "Loaded the demo data" },
  "training.create": { entity: "training", zhCN: "新建培训", en: "Created a training" },
  "training.update": { entity: "training", zhCN: "修改培训", en: "Edited a training" },
  "training.publish": { entity: "training", zhCN: "发布培训", en: "Published a training" },
  "training.cancel": { entity: "training", zhCN: "取消培训", en: "Cancelled a training" },
  "training.finish": { entity: "training", zhCN: "培训结束", en: "Marked a training done" },
  "training.enrol": { entity: "training", zhCN: "培训报名", en: "Enrolled in a training" },
  "training.unenrol": { entity: "training", zhCN: "取消培训报名", en: "Cancelled an enrolment" },
  "training.attendance": { entity: "training", zhCN: "培训签到/考勤", en: "Recorded an attendance" },
  "training.series": { entity: "training", zhCN: "新建培训系列", en: "Created a training series" },
  "training.certificate": { entity: "training", zhCN: "颁发结业证书", en: "Issued a certificate" },
  "person.registered": { entity: "person", zhCN: "个人用户注册", en: "An individual registered" },
  "person.added": { entity: "person", zhCN: "添加个人用户", en: "Added an individual" },
  "person.profile_updated": { entity: "person", zhCN: "修改个人信息", en: "Edited a personal profile" },
  "person.updated": { entity: "person", zhCN: "修改人员信息", en: "Edited an individual" },
  "person.exported": { entity: "person", zhCN: "导出人员名单", en: "Exported people" },
  // Funding: settings, flagship programmes, funds, projects and replication sites.
  "funding.settings": { entity: "base", zhCN: "修改资金设置", en: "Changed the funding settings" },
  "funding.programme_created": { entity: "base", zhCN: "新增十大工程", en: "Added a flagship programme" },
  "funding.programme_updated": { entity: "base", zhCN: "修改十大工程", en: "Renamed a flagship programme" },
  "funding.programme_retired": { entity: "base", zhCN: "停用十大工程", en: "Retired a flagship programme" },
  "fund.created": { entity: "fund", zhCN: "新建资金", en: "Created a fund" },
  "fund.updated": { entity: "fund", zhCN: "修改资金", en: "Edited a fund" },
  "fund.closed": { entity: "fund", zhCN: "关闭资金", en: "Closed a fund" },
  "project.created": { entity: "project", zhCN: "新建项目", en: "Created a project" },
  "project.updated": { entity: "project", zhCN: "修改项目", en: "Edited a project" },
  "project.closed": { entity: "project", zhCN: "结项", en: "Closed a project" },
  "project.cancelled": { entity: "project", zhCN: "取消项目", en: "Cancelled a project" },
  "project.site_added": { entity: "project", zhCN: "登记复制点", en: "Added a replication site" },
  "project.site_removed": { entity: "project", zhCN: "删除复制点", en: "Removed a replication site" },
} as const satisfies Record<string, ActionEntry>;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_ACTION_CODES = Object.keys(AUDIT_ACTIONS) as AuditAction[];

/** The area of an action ("application" of "application.accept"), for grouping the filter. */
export function auditArea(action: AuditAction): string {
  return action.slice(0, action.indexOf("."));
}

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}
