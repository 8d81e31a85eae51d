import type { FastifyRequest } from "fastify";
import type { Lang } from "../schemas/messages";

/** The request's language: the `lang` cookie the app sets, else Accept-Language, else Chinese. */
export function requestLang(request: FastifyRequest): Lang {
  const cookie = request.cookies?.lang;
  if (cookie === "en" || cookie === "zh-CN") return cookie;
  const header = request.headers["accept-language"] ?? "";
  const first = header.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "zh-CN";
}
