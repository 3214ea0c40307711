-- The media server a call is on (its name in ARI_URL), set when the call is placed (an outgoing
-- call at its originate, an incoming one where it arrived); every later command for the call goes
-- there. NULL: the first media server listed (calls made while the deployment had one).
ALTER TABLE "calls" ADD COLUMN "media_server" TEXT;
-- Placement counts the live calls of each media server; reconciliation reads those of one.
CREATE INDEX "calls_live_media_server_idx" ON "calls" ("media_server") WHERE "status" <> 'hangup';

-- Media servers their leader found unreachable (since lost_at): new calls are not placed there.
-- A row without lost_at (or none) is a server in service.
CREATE TABLE "media_servers" (
    "name" TEXT NOT NULL,
    "lost_at" TIMESTAMPTZ(6),
    CONSTRAINT "media_servers_pkey" PRIMARY KEY ("name")
);
