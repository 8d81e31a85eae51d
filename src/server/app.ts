/**
 * Builds the Fastify instance: plugins, the error family, every area's routes under /api, and
 * the built web app with a single-page fallback. No listening here, so tests use `inject`.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { Database } from "../db/client";
import { ERROR_MESSAGES } from "../schemas/messages";
import { decisionRoutes, placementRoutes } from "./areas/admission/decisions/routes";
import { expertPublicRoutes, expertRoutes, invitationRoutes } from "./areas/admission/experts/routes";
import { applicationInspectionRoutes, inspectionRoutes } from "./areas/admission/inspections/routes";
import { noticeRoutes, portalNoticeRoutes } from "./areas/admission/notices/routes";
import { rankingRoutes } from "./areas/admission/ranking/routes";
import { reviewRoutes } from "./areas/admission/reviews/routes";
import { roundRoutes } from "./areas/admission/rounds/routes";
import { rubricRoutes } from "./areas/admission/rubrics/routes";
import type { AreaDeps } from "./areas/deps";
import { fundingFigureRoutes } from "./areas/funding/figures/routes";
import { fundRoutes } from "./areas/funding/funds/routes";
import { grantRoutes } from "./areas/funding/grants/routes";
import { programmeRoutes } from "./areas/funding/programmes/routes";
import { projectRoutes } from "./areas/funding/projects/routes";
import { replicationRoutes } from "./areas/funding/replication/routes";
import { fundingReportRoutes } from "./areas/funding/reports/routes";
import { projectResultsRoutes } from "./areas/funding/results/routes";
import { fundingSettingsRoutes } from "./areas/funding/settings/routes";
import { fundingWorkbookRoutes, grantSpendingRoutes } from "./areas/funding/spending/routes";
import {
  assessmentRoutes,
  cohortAssessmentRoutes,
  incubationAssessmentRoutes,
} from "./areas/incubation/assessments/routes";
import { cohortRoutes } from "./areas/incubation/cohorts/routes";
import { incubationFigureRoutes } from "./areas/incubation/figures/routes";
import { growthRoutes } from "./areas/incubation/growth/routes";
import { incubationRoutes, organizationIncubationRoutes } from "./areas/incubation/incubations/routes";
import { instrumentRoutes } from "./areas/incubation/instruments/routes";
import { planRoutes } from "./areas/incubation/plan/routes";
import { incubationSettingsRoutes } from "./areas/incubation/settings/routes";
import { auditRoutes } from "./areas/platform/audit/routes";
import { authRoutes } from "./areas/platform/auth/routes";
import { fileRoutes } from "./areas/platform/files/routes";
import { healthRoutes } from "./areas/platform/health/routes";
import { notificationRoutes } from "./areas/platform/notifications/routes";
import { organizationRoutes } from "./areas/platform/organizations/routes";
import { referenceRoutes } from "./areas/platform/reference/routes";
import { systemRoutes } from "./areas/platform/system/routes";
import { userRoutes } from "./areas/platform/users/routes";
import { applicationRoutes } from "./areas/recruitment/applications/routes";
import { callRoutes } from "./areas/recruitment/calls/routes";
import { figureRoutes } from "./areas/recruitment/figures/routes";
import { intakeRoutes } from "./areas/recruitment/intake/routes";
import { registerPortalFrontPage } from "./areas/recruitment/portal/front-page-route";
import { portalRoutes } from "./areas/recruitment/portal/routes";
import { registrationRoutes } from "./areas/recruitment/registration/routes";
import { organizationServiceFigureRoutes, serviceFigureRoutes } from "./areas/services/figures/routes";
import { mentoringRoutes } from "./areas/services/mentoring/routes";
import { partnerRoutes } from "./areas/services/partners/routes";
import { individualRegistrationRoutes, peopleRoutes } from "./areas/services/people/routes";
import { portalPostFileRoutes, postFileRoutes } from "./areas/services/posts/file-routes";
import { portalPostRoutes, postFeedRoutes, postRoutes } from "./areas/services/posts/routes";
import { serviceRoutes } from "./areas/services/requests/routes";
import {
  portalTrainingRoutes,
  trainingCertificateRoutes,
  trainingRoutes,
  trainingSeriesRoutes,
} from "./areas/services/trainings/routes";
import type { Config } from "./config";
import { requestLang } from "./lang";
import { registerOpenApi } from "./openapi";
import { registerAuth } from "./plugins/auth";
import { registerErrorHandler } from "./plugins/error-handler";
import { registerSecurityHeaders } from "./plugins/security-headers";
import { registerServerTiming } from "./plugins/server-timing";
import { SharedReads } from "./shared-reads";

const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/web");

/**
 * One log line per request, written when it is answered, with the method and URL that Fastify's
 * "incoming request" line carried: two lines a request cost about 3 % of a light route's CPU
 * under load (docs/PERFORMANCE.md, "The cost every request shares"). Errors are logged as before.
 */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = {
      method: request.method,
      url: request.url,
      statusCode: reply.statusCode,
      responseTime: reply.elapsedTime,
    };
    if (error) reply.log.error({ ...line, err: error }, "request errored");
    else reply.log.info(line, "request completed");
  }
}

export async function buildApp(options: {
  config: Config;
  database: Database;
  logger?: boolean;
  /** The built web app (dist/web); tests serve a directory of their own. */
  webRoot?: string;
}): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({
    logger: options.logger ? { level: config.logLevel } : false,
    bodyLimit: config.bodyLimitBytes,
    logController: new OneLinePerRequest(),
    // A collection is declared as "" under its prefix ("/api/users", as documented); a client
    // that adds a slash ("/api/users/", what the document listed before) reaches the same route.
    routerOptions: { ignoreTrailingSlash: true },
    // A hop count becomes proxy-addr's function form (the typings take no number).
    trustProxy:
      typeof config.trustProxy === "number"
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerServerTiming(app); // first, so that every statement of a request is counted

  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        // antd injects its CSS-in-JS styles at run time.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "connect-src": ["'self'"],
        // Staff read PDFs in a frame of the intake page (GET /api/files/:id?inline=1); no other
        // site's pages, and no plugins (object-src stays 'none').
        "frame-src": ["'self'"],
        "upgrade-insecure-requests": null,
      },
    },
    hsts: config.cookieSecure,
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 10 } });
  await registerOpenApi(app);

  registerErrorHandler(app);
  registerAuth(app, database, {
    secret: config.sessionSecret,
    idleMinutes: config.sessionIdleMinutes,
    absoluteHours: config.sessionAbsoluteHours,
    cookieSecure: config.cookieSecure,
    cacheSeconds: config.sessionCacheSeconds,
  });

  const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
  // An unsafe request's answer starts a new generation of shared reads: whoever wrote reads it.
  const shared = new SharedReads();
  app.addHook("onSend", async (request) => {
    if (!SAFE_METHODS.has(request.method)) shared.written();
  });
  const deps: AreaDeps = { db: database.db, readDb: database.readDb, database, config, shared };
  await app.register(
    async (api) => {
      api.get("/openapi.json", { config: { public: true }, schema: { hide: true } }, async () =>
        app.swagger(),
      );
      await api.register(healthRoutes, deps);
      await api.register(authRoutes, { ...deps, prefix: "/auth" });
      await api.register(organizationRoutes, { ...deps, prefix: "/organizations" });
      await api.register(userRoutes, { ...deps, prefix: "/users" });
      await api.register(auditRoutes, { ...deps, prefix: "/audit" });
      await api.register(referenceRoutes, deps);
      // Stage 1: recruitment calls, the public portal, applicant registration, applications.
      await api.register(callRoutes, { ...deps, prefix: "/calls" });
      await api.register(figureRoutes, { ...deps, prefix: "/stats" });
      await api.register(portalRoutes, { ...deps, prefix: "/portal" });
      await api.register(registrationRoutes, { ...deps, prefix: "/registration" });
      await api.register(applicationRoutes, { ...deps, prefix: "/applications" });
      await api.register(intakeRoutes, { ...deps, prefix: "/applications" });
      await api.register(expertRoutes, { ...deps, prefix: "/experts" });
      await api.register(invitationRoutes, { ...deps, prefix: "/expert-invitations" });
      await api.register(expertPublicRoutes, deps);
      // Stage 3: rubrics, review rounds and the experts' reviews.
      await api.register(rubricRoutes, { ...deps, prefix: "/rubrics" });
      await api.register(roundRoutes, { ...deps, prefix: "/rounds" });
      await api.register(reviewRoutes, { ...deps, prefix: "/reviews" });
      // Stage 3: the review meeting, decisions, the public notice, places.
      await api.register(rankingRoutes, { ...deps, prefix: "/rounds" });
      await api.register(decisionRoutes, { ...deps, prefix: "/applications" });
      await api.register(placementRoutes, { ...deps, prefix: "/organizations" });
      await api.register(noticeRoutes, { ...deps, prefix: "/notices" });
      await api.register(portalNoticeRoutes, { ...deps, prefix: "/portal/notices" });
      await api.register(inspectionRoutes, { ...deps, prefix: "/inspections" });
      // Stage 4 (孵化服务)
      await api.register(growthRoutes, { ...deps, prefix: "/organizations" });
      await api.register(trainingRoutes, { ...deps, prefix: "/trainings" });
      await api.register(trainingSeriesRoutes, { ...deps, prefix: "/training-series" });
      await api.register(trainingCertificateRoutes, { ...deps, prefix: "/training-certificates" });
      await api.register(portalTrainingRoutes, { ...deps, prefix: "/portal/trainings" });
      await api.register(peopleRoutes, { ...deps, prefix: "/people" });
      await api.register(individualRegistrationRoutes, { ...deps, prefix: "/registration/individual" });
      await api.register(incubationFigureRoutes, { ...deps, prefix: "/stats" });
      await api.register(serviceFigureRoutes, { ...deps, prefix: "/stats" });
      await api.register(partnerRoutes, { ...deps, prefix: "/partners" });
      await api.register(organizationServiceFigureRoutes, { ...deps, prefix: "/organizations" });
      await api.register(planRoutes, { ...deps, prefix: "/incubations" });
      await api.register(applicationInspectionRoutes, { ...deps, prefix: "/applications" });
      // Stage 4: the capacity assessment instrument.
      await api.register(instrumentRoutes, deps);
      await api.register(incubationRoutes, { ...deps, prefix: "/incubations" });
      await api.register(organizationIncubationRoutes, { ...deps, prefix: "/organizations" });
      await api.register(cohortRoutes, { ...deps, prefix: "/cohorts" });
      await api.register(incubationSettingsRoutes, { ...deps, prefix: "/incubation-settings" });
      // The 4Z services (issue 12): the service desk.
      await api.register(serviceRoutes, { ...deps, prefix: "/services" });
      await api.register(incubationAssessmentRoutes, { ...deps, prefix: "/incubations" });
      await api.register(assessmentRoutes, { ...deps, prefix: "/assessments" });
      await api.register(cohortAssessmentRoutes, { ...deps, prefix: "/cohorts" });
      // The 4Z services: information (资讯).
      await api.register(postRoutes, { ...deps, prefix: "/posts" });
      await api.register(postFeedRoutes, { ...deps, prefix: "/post-feed" });
      await api.register(portalPostRoutes, { ...deps, prefix: "/portal/posts" });
      await api.register(postFileRoutes, { ...deps, prefix: "/posts" });
      await api.register(portalPostFileRoutes, { ...deps, prefix: "/portal/posts" });
      await api.register(mentoringRoutes, deps);
      // Funding (issue 13): grants.
      await api.register(grantRoutes, { ...deps, prefix: "/grants" });
      // Funding (issue 13): results per project, the base's money figures.
      await api.register(projectResultsRoutes, { ...deps, prefix: "/projects" });
      await api.register(fundingFigureRoutes, { ...deps, prefix: "/funding" });
      // Funding (issue 13): spending items, budget vs actual, the finance workbook.
      await api.register(grantSpendingRoutes, { ...deps, prefix: "/grants" });
      await api.register(fundingWorkbookRoutes, { ...deps, prefix: "/funding" });
      // Funding (issue 13): progress reports, the mid-term gate, the funding to-do.
      await api.register(fundingReportRoutes, deps);
      // Issue 13, funding: settings, flagship programmes, funds, projects, replication sites.
      await api.register(fundingSettingsRoutes, { ...deps, prefix: "/funding/settings" });
      await api.register(programmeRoutes, { ...deps, prefix: "/funding/programmes" });
      await api.register(fundRoutes, { ...deps, prefix: "/funds" });
      await api.register(projectRoutes, { ...deps, prefix: "/projects" });
      await api.register(replicationRoutes, { ...deps, prefix: "/projects" });
      await api.register(fileRoutes, { ...deps, prefix: "/files" });
      await api.register(notificationRoutes, { ...deps, prefix: "/notifications" });
      await api.register(systemRoutes, deps);
    },
    { prefix: "/api" },
  );

  await registerWebApp(app, options.webRoot ?? WEB_ROOT, database.db);
  return app;
}

/**
 * Serves the built web app. Assets are looked up per request, so a rebuild is served without a
 * restart; their hashed names never change content, so browsers keep them a year. index.html is
 * revalidated on every load, so a deploy is picked up at once. Any other unknown GET or HEAD
 * outside /api/ gets index.html, so client routes reload; a missing asset is a plain 404, not a
 * page of HTML that a script import would choke on. The build writes a brotli and a gzip copy of
 * each text file (scripts/vite-precompress.mjs); the one the browser accepts is sent, with
 * Content-Encoding, and every answer says it varies by Accept-Encoding so caches keep them apart.
 * `/portal` alone is written per request, with the calls in it.
 */
async function registerWebApp(app: FastifyInstance, webRoot: string, db: Database["db"]): Promise<void> {
  const assetsRoot = path.join(webRoot, "assets");
  const hasWeb = existsSync(path.join(webRoot, "index.html"));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: assetsRoot,
      prefix: "/assets/",
      wildcard: true,
      index: false,
      cacheControl: false,
      preCompressed: true,
      // Also called for sendFile("index.html") below, which must stay revalidated.
      setHeaders: (res, filePath) => {
        res.setHeader("vary", "Accept-Encoding");
        if (filePath.startsWith(assetsRoot + path.sep)) {
          res.setHeader("cache-control", "public, max-age=31536000, immutable");
        }
      },
    });
    // /portal is written with its open calls in it, so a phone shows them without waiting for
    // the scripts (areas/recruitment/portal/front-page.ts).
    registerPortalFrontPage(app, { db, webRoot });
  }
  app.setNotFoundHandler((request, reply) => {
    const page = request.method === "GET" || request.method === "HEAD";
    if (hasWeb && page && !request.url.startsWith("/api/") && !request.url.startsWith("/assets/")) {
      return reply.type("text/html").header("cache-control", "no-cache").sendFile("index.html", webRoot);
    }
    const lang = requestLang(request);
    return reply.status(404).send({ code: "route_not_found", message: ERROR_MESSAGES.route_not_found[lang] });
  });
}
