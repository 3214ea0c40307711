-- The variables a client seeds a call's flow with (POST /v1.0/calls `variables`), kept until the
-- flow starts on the answer.
ALTER TABLE "calls" ADD COLUMN "variables" JSONB NOT NULL DEFAULT '{}';
