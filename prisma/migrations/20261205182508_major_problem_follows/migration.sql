-- CreateTable
CREATE TABLE "MajorProblemFollow" (
    "userId" TEXT NOT NULL,
    "majorProblemId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "majorProblemId"),
    CONSTRAINT "MajorProblemFollow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MajorProblemFollow_majorProblemId_fkey" FOREIGN KEY ("majorProblemId") REFERENCES "MajorProblem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "MajorProblemFollow_majorProblemId_idx" ON "MajorProblemFollow"("majorProblemId");

