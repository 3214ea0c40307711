-- The media server's id of the call's channel, when it is not the call id: Asterisk names its own
-- incoming channels ("1795462354.30"), and such a call gets a fresh UUID. NULL means the channel
-- id is the call id (every channel the product makes, and UUID-named incoming channels).
ALTER TABLE "calls" ADD COLUMN "channel_id" TEXT;
-- Media events are mapped to calls by it; unique, so a repeated StasisStart creates no second call.
CREATE UNIQUE INDEX "calls_channel_id_key" ON "calls"("channel_id");
