-- The personal safety plan (one per user, every section in one encrypted value), and on the profile: when a crisis
-- reader last found words of crisis, and when the user last put the dashboard's low-mood card away.

CREATE TABLE "SafetyPlans" (
    "UserId" TEXT NOT NULL CONSTRAINT "PK_SafetyPlans" PRIMARY KEY,
    "PlanCipher" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_SafetyPlans_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

ALTER TABLE "Profiles" ADD COLUMN "LastCrisisFoundAt" TEXT NULL;

ALTER TABLE "Profiles" ADD COLUMN "LowMoodCardDismissedAt" TEXT NULL;
