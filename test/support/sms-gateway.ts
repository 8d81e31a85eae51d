/**
 * A real local HTTP server standing in for the SMS gateway adapter behind SMS_WEBHOOK_URL: it
 * records every POSTed JSON body and answers as told per number (200, an error status, or a
 * dropped connection: the uncertain failure).
 */
import { createServer, type Server } from "node:http";
import { freePort } from "../../scripts/lib/processes";

export interface GatewayMessage {
  id?: string;
  mobile: string;
  text: string;
}

export interface FakeGateway {
  url: string;
  received: GatewayMessage[];
  /** How to answer messages to `mobile` from now on: a status, or "drop" to cut the connection. */
  answer(mobile: string, how: number | "drop"): void;
  to(mobile: string): GatewayMessage[];
  close(): Promise<void>;
}

export async function startGateway(): Promise<FakeGateway> {
  const received: GatewayMessage[] = [];
  const answers = new Map<string, number | "drop">();
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      const message = JSON.parse(body) as GatewayMessage;
      received.push(message);
      const how = answers.get(message.mobile) ?? 200;
      if (how === "drop") {
        req.socket.destroy();
        return;
      }
      res.statusCode = how;
      res.end();
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}/sms`,
    received,
    answer: (mobile, how) => answers.set(mobile, how),
    to: (mobile) => received.filter((m) => m.mobile === mobile),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
