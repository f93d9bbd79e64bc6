-- CreateTable
CREATE TABLE "MajorProblemFollow" (
    "userId" TEXT NOT NULL,
    "majorProblemId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MajorProblemFollow_pkey" PRIMARY KEY ("userId","majorProblemId")
);

-- CreateIndex
CREATE INDEX "MajorProblemFollow_majorProblemId_idx" ON "MajorProblemFollow"("majorProblemId");

-- AddForeignKey
ALTER TABLE "MajorProblemFollow" ADD CONSTRAINT "MajorProblemFollow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MajorProblemFollow" ADD CONSTRAINT "MajorProblemFollow_majorProblemId_fkey" FOREIGN KEY ("majorProblemId") REFERENCES "MajorProblem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

