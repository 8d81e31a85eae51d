/**
 * Small, valid one-page PDFs for the demo documents: drawn with a standard font (Helvetica, no
 * embedding) in ASCII, with a correct cross-reference table, so viewers open them and the
 * upload sniffer types them application/pdf. Made in code: the repository carries no binaries.
 */
import { createHash } from "node:crypto";

export interface DemoBlob {
  sha256: string;
  bytes: Uint8Array;
}

/** PDF string literal: backslash and parentheses escaped, ASCII only. */
function literal(text: string): string {
  const ascii = text.replace(/[^\x20-\x7e]/g, "?");
  return `(${ascii.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** A one-page A4 PDF: a title line and a few smaller lines under it. */
export function demoPdf(title: string, lines: string[] = []): DemoBlob {
  const text = [
    "BT /F1 20 Tf 72 760 Td",
    `${literal(title)} Tj`,
    "/F1 12 Tf 0 -32 Td 16 TL",
    ...lines.map((line) => `${literal(line)} '`),
    "ET",
  ].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    `<< /Length ${Buffer.byteLength(text, "latin1")} >>\nstream\n${text}\nendstream`,
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  // Each cross-reference entry is exactly 20 bytes: 10-digit offset, generation, flag, " \n".
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const bytes = new Uint8Array(Buffer.from(body, "latin1"));
  return { sha256: createHash("sha256").update(bytes).digest("hex"), bytes };
}
