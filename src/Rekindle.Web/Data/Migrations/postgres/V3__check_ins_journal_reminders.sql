-- Check-ins (one per local day), the journal, milestone moments shown, and reminder settings.

CREATE TABLE "CelebratedMilestones" (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "Days" integer NOT NULL,
    "StretchStartedOn" date NOT NULL,
    "CelebratedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_CelebratedMilestones" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_CelebratedMilestones_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CheckIns" (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "LocalDate" date NOT NULL,
    "Mood" integer NOT NULL,
    "SleepHalfHours" integer NOT NULL,
    "AteProperly" boolean NOT NULL,
    "Moved" boolean NOT NULL,
    "UrgeCount" integer NOT NULL,
    "StrongestUrge" integer,
    "HadContact" boolean NOT NULL,
    "WordCipher" text,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_CheckIns" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_CheckIns_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "JournalEntries" (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "Kind" character varying(16) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "LocalDate" date NOT NULL,
    "PromptCipher" text,
    "BodyCipher" text,
    "TagsCipher" text,
    "ThoughtCipher" text,
    "Pattern" character varying(32),
    "KinderCipher" text,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_JournalEntries" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_JournalEntries_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReminderSettings" (
    "UserId" uuid NOT NULL,
    "DailyCheckInAt" time without time zone,
    "Email" boolean NOT NULL,
    "LastEmailFor" date,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_ReminderSettings" PRIMARY KEY ("UserId"),
    CONSTRAINT "FK_ReminderSettings_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_CelebratedMilestones_UserId_StretchStartedOn_Days" ON "CelebratedMilestones" ("UserId", "StretchStartedOn", "Days");

CREATE UNIQUE INDEX "IX_CheckIns_UserId_LocalDate" ON "CheckIns" ("UserId", "LocalDate");

CREATE INDEX "IX_JournalEntries_UserId_CreatedAt" ON "JournalEntries" ("UserId", "CreatedAt");

CREATE INDEX "IX_ReminderSettings_Email" ON "ReminderSettings" ("Email");
