-- The personal safety plan (one per user, every section in one encrypted value), and on the profile: when a crisis
-- reader last found words of crisis, and when the user last put the dashboard's low-mood card away.

CREATE TABLE "SafetyPlans" (
    "UserId" uuid NOT NULL,
    "PlanCipher" text NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_SafetyPlans" PRIMARY KEY ("UserId"),
    CONSTRAINT "FK_SafetyPlans_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

ALTER TABLE "Profiles" ADD COLUMN "LastCrisisFoundAt" timestamp with time zone;

ALTER TABLE "Profiles" ADD COLUMN "LowMoodCardDismissedAt" timestamp with time zone;
