-- Check-ins (one per local day), the journal, milestone moments shown, and reminder settings.

CREATE TABLE "CelebratedMilestones" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CelebratedMilestones" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Days" INTEGER NOT NULL,
    "StretchStartedOn" TEXT NOT NULL,
    "CelebratedAt" TEXT NOT NULL,
    CONSTRAINT "FK_CelebratedMilestones_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CheckIns" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CheckIns" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "LocalDate" TEXT NOT NULL,
    "Mood" INTEGER NOT NULL,
    "SleepHalfHours" INTEGER NOT NULL,
    "AteProperly" INTEGER NOT NULL,
    "Moved" INTEGER NOT NULL,
    "UrgeCount" INTEGER NOT NULL,
    "StrongestUrge" INTEGER NULL,
    "HadContact" INTEGER NOT NULL,
    "WordCipher" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_CheckIns_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "JournalEntries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_JournalEntries" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "LocalDate" TEXT NOT NULL,
    "PromptCipher" TEXT NULL,
    "BodyCipher" TEXT NULL,
    "TagsCipher" TEXT NULL,
    "ThoughtCipher" TEXT NULL,
    "Pattern" TEXT NULL,
    "KinderCipher" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_JournalEntries_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReminderSettings" (
    "UserId" TEXT NOT NULL CONSTRAINT "PK_ReminderSettings" PRIMARY KEY,
    "DailyCheckInAt" TEXT NULL,
    "Email" INTEGER NOT NULL,
    "LastEmailFor" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_ReminderSettings_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_CelebratedMilestones_UserId_StretchStartedOn_Days" ON "CelebratedMilestones" ("UserId", "StretchStartedOn", "Days");

CREATE UNIQUE INDEX "IX_CheckIns_UserId_LocalDate" ON "CheckIns" ("UserId", "LocalDate");

CREATE INDEX "IX_JournalEntries_UserId_CreatedAt" ON "JournalEntries" ("UserId", "CreatedAt");

CREATE INDEX "IX_ReminderSettings_Email" ON "ReminderSettings" ("Email");
