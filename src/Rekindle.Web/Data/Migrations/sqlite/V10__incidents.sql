-- The private incident log: dates readable for ordering, every piece of text encrypted with the user's key.

CREATE TABLE "Incidents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Incidents" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "OccurredOn" TEXT NOT NULL,
    "OccurredAt" TEXT NULL,
    "WhatCipher" TEXT NOT NULL,
    "WhereCipher" TEXT NULL,
    "EvidenceCipher" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Incidents_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Incidents_UserId_OccurredOn" ON "Incidents" ("UserId", "OccurredOn");
