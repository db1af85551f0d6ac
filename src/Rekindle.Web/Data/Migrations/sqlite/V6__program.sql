-- The whole program: the phase a user chose, daily-plan items done, assessment revisions (answers encrypted), and the stage log.

CREATE TABLE "AssessmentRevisions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AssessmentRevisions" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "AnswersCipher" TEXT NOT NULL,
    "Decision" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "LocalDate" TEXT NOT NULL,
    CONSTRAINT "FK_AssessmentRevisions_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "JourneyStates" (
    "UserId" TEXT NOT NULL CONSTRAINT "PK_JourneyStates" PRIMARY KEY,
    "ChosenPhase" TEXT NULL,
    "ChangedAt" TEXT NOT NULL,
    CONSTRAINT "FK_JourneyStates_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlanCompletions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PlanCompletions" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Day" INTEGER NOT NULL,
    "Item" TEXT NOT NULL,
    "CompletedAt" TEXT NOT NULL,
    CONSTRAINT "FK_PlanCompletions_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "StageEvents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_StageEvents" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Stage" TEXT NOT NULL,
    "OccurredOn" TEXT NOT NULL,
    "NoteCipher" TEXT NULL,
    "Outcome" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_StageEvents_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AssessmentRevisions_UserId_Kind_CreatedAt" ON "AssessmentRevisions" ("UserId", "Kind", "CreatedAt");

CREATE UNIQUE INDEX "IX_PlanCompletions_UserId_Day_Item" ON "PlanCompletions" ("UserId", "Day", "Item");

CREATE INDEX "IX_StageEvents_UserId_OccurredOn" ON "StageEvents" ("UserId", "OccurredOn");
