-- v2: the urge interrupt, unsent letters, messages from the ex. Text columns hold ciphertext only.

CREATE TABLE "ExMessages" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ExMessages" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "ReceivedAt" TEXT NOT NULL,
    "LocalDate" TEXT NOT NULL,
    "TextCipher" TEXT NOT NULL,
    "AcknowledgesWhatWentWrong" INTEGER NULL,
    "ShowsEvidenceOfChange" INTEGER NULL,
    "StatesClearIntention" INTEGER NULL,
    "IsEmergencyOrLogistics" INTEGER NULL,
    "LateAtNight" INTEGER NULL,
    "Vague" INTEGER NULL,
    "Sporadic" INTEGER NULL,
    "Substance" TEXT NOT NULL,
    "Advice" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "FK_ExMessages_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "UnsentLetters" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_UnsentLetters" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "LocalDate" TEXT NOT NULL,
    "BodyCipher" TEXT NOT NULL,
    "UrgeId" TEXT NULL,
    CONSTRAINT "FK_UnsentLetters_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Urges" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Urges" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "OccurredAt" TEXT NOT NULL,
    "LocalDate" TEXT NOT NULL,
    "Intensity" INTEGER NOT NULL,
    "TriggerCipher" TEXT NULL,
    "Alternative" TEXT NULL,
    "Outcome" TEXT NOT NULL,
    "ResolvedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Urges_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);




CREATE INDEX "IX_ExMessages_UserId_ReceivedAt" ON "ExMessages" ("UserId", "ReceivedAt");


CREATE INDEX "IX_UnsentLetters_UserId_CreatedAt" ON "UnsentLetters" ("UserId", "CreatedAt");


CREATE INDEX "IX_Urges_UserId_LocalDate" ON "Urges" ("UserId", "LocalDate");
