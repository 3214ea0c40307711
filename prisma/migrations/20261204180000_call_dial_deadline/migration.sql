-- When an outgoing call stops ringing: set by its insert (now() + dial_timeout), NULL for an
-- incoming call. Each worker's sweep (src/workers/dial-timeouts.ts) ends the calls still dialing
-- or ringing past it, instead of one delayed job per call.
ALTER TABLE "calls" ADD COLUMN "dial_deadline" TIMESTAMPTZ(6);
-- Only the calls the sweep may end: it finds the overdue ones without reading any other call.
CREATE INDEX "calls_dial_deadline_idx" ON "calls" ("dial_deadline") WHERE "status" IN ('dialing', 'ringing');
