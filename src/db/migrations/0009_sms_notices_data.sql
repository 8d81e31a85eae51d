-- Applicants who registered before mobile_confirmed_at existed proved their number with a phone
-- code then: the audit log's user.registered entry says when. Their notices go by SMS by default.
UPDATE users u
   SET mobile_confirmed_at = a.at
  FROM (SELECT entity_id, min(at) AS at FROM audit_log
         WHERE action = 'user.registered' AND entity_type = 'user' GROUP BY entity_id) a
 WHERE a.entity_id = u.id::text AND u.mobile_confirmed_at IS NULL
   AND u.mobile = u.username;
--> statement-breakpoint
ALTER TABLE notification_settings
  ADD CONSTRAINT notification_settings_language CHECK (language IS NULL OR language IN ('zh-CN', 'en'));
--> statement-breakpoint
ALTER TABLE sms_outbox
  ADD CONSTRAINT sms_outbox_status CHECK (status IN ('pending', 'sent', 'failed', 'cancelled'));
