import { hash, verify } from "@node-rs/argon2";
import { passwordProblems } from "../domain/password-policy";
import type { Lang } from "../schemas/messages";
import { PASSWORD_PROBLEM_MESSAGES } from "../schemas/messages";
import { AppError } from "./errors";

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane. (2 is Algorithm.Argon2id, a const
// enum that isolated modules cannot import.)
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

/** A hash to verify against when the account does not exist, so timing does not tell. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("not-a-real-password-0");
  return dummyHash;
}

/** 400 `password_policy` listing every unmet rule, with the field that failed. */
export function assertPasswordPolicy(
  password: string,
  identity: (string | null | undefined)[],
  lang: Lang,
  field: string,
): void {
  const problems = passwordProblems(password, identity);
  if (problems.length === 0) return;
  const separator = lang === "en" ? "; " : "；";
  throw new AppError("password_policy", {
    field,
    params: { problems: problems.map((p) => PASSWORD_PROBLEM_MESSAGES[p][lang]).join(separator) },
    details: { problems },
  });
}
