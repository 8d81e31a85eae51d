/**
 * A grant's spending under /api/grants/:id: receipts, items (report, correct and resubmit,
 * withdraw; verify and query), budget vs actual with the variance explanations, the grant's
 * workbook; and the base's finance workbook under /api/funding. Thin: each route parses with the
 * contract and calls one service.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ZIdParams } from "../../../../schemas/common";
import {
  ZBudgetLineParams,
  ZBudgetView,
  ZExpenseEntry,
  ZExpenseFields,
  ZExpenseListQuery,
  ZExpensePage,
  ZExpenseParams,
  ZExpenseQuestion,
  ZExpenseResubmit,
  ZExpenseStep,
  ZExplained,
  ZExplanationInput,
  ZFundingExportQuery,
} from "../../../../schemas/funding/spending";
import { uploadForm, ZUploadedFile } from "../../../../schemas/platform/files";
import { signedIn } from "../../../context";
import { errors } from "../../../route-docs";
import { localFileStorage } from "../../../storage";
import type { AreaDeps } from "../../deps";
import { receiveUpload } from "../../platform/files/receive";
import { attachment, XLSX_TYPE } from "../../platform/organizations/spreadsheet";
import { budgetView, explainVariance } from "./budget";
import { exportFundingWorkbook, exportGrantWorkbook } from "./export";
import { createExpense, resubmitExpense, withdrawExpense } from "./items";
import { getExpense, listExpenses } from "./list";
import { checkGrantOpenForReceipts, checkReceiptRole, uploadReceipt } from "./receipts";
import { reviewExpense } from "./review";

const tags = ["funding"];
const xlsxResponse = (description: string) => ({
  description,
  content: { [XLSX_TYPE]: { schema: z.any().meta({ type: "string", format: "binary" }) } },
});

/** Registered with the prefix /grants. */
export const grantSpendingRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db, config }) => {
  const storage = localFileStorage(config.dataDir);

  app.post(
    "/:id/receipts",
    {
      schema: {
        tags,
        operationId: "uploadGrantReceipt",
        summary:
          "Upload a receipt (票据: a photo or a PDF, multipart `file`) to a signed or active grant (the grantee's members); a spending item then names it by id",
        consumes: ["multipart/form-data"],
        params: ZIdParams,
        body: uploadForm({}),
        response: { 201: ZUploadedFile, ...errors(400, 401, 403, 404, 409, 413, 429) },
      },
    },
    async (request, reply) => {
      const ctx = signedIn(request);
      checkReceiptRole(ctx);
      const id = request.params.id;
      const upload = await receiveUpload(request, storage, () => checkGrantOpenForReceipts(db, ctx, id));
      return reply.status(201).send(await uploadReceipt(db, ctx, storage, id, upload));
    },
  );

  app.get(
    "/:id/expenses",
    {
      schema: {
        tags,
        operationId: "listGrantExpenses",
        summary:
          "A grant's spending items, newest day first, with receipts and review; what the reader may do (whoever reads the grant)",
        params: ZIdParams,
        querystring: ZExpenseListQuery,
        response: { 200: ZExpensePage, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => listExpenses(db, signedIn(request), request.params.id, request.query),
  );

  app.post(
    "/:id/expenses",
    {
      schema: {
        tags,
        operationId: "createGrantExpense",
        summary:
          "Report a spending item against a budget line with at least one uploaded receipt (the grantee's members, a signed or active grant); a retry with the same receipts answers the same item",
        params: ZIdParams,
        body: ZExpenseFields,
        response: { 201: ZExpenseEntry, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createExpense(db, signedIn(request), request.params.id, request.body)),
  );

  app.get(
    "/:id/expenses/:expenseId",
    {
      schema: {
        tags,
        operationId: "getGrantExpense",
        summary: "One spending item of a grant (whoever reads the grant)",
        params: ZExpenseParams,
        response: { 200: ZExpenseEntry, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => getExpense(db, signedIn(request), request.params.id, request.params.expenseId),
  );

  app.put(
    "/:id/expenses/:expenseId",
    {
      schema: {
        tags,
        operationId: "resubmitGrantExpense",
        summary:
          "Correct a queried item and resubmit it with the answer to staff's question (the grantee's members), at the version read",
        params: ZExpenseParams,
        body: ZExpenseResubmit,
        response: { 200: ZExpenseEntry, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      resubmitExpense(db, signedIn(request), request.params.id, request.params.expenseId, request.body),
  );

  app.post(
    "/:id/expenses/:expenseId/withdraw",
    {
      schema: {
        tags,
        operationId: "withdrawGrantExpense",
        summary: "Withdraw an item not yet verified (the grantee's members); it no longer counts as spent",
        params: ZExpenseParams,
        body: ZExpenseStep,
        response: { 200: ZExpenseEntry, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      withdrawExpense(db, signedIn(request), request.params.id, request.params.expenseId, request.body),
  );

  app.post(
    "/:id/expenses/:expenseId/verify",
    {
      schema: {
        tags,
        operationId: "verifyGrantExpense",
        summary: "Verify a submitted item against its receipts (staff)",
        params: ZExpenseParams,
        body: ZExpenseStep,
        response: { 200: ZExpenseEntry, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      reviewExpense(db, signedIn(request), request.params.id, request.params.expenseId, {
        event: "verify",
        version: request.body.version,
      }),
  );

  app.post(
    "/:id/expenses/:expenseId/query",
    {
      schema: {
        tags,
        operationId: "queryGrantExpense",
        summary: "Query a submitted item with a question the organization answers by resubmitting (staff)",
        params: ZExpenseParams,
        body: ZExpenseQuestion,
        response: { 200: ZExpenseEntry, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      reviewExpense(db, signedIn(request), request.params.id, request.params.expenseId, {
        event: "query",
        ...request.body,
      }),
  );

  app.get(
    "/:id/budget",
    {
      schema: {
        tags,
        operationId: "getGrantBudget",
        summary:
          "Budget vs actual per line: budget, actual (reported, not withdrawn), verified, variance in fen and basis points, over-spend, explanations needed (whoever reads the grant)",
        params: ZIdParams,
        response: { 200: ZBudgetView, ...errors(401, 403, 404) },
      },
    },
    async (request) => budgetView(db, signedIn(request), request.params.id),
  );

  app.put(
    "/:id/budget/:lineId/explanation",
    {
      schema: {
        tags,
        operationId: "explainBudgetVariance",
        summary: "Explain a budget line's variance (the grantee's members), at the line's version",
        params: ZBudgetLineParams,
        body: ZExplanationInput,
        response: { 200: ZExplained, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      explainVariance(db, signedIn(request), request.params.id, request.params.lineId, request.body),
  );

  app.get(
    "/:id/export.xlsx",
    {
      schema: {
        tags,
        operationId: "exportGrantWorkbook",
        summary:
          "One grant's finance workbook (.xlsx): the summary and the grant's sheet (whoever reads the grant)",
        params: ZIdParams,
        response: { 200: xlsxResponse("资助财务表 .xlsx"), ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const file = await exportGrantWorkbook(db, signedIn(request), request.params.id);
      return reply
        .type(XLSX_TYPE)
        .header("content-disposition", attachment(file.filename, "grant.xlsx"))
        .send(file.buffer);
    },
  );
};

/** Registered with the prefix /funding. */
export const fundingWorkbookRoutes: FastifyPluginAsyncZod<AreaDeps> = async (app, { db }) => {
  app.get(
    "/export.xlsx",
    {
      schema: {
        tags,
        operationId: "exportFundingWorkbook",
        summary:
          "The finance office's workbook (staff): a summary sheet and one sheet per grant (header, budget vs actual, items, totals); filters fund, year, status",
        querystring: ZFundingExportQuery,
        response: { 200: xlsxResponse("资助财务表 .xlsx"), ...errors(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const file = await exportFundingWorkbook(db, signedIn(request), request.query);
      return reply
        .type(XLSX_TYPE)
        .header("content-disposition", attachment(file.filename, "grants.xlsx"))
        .send(file.buffer);
    },
  );
};
