-- A provider's codecs (VoIPBIN's comma-separated list, "ulaw,alaw"), offered on every attempt
-- through it as the media server's formats; '' keeps the media server's own negotiation.
ALTER TABLE "providers" ADD COLUMN "codecs" TEXT NOT NULL DEFAULT '';
