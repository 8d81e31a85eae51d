/**
 * Configuration comes from environment variables only (documented in the README). Secrets that
 * are not given are generated once and kept under DATA_DIR, so a restart keeps sessions valid.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_QUIET_HOURS, parseQuietHours, type SmsLimits } from "../domain/sms-schedule";
import type { SmsProvider } from "./sms";

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  /** For LISTEN and the migration lock, which need a session-level connection (not PgBouncer's). */
  databaseDirectUrl: string | null;
  /** A read-only replica for the figures and reports; defaults to DATABASE_URL. */
  databaseReadUrl: string | null;
  sessionSecret: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** How long an instance may answer from a session it read; 0: every request reads it. */
  sessionCacheSeconds: number;
  cookieSecure: boolean;
  seedDemo: boolean;
  logLevel: string;
  /** Which proxies' X-Forwarded-For to believe: false, a hop count, or addresses/CIDRs. */
  trustProxy: boolean | number | string;
  bodyLimitBytes: number;
  /** Where phone codes go: an SMS gateway adapter taking POST {mobile, text}; null: the log. */
  smsWebhookUrl: string | null;
  /** Set in code only (tests): a provider that replaces the configured one. */
  smsProvider?: SmsProvider;
  /** Notices by SMS: the gateway's daily cap per number and the quiet hours (Asia/Shanghai). */
  smsLimits: SmsLimits;
  /** How often the SMS outbox worker looks for due texts. */
  smsPollSeconds: number;
  /** smtp(s)://user:pass@host:port for the email outbox; null: emails are logged, not sent. */
  smtpUrl: string | null;
  /** The sender of every email. */
  smtpFrom: string;
  /** How often the outbox worker looks for due emails. */
  emailPollSeconds: number;
  /** Used once, on an empty database when SEED_DEMO=false: the base and its administrator. */
  bootstrap: {
    baseCode: string;
    baseName: string;
    district: string;
    adminUsername: string;
    adminPassword: string | null;
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR ?? "./data");
  return {
    port: intVar(env, "PORT", 3000),
    host: env.HOST ?? "0.0.0.0",
    dataDir,
    databaseUrl: env.DATABASE_URL || null,
    databaseDirectUrl: env.DATABASE_DIRECT_URL || env.DATABASE_URL || null,
    databaseReadUrl: env.DATABASE_READ_URL || env.DATABASE_URL || null,
    sessionSecret: env.SESSION_SECRET || persistedSecret(dataDir, "session-secret"),
    sessionIdleMinutes: intVar(env, "SESSION_IDLE_MINUTES", 120),
    sessionAbsoluteHours: intVar(env, "SESSION_ABSOLUTE_HOURS", 12),
    sessionCacheSeconds: intVar(env, "SESSION_CACHE_SECONDS", 5, { zero: true }),
    cookieSecure: env.COOKIE_SECURE === "true",
    seedDemo: env.SEED_DEMO !== "false",
    logLevel: env.LOG_LEVEL ?? "info",
    trustProxy: trustProxyVar(env.TRUST_PROXY),
    bodyLimitBytes: intVar(env, "BODY_LIMIT_BYTES", 1024 * 1024),
    smsWebhookUrl: urlVar(env, "SMS_WEBHOOK_URL"),
    smsLimits: {
      dailyCap: intVar(env, "SMS_DAILY_CAP_PER_NUMBER", 5),
      quiet: quietHoursVar(env.SMS_QUIET_HOURS ?? DEFAULT_QUIET_HOURS),
    },
    smsPollSeconds: intVar(env, "SMS_POLL_SECONDS", 5),
    smtpUrl: urlVar(env, "SMTP_URL"),
    smtpFrom: env.SMTP_FROM || "社会组织孵化基地 <no-reply@localhost>",
    emailPollSeconds: intVar(env, "EMAIL_POLL_SECONDS", 5),
    bootstrap: {
      baseCode: env.BASE_CODE || "base",
      baseName: env.BASE_NAME || "社会组织孵化基地",
      district: env.BASE_DISTRICT || "",
      adminUsername: env.ADMIN_USERNAME || "admin",
      adminPassword: env.ADMIN_PASSWORD || null,
    },
  };
}

/**
 * Never "trust every proxy": a client can send its own X-Forwarded-For, so only as many hops as
 * there are proxies of ours (`true` means the one nginx in front) or their addresses are believed.
 */
function trustProxyVar(raw: string | undefined): boolean | number | string {
  if (!raw || raw === "false") return false;
  if (raw === "true") return 1;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw; // e.g. "127.0.0.1" or "10.0.0.0/8,127.0.0.1"
}

/** Refused at start-up when malformed: a typo must not silently text people at night. */
function quietHoursVar(raw: string): SmsLimits["quiet"] {
  const parsed = parseQuietHours(raw);
  if (!parsed.valid) throw new Error(`SMS_QUIET_HOURS must look like 21:00-08:00 or be "off", got "${raw}"`);
  return parsed.quiet;
}

function intVar(env: NodeJS.ProcessEnv, name: string, fallback: number, allow = { zero: false }): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || (value === 0 && !allow.zero))
    throw new Error(`${name} must be a ${allow.zero ? "non-negative" : "positive"} integer, got "${raw}"`);
  return value;
}

/** An optional URL, refused at start-up when malformed rather than at the first message. */
function urlVar(env: NodeJS.ProcessEnv, name: string): string | null {
  const raw = env[name];
  if (!raw) return null;
  if (!URL.canParse(raw)) throw new Error(`${name} must be a URL, got "${raw}"`);
  return raw;
}

function persistedSecret(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
