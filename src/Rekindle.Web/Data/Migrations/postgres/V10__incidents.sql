-- The private incident log: dates readable for ordering, every piece of text encrypted with the user's key.

CREATE TABLE "Incidents" (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "OccurredOn" date NOT NULL,
    "OccurredAt" time without time zone,
    "WhatCipher" text NOT NULL,
    "WhereCipher" text,
    "EvidenceCipher" text,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_Incidents" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Incidents_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Incidents_UserId_OccurredOn" ON "Incidents" ("UserId", "OccurredOn");
