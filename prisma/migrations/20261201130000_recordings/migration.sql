-- Recordings of calls (issue 4). A recording is made of one ARI recording per direction
-- ("parts": in, out); finished_parts collects the parts whose RecordingFinished arrived.
CREATE TABLE "recordings" (
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "reference_type" TEXT NOT NULL DEFAULT 'call',
    "reference_id" UUID NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'initiating',
    "format" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "channels" TEXT NOT NULL,
    "end_of_silence" INTEGER NOT NULL DEFAULT 0,
    "end_of_key" TEXT NOT NULL DEFAULT '',
    "duration" INTEGER NOT NULL DEFAULT 0,
    "parts" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "finished_parts" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "part_started_at" JSONB NOT NULL DEFAULT '{}',
    "file_name" TEXT,
    "file_size" INTEGER,
    "file_duration_ms" INTEGER,
    "event_seq" INTEGER NOT NULL DEFAULT 0,
    "tm_start" TIMESTAMPTZ(6),
    "tm_end" TIMESTAMPTZ(6),
    "tm_create" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tm_update" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tm_delete" TIMESTAMPTZ(6),

    CONSTRAINT "recordings_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "recordings_customer_id_tm_create_idx" ON "recordings"("customer_id", "tm_create" DESC);
CREATE INDEX "recordings_reference_id_idx" ON "recordings"("reference_id");

ALTER TABLE "recordings" ADD CONSTRAINT "recordings_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
