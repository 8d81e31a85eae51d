/**
 * Text messages: phone confirmation codes (sent at once by the registration) and notices (queued
 * in sms_outbox and sent by the outbox worker, areas/notifications/sms-outbox.ts). The platform talks to one small interface; which
 * provider sits behind it is configuration: with no SMS_WEBHOOK_URL the message (with its code)
 * goes to the server log, as email does without SMTP; with it, the message is POSTed as JSON to
 * an adapter of the deployment's SMS gateway (Aliyun, Tencent Cloud, ... each has its own API and
 * signed templates, which the adapter owns).
 */

export interface SmsProvider {
  /**
   * Resolves once the provider accepted the message; rejects when it refused or was unreachable.
   * `id` (notices) stays the same when a message is sent again after an uncertain failure, so
   * the gateway can drop the duplicate.
   */
  send(mobile: string, text: string, id?: string): Promise<void>;
}

/**
 * The provider said no: the message was certainly not sent. Any other failure (a timeout, a lost
 * connection) may have come after the gateway took the message, so it may still arrive.
 */
export class SmsRefusedError extends Error {
  override name = "SmsRefusedError";
}

/** The part of the server logger (pino) the providers use. */
export interface SmsLogger {
  info(details: object, message: string): void;
}

/** Development and installations without a gateway: the message is only written to the log. */
class LogSmsProvider implements SmsProvider {
  constructor(private readonly logger: SmsLogger) {}

  async send(mobile: string, text: string, id?: string): Promise<void> {
    this.logger.info({ sms: { id, mobile, text } }, "SMS (no SMS_WEBHOOK_URL set: logged, not sent)");
  }
}

const NEVER_CONNECTED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/** POSTs `{id?, mobile, text}` to the gateway adapter; any answer but 2xx is a failure. */
class WebhookSmsProvider implements SmsProvider {
  constructor(
    private readonly url: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(mobile: string, text: string, id?: string): Promise<void> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(id ? { id, mobile, text } : { mobile, text }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      // No connection at all: nothing can have been sent. A timeout or a dropped connection
      // stays uncertain.
      const code = (error as { cause?: { code?: string } }).cause?.code;
      if (code && NEVER_CONNECTED.has(code))
        throw new SmsRefusedError("SMS webhook unreachable", { cause: error });
      throw error;
    }
    if (!response.ok) throw new SmsRefusedError(`SMS webhook answered ${response.status}`);
  }
}

/**
 * The provider for this configuration. `provider` (set in code, not from the environment) wins:
 * tests pass a recording provider through the Config they build the app with.
 */
export function smsProviderFor(
  settings: { smsWebhookUrl: string | null; smsProvider?: SmsProvider },
  logger: SmsLogger,
): SmsProvider {
  if (settings.smsProvider) return settings.smsProvider;
  if (settings.smsWebhookUrl) return new WebhookSmsProvider(settings.smsWebhookUrl);
  return new LogSmsProvider(logger);
}
