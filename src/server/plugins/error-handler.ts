import type { FastifyError, FastifyInstance, FastifyReply } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { isTransientConflict, isUniqueViolation } from "../../db/sql-text";
import type { ErrorResponse } from "../../schemas/common";
import { ERROR_MESSAGES, FIELD_MESSAGES, format, isFieldMessageKey, type Lang } from "../../schemas/messages";
import { AppError } from "../errors";
import { requestLang } from "../lang";

/** Maps every failure to `{ code, message, field? }` in the request's language. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const lang = requestLang(request);
    if (error instanceof AppError) {
      // A 5xx of ours is an outage the operators must see, with what failed underneath.
      if (error.status >= 500) request.log.error({ err: loggable(error) }, error.code);
      return sendAppError(reply, lang, error);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const zodIssue: ZodIssueLike | undefined = first && {
        ...(first.params as ZodIssueLike),
        code: first.keyword,
        message: first.message,
      };
      return reply.status(400).send(validationBody(lang, fieldPath(first?.instancePath), zodIssue));
    }
    // A path the static files refuse ("/assets/../x", a NUL byte): for the client, no such file.
    if (request.url.startsWith("/assets/") && error.statusCode && error.statusCode < 500) {
      return reply
        .status(404)
        .send({ code: "route_not_found", message: ERROR_MESSAGES.route_not_found[lang] });
    }
    if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE" || error.statusCode === 413) {
      return sendAppError(reply, lang, new AppError("payload_too_large"));
    }
    if (
      error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" ||
      error.code === "FST_ERR_CTP_EMPTY_JSON_BODY" ||
      (error.statusCode === 400 && error.code?.startsWith("FST_"))
    ) {
      return reply
        .status(400)
        .send({ code: "validation_failed", message: ERROR_MESSAGES.validation_failed[lang] });
    }
    if (isUniqueViolation(error)) {
      return sendAppError(
        reply,
        lang,
        new AppError("duplicate", { params: { label: lang === "en" ? "The record" : "该记录" } }),
      );
    }
    // PostgreSQL chose this transaction to abort (a deadlock, a serialization failure) so that
    // another could finish: it wrote nothing, and the client may send it again.
    if (isTransientConflict(error)) {
      request.log.warn({ err: loggable(error) }, "transaction aborted by the database, retryable");
      return sendAppError(reply, lang, new AppError("busy_retry"));
    }
    request.log.error({ err: loggable(error) }, "unhandled error");
    return reply.status(500).send({ code: "internal", message: ERROR_MESSAGES.internal[lang] });
  });
}

interface ZodIssueLike {
  code?: string;
  message?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  expected?: string;
  /** A refinement's own parameters (a date's year range). */
  params?: { minimum?: number; maximum?: number };
}

function sendAppError(reply: FastifyReply, lang: Lang, error: AppError) {
  const { field, fieldMessage, params, details } = error.options;
  const body: ErrorResponse = {
    code: error.code,
    message:
      fieldMessage !== undefined
        ? format(FIELD_MESSAGES[fieldMessage][lang], params)
        : format(ERROR_MESSAGES[error.code][lang], params),
  };
  if (field) body.field = field;
  if (details) body.details = details;
  return reply.status(error.status).send(body);
}

/** Turns a Zod issue into a specific field message: our own keys first, then Zod's issue codes. */
function validationBody(
  lang: Lang,
  field: string | undefined,
  issue: ZodIssueLike | undefined,
): ErrorResponse {
  const key = messageKey(issue);
  const params = {
    minimum: issue?.minimum ?? issue?.params?.minimum,
    maximum: issue?.maximum ?? issue?.params?.maximum,
  };
  const message = format(FIELD_MESSAGES[key][lang], params);
  return field ? { code: "validation_failed", message, field } : { code: "validation_failed", message };
}

function messageKey(issue: ZodIssueLike | undefined): keyof typeof FIELD_MESSAGES {
  if (!issue) return "invalid";
  if (issue.message && isFieldMessageKey(issue.message)) return issue.message;
  if (issue.code === "invalid_type" && issue.message?.includes("received undefined")) return "required";
  switch (issue.code) {
    case "too_small":
      return issue.origin === "string" ? "too_short" : issue.origin === "array" ? "required" : "too_small";
    case "too_big":
      return issue.origin === "string" ? "too_long" : "too_big";
    case "invalid_value":
    case "invalid_enum_value":
      return "invalid_option";
    case "invalid_type":
      return issue.expected === "number" ? "number_invalid" : "invalid";
    default:
      return "invalid";
  }
}

function fieldPath(instancePath: string | undefined): string | undefined {
  const trimmed = instancePath?.replace(/^\//, "").replaceAll("/", ".");
  return trimmed || undefined;
}

/**
 * What of an unexpected error goes to the log: a database error's message carries the query's
 * parameters (password hashes, phone numbers), so only its first line and the driver's code do.
 */
function loggable(error: FastifyError): Record<string, unknown> {
  type Cause = { code?: string; constraint?: string; message?: string; cause?: unknown };
  const cause = (error as { cause?: Cause }).cause;
  // The chain of causes, first lines only: "fetch failed: connect ECONNREFUSED 127.0.0.1:9".
  const causes: string[] = [];
  for (let c: Cause | undefined = cause; c && causes.length < 4; c = c.cause as Cause | undefined) {
    if (c.message) causes.push(c.message.split("\n")[0] as string);
  }
  return {
    type: error.name,
    message: error.message.split("\n")[0],
    code: error.code ?? cause?.code,
    constraint: cause?.constraint,
    cause: causes.length > 0 ? causes.join(": ") : undefined,
    stack: error.stack?.split("\n").slice(1, 8).join("\n"),
  };
}
