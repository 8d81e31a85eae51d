/** UI strings of 忘记密码, Chinese first; `en` must have the same keys (the type checks it). */
export const zhCN = {
  link: "忘记密码？",
  title: "忘记密码",
  intro: "输入账号名或手机号，验证码将发送到账号登记的手机上。验证后设置新密码。",
  account: "账号或手机号",
  accountPlaceholder: "登录用的账号名或手机号",
  // Says nothing about whether the account exists: the server answers the same either way.
  codeSent: "如果该账号存在且登记了手机号，验证码已发送到该手机，{{minutes}} 分钟内有效",
  submit: "重设密码",
  attemptsLeft: "{{message}}（还可再试 {{count}} 次）",
  noMobile: "账号没有登记手机号、或手机号已停用时，请联系基地工作人员重设密码。",
  backToLogin: "返回登录",
  done: "密码已重设，请用新密码登录。此前在各设备上的登录均已退出。",
};

export const en: typeof zhCN = {
  link: "Forgot password?",
  title: "Forgot password",
  intro:
    "Enter your account name or mobile number; a code goes to the mobile on file for the account. Then set a new password.",
  account: "Account name or mobile",
  accountPlaceholder: "Name or mobile",
  codeSent:
    "If the account exists and has a mobile on file, a code was texted to it; it is valid for {{minutes}} minutes",
  submit: "Reset password",
  attemptsLeft: "{{message}} ({{count}} tries left)",
  noMobile:
    "If the account has no mobile on file, or the number is no longer yours, ask the base staff to reset it.",
  backToLogin: "Back to sign-in",
  done: "Your password was reset; sign in with the new one. Every earlier sign-in has been ended.",
};
