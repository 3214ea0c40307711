-- Why a reaction to one of the call's changes could not run (its last error), shown on the call.
ALTER TABLE "calls" ADD COLUMN "reaction_error" TEXT;

-- A customer's stream position: handed out by the outbox dispatcher in publish order, so a client
-- that resumes after a position misses nothing and gets nothing twice.
CREATE SEQUENCE "events_position_seq" AS BIGINT;
ALTER TABLE "events" ADD COLUMN "position" BIGINT;
CREATE INDEX "events_customer_id_position_idx" ON "events"("customer_id", "position");
