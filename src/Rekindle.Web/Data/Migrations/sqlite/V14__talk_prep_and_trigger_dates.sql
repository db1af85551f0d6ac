-- Issue 25: the worksheet for the talk (one per user, every part in one encrypted value) and the dates the user
-- marked as ones that will hurt (the day readable, so the dashboard finds the close ones; the label encrypted).

CREATE TABLE "TalkPreps" (
    "UserId" TEXT NOT NULL CONSTRAINT "PK_TalkPreps" PRIMARY KEY,
    "WorksheetCipher" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_TalkPreps_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "TriggerDates" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_TriggerDates" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Date" TEXT NOT NULL,
    "Yearly" INTEGER NOT NULL,
    "LabelCipher" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_TriggerDates_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_TriggerDates_UserId" ON "TriggerDates" ("UserId");
