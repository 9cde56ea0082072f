-- departments.webhook_url was never read by anything: a department hears of its cases through a
-- webhook subscription with its departmentId (POST /api/admin/webhooks), which signs, retries and logs.
-- A URL without a secret cannot become one, so the column goes (README: Webhooks).
ALTER TABLE "departments" DROP COLUMN "webhook_url";
