/**
 * Where outbox emails go: SMTP through nodemailer when SMTP_URL is set, otherwise the server log
 * (development, or an installation without mail), in which case the email counts as sent.
 */
import nodemailer from "nodemailer";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Resolves when the server accepted the message; rejects with the server's reason. */
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

export interface MailLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export function mailerFor(
  settings: { smtpUrl: string | null; smtpFrom: string },
  logger: MailLogger,
): Mailer {
  if (!settings.smtpUrl) {
    return {
      async send(email) {
        logger.info({ email }, "email (no SMTP_URL set: logged, not sent)");
      },
      close() {},
    };
  }
  // Short timeouts: a hung server should fail this attempt (and be retried), not hold the worker.
  const transport = nodemailer.createTransport({
    url: settings.smtpUrl,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  return {
    async send(email) {
      await transport.sendMail({
        from: settings.smtpFrom,
        to: email.to,
        subject: email.subject,
        text: email.text,
      });
    },
    close: () => transport.close(),
  };
}
