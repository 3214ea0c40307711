-- AlterTable
ALTER TABLE "customers" ADD COLUMN "is_admin" BOOLEAN NOT NULL DEFAULT false;

-- The customer created at first start is the platform's administrator.
UPDATE "customers" SET "is_admin" = true WHERE "name" = 'bootstrap';
