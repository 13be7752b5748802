-- AlterTable
ALTER TABLE "LabAttempt" ADD COLUMN "submissionKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "LabAttempt_userId_submissionKey_key" ON "LabAttempt"("userId", "submissionKey");

