-- Least privilege (architecture.md): migrations run as the database's owner, the app as
-- urbangrid_app, which may read and write what the app works on but may not change or remove a
-- case event (no UPDATE, DELETE or TRUNCATE on case_events), alter a table, disable its triggers
-- or own anything (nor change an admin audit record). The role is made here without a login; the migrate step gives the login of
-- DATABASE_URL (this role, or a role made a member of it) the password from the configuration.
-- Roles belong to the server, not the database: another database may have made it already.
DO $$
BEGIN
  CREATE ROLE urbangrid_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO urbangrid_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO urbangrid_app;--> statement-breakpoint
-- The histories are append-only for the app: it reads and adds their rows, nothing else.
REVOKE UPDATE, DELETE, TRUNCATE ON case_events FROM urbangrid_app;--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON admin_audit_log FROM urbangrid_app;--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO urbangrid_app;--> statement-breakpoint
-- Tables and sequences that later migrations (run by this owner) create get the same grants; a
-- later append-only table revokes what its history must not allow, as case_events does above.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO urbangrid_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO urbangrid_app;--> statement-breakpoint
-- A process without the owner's URL checks that no migration is pending before it starts.
GRANT USAGE ON SCHEMA drizzle TO urbangrid_app;--> statement-breakpoint
GRANT SELECT ON drizzle.__drizzle_migrations TO urbangrid_app;
