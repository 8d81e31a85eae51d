-- Every instance keeps a short-lived copy of the sessions it has read (src/server/areas/platform/
-- auth/session-cache.ts). Whatever ends or changes a session tells every instance, in the
-- transaction that does it, so the notice goes out on commit and never for a rollback: whoever
-- writes (a service, the sweep, an operator's psql) cannot forget. Payloads on the channel
-- hatchery_sessions: "s:<id>,<id>…" sessions ended or changed, "u:<user id>" an account's roles,
-- scope, status or password changed, "*" everything.
CREATE OR REPLACE FUNCTION sessions_notify_ended() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  batch text;
BEGIN
  -- 100 ids of 64 characters a notice: a payload must stay under 8,000 bytes.
  FOR batch IN
    SELECT string_agg(id, ',') FROM (SELECT id, (row_number() OVER () - 1) / 100 AS chunk FROM ended) c GROUP BY chunk
  LOOP
    PERFORM pg_notify('hatchery_sessions', 's:' || batch);
  END LOOP;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER sessions_notify_delete AFTER DELETE ON sessions
  REFERENCING OLD TABLE AS ended FOR EACH STATEMENT EXECUTE FUNCTION sessions_notify_ended();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sessions_notify_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('hatchery_sessions', 's:' || OLD.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Not the last-seen touch (forward only, once a minute): only a change that could end it sooner.
CREATE TRIGGER sessions_notify_update AFTER UPDATE ON sessions FOR EACH ROW
  WHEN (OLD.expires_at IS DISTINCT FROM NEW.expires_at OR OLD.user_id IS DISTINCT FROM NEW.user_id
    OR NEW.last_seen_at < OLD.last_seen_at)
  EXECUTE FUNCTION sessions_notify_changed();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION users_notify_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('hatchery_sessions', 'u:' || OLD.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- What a session carries of its account (the actor), and the password: not the sign-in counters.
CREATE TRIGGER users_notify_update AFTER UPDATE ON users FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.roles IS DISTINCT FROM NEW.roles
    OR OLD.base_id IS DISTINCT FROM NEW.base_id OR OLD.organization_id IS DISTINCT FROM NEW.organization_id
    OR OLD.cross_base IS DISTINCT FROM NEW.cross_base OR OLD.town_id IS DISTINCT FROM NEW.town_id
    OR OLD.display_name IS DISTINCT FROM NEW.display_name
    OR OLD.must_change_password IS DISTINCT FROM NEW.must_change_password
    OR OLD.password_hash IS DISTINCT FROM NEW.password_hash)
  EXECUTE FUNCTION users_notify_changed();
--> statement-breakpoint
CREATE TRIGGER users_notify_delete AFTER DELETE ON users FOR EACH ROW EXECUTE FUNCTION users_notify_changed();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sessions_notify_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('hatchery_sessions', '*');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER sessions_notify_truncate AFTER TRUNCATE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION sessions_notify_all();
--> statement-breakpoint
CREATE TRIGGER users_notify_truncate AFTER TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION sessions_notify_all();
