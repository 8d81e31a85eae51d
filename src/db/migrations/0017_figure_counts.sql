CREATE TABLE "application_counts" (
	"base_id" uuid NOT NULL,
	"town_id" uuid,
	"track" text NOT NULL,
	"status" text NOT NULL,
	"submitted" boolean NOT NULL,
	"accepted" boolean NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "application_counts_key" UNIQUE NULLS NOT DISTINCT("base_id","town_id","track","status","submitted","accepted")
);
--> statement-breakpoint
CREATE TABLE "organization_counts" (
	"base_id" uuid NOT NULL,
	"town_id" uuid,
	"residency" text NOT NULL,
	"registration_status" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "organization_counts_key" UNIQUE NULLS NOT DISTINCT("base_id","town_id","residency","registration_status")
);
--> statement-breakpoint
CREATE TABLE "organization_field_counts" (
	"base_id" uuid NOT NULL,
	"town_id" uuid,
	"field" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "organization_field_counts_key" UNIQUE NULLS NOT DISTINCT("base_id","town_id","field")
);
--> statement-breakpoint
ALTER TABLE "application_counts" ADD CONSTRAINT "application_counts_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_counts" ADD CONSTRAINT "organization_counts_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_field_counts" ADD CONSTRAINT "organization_field_counts_base_id_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applications_to_check" ON "applications" USING btree ("base_id",coalesce("last_submitted_at", "status_changed_at"),"id") WHERE "applications"."status" in ('submitted', 'resubmitted');--> statement-breakpoint
-- The counts behind the home pages' figures (src/db/schema/counts.ts), kept by statement-level
-- triggers: each INSERT, UPDATE, DELETE or COPY adds its net change per key in one upsert, in the
-- writer's transaction, so the counts are exact whenever read and a rollback takes its change back.
-- Keys are upserted in key order, so two writers lock the same counts rows in the same order.
-- An application counts under its organization's town; its trigger takes FOR SHARE on those
-- organizations first, so a concurrent change of town waits (or is waited for) and the town the
-- count was put under is always the one the organizations' trigger moves it from.
-- "Accepted" is the figures' "accepted for screening": status accepted now, or an
-- application_events row to "accepted" (withdrawn since, or gone on to stages 2 and 3).
CREATE OR REPLACE FUNCTION figure_application_accepted(application uuid, status text) RETURNS boolean
  LANGUAGE sql STABLE AS $$
  SELECT status = 'accepted' OR EXISTS (
    SELECT 1 FROM application_events e WHERE e.application_id = application AND e.to_status = 'accepted')
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION organization_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cols constant text := 'id, base_id, town_id, residency, registration_status, fields';
  changes text;
BEGIN
  changes := CASE TG_OP
    WHEN 'INSERT' THEN format('SELECT %s, 1 AS d FROM new_rows', cols)
    WHEN 'DELETE' THEN format('SELECT %s, -1 AS d FROM old_rows', cols)
    ELSE format('SELECT %1$s, 1 AS d FROM new_rows UNION ALL SELECT %1$s, -1 AS d FROM old_rows', cols)
  END;
  EXECUTE format($q$
    INSERT INTO organization_counts AS c (base_id, town_id, residency, registration_status, n)
    SELECT base_id, town_id, residency, registration_status, sum(d)::int FROM (%s) ch
    GROUP BY 1, 2, 3, 4 HAVING sum(d) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT ON CONSTRAINT organization_counts_key DO UPDATE SET n = c.n + excluded.n$q$, changes);
  EXECUTE format($q$
    INSERT INTO organization_field_counts AS c (base_id, town_id, field, n)
    SELECT base_id, town_id, f, sum(d)::int FROM (%s) ch, unnest(ch.fields) AS f
    GROUP BY 1, 2, 3 HAVING sum(d) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT ON CONSTRAINT organization_field_counts_key DO UPDATE SET n = c.n + excluded.n$q$, changes);
  IF TG_OP = 'UPDATE' THEN
    -- An organization that moved town takes its applications' counts along.
    INSERT INTO application_counts AS c (base_id, town_id, track, status, submitted, accepted, n)
    SELECT a.base_id, m.town_id, a.track, a.status, a.first_submitted_at IS NOT NULL,
      figure_application_accepted(a.id, a.status), sum(m.d)::int
    FROM (
      SELECT n.id, n.town_id, 1 AS d FROM new_rows n JOIN old_rows o USING (id)
        WHERE n.town_id IS DISTINCT FROM o.town_id
      UNION ALL
      SELECT o.id, o.town_id, -1 AS d FROM new_rows n JOIN old_rows o USING (id)
        WHERE n.town_id IS DISTINCT FROM o.town_id
    ) m JOIN applications a ON a.organization_id = m.id
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(m.d) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT application_counts_key DO UPDATE SET n = c.n + excluded.n;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER organizations_counts_insert AFTER INSERT ON organizations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION organization_counts_apply();
--> statement-breakpoint
CREATE TRIGGER organizations_counts_update AFTER UPDATE ON organizations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION organization_counts_apply();
--> statement-breakpoint
CREATE TRIGGER organizations_counts_delete AFTER DELETE ON organizations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION organization_counts_apply();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION application_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cols constant text := 'id, base_id, organization_id, track, status, first_submitted_at';
  changes text;
BEGIN
  changes := CASE TG_OP
    WHEN 'INSERT' THEN format('SELECT %s, 1 AS d FROM new_rows', cols)
    WHEN 'DELETE' THEN format('SELECT %s, -1 AS d FROM old_rows', cols)
    -- Only the rows whose key changed: saving answers or a checklist touches no count.
    ELSE format($c$
      WITH changed AS (
        SELECT n.id FROM new_rows n JOIN old_rows o USING (id)
        WHERE (n.base_id, n.organization_id, n.track, n.status, n.first_submitted_at IS NULL)
          IS DISTINCT FROM (o.base_id, o.organization_id, o.track, o.status, o.first_submitted_at IS NULL))
      SELECT %1$s, 1 AS d FROM new_rows WHERE id IN (SELECT id FROM changed)
      UNION ALL SELECT %1$s, -1 AS d FROM old_rows WHERE id IN (SELECT id FROM changed)$c$, cols)
  END;
  EXECUTE format($q$
    SELECT 1 FROM organizations WHERE id IN (SELECT organization_id FROM (%s) ch) ORDER BY id FOR SHARE$q$,
    changes);
  EXECUTE format($q$
    INSERT INTO application_counts AS c (base_id, town_id, track, status, submitted, accepted, n)
    SELECT ch.base_id, o.town_id, ch.track, ch.status, ch.first_submitted_at IS NOT NULL,
      figure_application_accepted(ch.id, ch.status), sum(ch.d)::int
    FROM (%s) ch LEFT JOIN organizations o ON o.id = ch.organization_id
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(ch.d) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT application_counts_key DO UPDATE SET n = c.n + excluded.n$q$, changes);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER applications_counts_insert AFTER INSERT ON applications
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION application_counts_apply();
--> statement-breakpoint
CREATE TRIGGER applications_counts_update AFTER UPDATE ON applications
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION application_counts_apply();
--> statement-breakpoint
CREATE TRIGGER applications_counts_delete AFTER DELETE ON applications
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION application_counts_apply();
--> statement-breakpoint
-- A history row to "accepted" (or one changed or removed) can turn an application's "accepted"
-- on or off without the application's row changing: move it between the two counts.
CREATE OR REPLACE FUNCTION application_event_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  empty constant text := 'SELECT NULL::uuid AS id, NULL::uuid AS application_id, NULL::text AS to_status WHERE false';
  moved text;
BEGIN
  moved := format($m$
    WITH ev_new AS (%s), ev_old AS (%s),
    touched AS (
      SELECT application_id FROM ev_new WHERE to_status = 'accepted'
      UNION SELECT application_id FROM ev_old WHERE to_status = 'accepted'),
    flags AS (
      SELECT a.id, a.base_id, a.organization_id, a.track, a.status, a.first_submitted_at IS NOT NULL AS submitted,
        figure_application_accepted(a.id, a.status) AS now_accepted,
        a.status = 'accepted'
          OR EXISTS (SELECT 1 FROM application_events e WHERE e.application_id = a.id
            AND e.to_status = 'accepted' AND e.id NOT IN (SELECT id FROM ev_new))
          OR EXISTS (SELECT 1 FROM ev_old o WHERE o.application_id = a.id AND o.to_status = 'accepted')
          AS was_accepted
      FROM applications a WHERE a.id IN (SELECT application_id FROM touched))
    SELECT * FROM flags WHERE now_accepted <> was_accepted$m$,
    CASE WHEN TG_OP = 'DELETE' THEN empty ELSE 'SELECT id, application_id, to_status FROM new_rows' END,
    CASE WHEN TG_OP = 'INSERT' THEN empty ELSE 'SELECT id, application_id, to_status FROM old_rows' END);
  EXECUTE format($q$
    SELECT 1 FROM organizations WHERE id IN (SELECT organization_id FROM (%s) m) ORDER BY id FOR SHARE$q$, moved);
  EXECUTE format($q$
    INSERT INTO application_counts AS c (base_id, town_id, track, status, submitted, accepted, n)
    SELECT m.base_id, o.town_id, m.track, m.status, m.submitted, x.accepted, sum(x.d)::int
    FROM (%s) m LEFT JOIN organizations o ON o.id = m.organization_id,
      LATERAL (VALUES (m.now_accepted, 1), (m.was_accepted, -1)) AS x(accepted, d)
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(x.d) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT ON CONSTRAINT application_counts_key DO UPDATE SET n = c.n + excluded.n$q$, moved);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER application_events_counts_insert AFTER INSERT ON application_events
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION application_event_counts_apply();
--> statement-breakpoint
CREATE TRIGGER application_events_counts_update AFTER UPDATE ON application_events
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION application_event_counts_apply();
--> statement-breakpoint
CREATE TRIGGER application_events_counts_delete AFTER DELETE ON application_events
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION application_event_counts_apply();
--> statement-breakpoint
-- The counts of what is there already (the triggers above hold these tables' writers from here).
INSERT INTO organization_counts (base_id, town_id, residency, registration_status, n)
SELECT base_id, town_id, residency, registration_status, count(*) FROM organizations GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO organization_field_counts (base_id, town_id, field, n)
SELECT base_id, town_id, f, count(*) FROM organizations, unnest(fields) AS f GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO application_counts (base_id, town_id, track, status, submitted, accepted, n)
SELECT a.base_id, o.town_id, a.track, a.status, a.first_submitted_at IS NOT NULL,
  figure_application_accepted(a.id, a.status), count(*)
FROM applications a LEFT JOIN organizations o ON o.id = a.organization_id
GROUP BY 1, 2, 3, 4, 5, 6;
