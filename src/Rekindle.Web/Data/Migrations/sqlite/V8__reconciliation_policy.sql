-- The reconciliation policy: a threat from the ex closes reconciliation; the healing track's state (leaving it
-- waits a week and asks for a reflection, kept encrypted) and its history (dates and direction only).

ALTER TABLE "Profiles" ADD COLUMN "ExThreatFoundAt" TEXT NULL;

CREATE TABLE "HealingTracks" (
    "UserId" TEXT NOT NULL CONSTRAINT "PK_HealingTracks" PRIMARY KEY,
    "EnteredAt" TEXT NULL,
    "LeaveRequestedAt" TEXT NULL,
    "ReflectionCipher" TEXT NULL,
    "ReflectedAt" TEXT NULL,
    CONSTRAINT "FK_HealingTracks_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "HealingTrackEvents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_HealingTrackEvents" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Direction" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    CONSTRAINT "FK_HealingTrackEvents_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_HealingTrackEvents_UserId_At" ON "HealingTrackEvents" ("UserId", "At");
