-- AlterTable
ALTER TABLE "User" ADD COLUMN "lastActiveAt" DATETIME;

-- CreateTable
CREATE TABLE "TrustedSignInAddress" (
    "email" TEXT NOT NULL,
    "addressHash" TEXT NOT NULL,
    "lastSuccessAt" DATETIME NOT NULL,

    PRIMARY KEY ("email", "addressHash")
);

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "hits" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "RateLimit_updatedAt_idx" ON "RateLimit"("updatedAt");

