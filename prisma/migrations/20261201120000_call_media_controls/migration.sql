-- Media controls on live calls: what the product has done to the call's audio. Each is set only
-- after the media server carried the request out, so the row tells what the far end experiences.
ALTER TABLE "calls" ADD COLUMN "hold" BOOLEAN NOT NULL DEFAULT false;
-- '' (not muted), 'in', 'out' or 'both', as VoIPBIN's mute_direction.
ALTER TABLE "calls" ADD COLUMN "mute_direction" TEXT NOT NULL DEFAULT '';
ALTER TABLE "calls" ADD COLUMN "moh" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "calls" ADD COLUMN "silence" BOOLEAN NOT NULL DEFAULT false;
