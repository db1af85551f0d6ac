-- The thinking pattern a reframe names says how the person thinks and feels; the decision (pursue, not now, let go),
-- a talk's outcome (yes, no) and the phase the person chose say where the relationship stands; when the crisis
-- reader last found words of crisis, when it read a message from the ex as a threat, and when the low-mood card was
-- put away say how the person is and whether they are safe. From this version they are encrypted with the user's
-- key: in "JournalEntries"."PatternCipher", "AssessmentRevisions"."DecisionCipher", "StageEvents"."OutcomeCipher",
-- "JourneyStates"."ChosenPhaseCipher" and "Profiles"."MarksCipher". SQL cannot
-- encrypt, so the plain values move to "PlainValuesToEncrypt" (one row per value, "Kind" naming its column) and the
-- app encrypts them at start, right after the migrations, deleting each plain row as it goes (PlainValuesEncryption;
-- like schemas 11 and 12). The plain columns are dropped here (PostgreSQL keeps the old bytes in the table's pages
-- until they are rewritten: see docs/threat-model.md on VACUUM).
CREATE TABLE "PlainValuesToEncrypt" (
    "Kind" character varying(24) NOT NULL,
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "Value" character varying(32),
    "FirstAt" timestamp with time zone,
    "SecondAt" timestamp with time zone,
    "ThirdAt" timestamp with time zone,
    CONSTRAINT "PK_PlainValuesToEncrypt" PRIMARY KEY ("Kind", "Id")
);

INSERT INTO "PlainValuesToEncrypt" ("Kind", "Id", "UserId", "Value")
SELECT 'journal-pattern', "Id", "UserId", "Pattern" FROM "JournalEntries" WHERE "Pattern" IS NOT NULL;
INSERT INTO "PlainValuesToEncrypt" ("Kind", "Id", "UserId", "Value")
SELECT 'assessment-decision', "Id", "UserId", "Decision" FROM "AssessmentRevisions" WHERE "Decision" IS NOT NULL;
INSERT INTO "PlainValuesToEncrypt" ("Kind", "Id", "UserId", "Value")
SELECT 'stage-outcome', "Id", "UserId", "Outcome" FROM "StageEvents" WHERE "Outcome" IS NOT NULL;
INSERT INTO "PlainValuesToEncrypt" ("Kind", "Id", "UserId", "FirstAt", "SecondAt", "ThirdAt")
SELECT 'profile-marks', "UserId", "UserId", "ExThreatFoundAt", "LastCrisisFoundAt", "LowMoodCardDismissedAt" FROM "Profiles"
WHERE "ExThreatFoundAt" IS NOT NULL OR "LastCrisisFoundAt" IS NOT NULL OR "LowMoodCardDismissedAt" IS NOT NULL;
INSERT INTO "PlainValuesToEncrypt" ("Kind", "Id", "UserId", "Value")
SELECT 'journey-phase', "UserId", "UserId", "ChosenPhase" FROM "JourneyStates" WHERE "ChosenPhase" IS NOT NULL;

ALTER TABLE "JournalEntries" ADD COLUMN "PatternCipher" text;
ALTER TABLE "JournalEntries" DROP COLUMN "Pattern";
ALTER TABLE "AssessmentRevisions" ADD COLUMN "DecisionCipher" text;
ALTER TABLE "AssessmentRevisions" DROP COLUMN "Decision";
ALTER TABLE "StageEvents" ADD COLUMN "OutcomeCipher" text;
ALTER TABLE "StageEvents" DROP COLUMN "Outcome";
ALTER TABLE "Profiles" ADD COLUMN "MarksCipher" text;
ALTER TABLE "Profiles"
    DROP COLUMN "ExThreatFoundAt",
    DROP COLUMN "LastCrisisFoundAt",
    DROP COLUMN "LowMoodCardDismissedAt";
ALTER TABLE "JourneyStates" ADD COLUMN "ChosenPhaseCipher" text;
ALTER TABLE "JourneyStates" DROP COLUMN "ChosenPhase";
