-- v2: the urge interrupt, unsent letters, messages from the ex. Text columns hold ciphertext only.

CREATE TABLE "ExMessages" (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "ReceivedAt" timestamp with time zone NOT NULL,
    "LocalDate" date NOT NULL,
    "TextCipher" text NOT NULL,
    "AcknowledgesWhatWentWrong" boolean,
    "ShowsEvidenceOfChange" boolean,
    "StatesClearIntention" boolean,
    "IsEmergencyOrLogistics" boolean,
    "LateAtNight" boolean,
    "Vague" boolean,
    "Sporadic" boolean,
    "Substance" character varying(16) NOT NULL,
    "Advice" character varying(24) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ExMessages" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ExMessages_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "UnsentLetters" (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "LocalDate" date NOT NULL,
    "BodyCipher" text NOT NULL,
    "UrgeId" uuid,
    CONSTRAINT "PK_UnsentLetters" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_UnsentLetters_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Urges" (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "OccurredAt" timestamp with time zone NOT NULL,
    "LocalDate" date NOT NULL,
    "Intensity" integer NOT NULL,
    "TriggerCipher" text,
    "Alternative" character varying(16),
    "Outcome" character varying(16) NOT NULL,
    "ResolvedAt" timestamp with time zone,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_Urges" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Urges_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);




CREATE INDEX "IX_ExMessages_UserId_ReceivedAt" ON "ExMessages" ("UserId", "ReceivedAt");


CREATE INDEX "IX_UnsentLetters_UserId_CreatedAt" ON "UnsentLetters" ("UserId", "CreatedAt");


CREATE INDEX "IX_Urges_UserId_LocalDate" ON "Urges" ("UserId", "LocalDate");
