-- The reconciliation policy: a threat from the ex closes reconciliation; the healing track's state (leaving it
-- waits a week and asks for a reflection, kept encrypted) and its history (dates and direction only).

ALTER TABLE "Profiles" ADD "ExThreatFoundAt" timestamp with time zone;

CREATE TABLE "HealingTracks" (
    "UserId" uuid NOT NULL,
    "EnteredAt" timestamp with time zone,
    "LeaveRequestedAt" timestamp with time zone,
    "ReflectionCipher" text,
    "ReflectedAt" timestamp with time zone,
    CONSTRAINT "PK_HealingTracks" PRIMARY KEY ("UserId"),
    CONSTRAINT "FK_HealingTracks_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "HealingTrackEvents" (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "Direction" character varying(8) NOT NULL,
    "At" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_HealingTrackEvents" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_HealingTrackEvents_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_HealingTrackEvents_UserId_At" ON "HealingTrackEvents" ("UserId", "At");
