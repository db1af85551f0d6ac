-- Issue 25: the worksheet for the talk (one per user, every part in one encrypted value) and the dates the user
-- marked as ones that will hurt (the day readable, so the dashboard finds the close ones; the label encrypted).

CREATE TABLE "TalkPreps" (
    "UserId" uuid NOT NULL,
    "WorksheetCipher" text NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_TalkPreps" PRIMARY KEY ("UserId"),
    CONSTRAINT "FK_TalkPreps_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "TriggerDates" (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "Date" date NOT NULL,
    "Yearly" boolean NOT NULL,
    "LabelCipher" text NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_TriggerDates" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_TriggerDates_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_TriggerDates_UserId" ON "TriggerDates" ("UserId");
