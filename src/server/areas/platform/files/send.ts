/**
 * Sending a stored file: its bytes under its original name, typed as sniffed at upload, never
 * sniffed again by the browser; shown inline only for the types that are safe to frame.
 */
import type { FastifyReply } from "fastify";
import { showsInline } from "../../../../domain/upload";
import type { FileStorage } from "../../../storage";
import type { FileRow } from "./service";

export function sendFile(reply: FastifyReply, storage: FileStorage, file: FileRow, wantsInline: boolean) {
  const inline = wantsInline && showsInline(file.mime);
  const name = `filename*=UTF-8''${encodeURIComponent(file.originalName)}`;
  if (inline) {
    // Shown in the page's frame: the bytes run nothing (sandbox), load nothing, and only this
    // site may frame them. Other types stay downloads whatever the query says.
    reply.header("content-security-policy", "sandbox; default-src 'none'; frame-ancestors 'self'");
  }
  return reply
    .header("content-type", file.mime)
    .header("content-length", String(file.size))
    .header("content-disposition", `${inline ? "inline" : "attachment"}; ${name}`)
    .header("x-content-type-options", "nosniff")
    .header("cache-control", "private, no-store")
    .send(storage.stream(file.sha256));
}
