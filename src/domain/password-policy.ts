/**
 * Password policy: at least 10 characters with letters and digits, not the account name or
 * mobile. Long enough to resist guessing, short enough that base staff will accept it.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = "too_short" | "too_long" | "needs_letter_and_digit" | "contains_identity";

export function passwordProblems(
  password: string,
  identity: (string | null | undefined)[] = [],
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push("too_short");
  if (password.length > PASSWORD_MAX_LENGTH) problems.push("too_long");
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) problems.push("needs_letter_and_digit");
  const lower = password.toLowerCase();
  if (identity.some((id) => id && id.length >= 3 && lower.includes(id.toLowerCase()))) {
    problems.push("contains_identity");
  }
  return problems;
}
