-- The whole program: the phase a user chose, daily-plan items done, assessment revisions (answers encrypted), and the stage log.

CREATE TABLE "AssessmentRevisions" (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "Kind" character varying(16) NOT NULL,
    "AnswersCipher" text NOT NULL,
    "Decision" character varying(16),
    "CreatedAt" timestamp with time zone NOT NULL,
    "LocalDate" date NOT NULL,
    CONSTRAINT "PK_AssessmentRevisions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AssessmentRevisions_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "JourneyStates" (
    "UserId" uuid NOT NULL,
    "ChosenPhase" character varying(16),
    "ChangedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_JourneyStates" PRIMARY KEY ("UserId"),
    CONSTRAINT "FK_JourneyStates_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlanCompletions" (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "Day" integer NOT NULL,
    "Item" character varying(16) NOT NULL,
    "CompletedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_PlanCompletions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_PlanCompletions_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "StageEvents" (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "Stage" character varying(24) NOT NULL,
    "OccurredOn" date NOT NULL,
    "NoteCipher" text,
    "Outcome" character varying(8),
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_StageEvents" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_StageEvents_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AssessmentRevisions_UserId_Kind_CreatedAt" ON "AssessmentRevisions" ("UserId", "Kind", "CreatedAt");

CREATE UNIQUE INDEX "IX_PlanCompletions_UserId_Day_Item" ON "PlanCompletions" ("UserId", "Day", "Item");

CREATE INDEX "IX_StageEvents_UserId_OccurredOn" ON "StageEvents" ("UserId", "OccurredOn");
