-- The situation answers (who ended it, when, how, months together, shared ties) and the safety-screen answers say how
-- the relationship was and whether the person is safe; an urge's intensity, what the person did instead and how it
-- ended say how they are; the checklist of a message from the ex says how the relationship stands. From this version
-- they are encrypted with the user's key: in "Profiles"."AnswersCipher", "Urges"."DetailsCipher" and
-- "ExMessages"."ChecklistCipher". SQL cannot encrypt, so the plain values move to "ProfileAnswersToEncrypt",
-- "UrgeDetailsToEncrypt" and "ExMessageChecklistsToEncrypt" and the app encrypts them at start, right after the
-- migrations, deleting each plain row as it goes (ProfileAnswersEncryption, UrgeDetailsEncryption,
-- ExMessageChecklistEncryption; like schema 11 for check-ins). The plain columns are
-- dropped here. A profile with no answer given keeps a null "AnswersCipher".
CREATE TABLE "ProfileAnswersToEncrypt" (
    "UserId" TEXT NOT NULL CONSTRAINT "PK_ProfileAnswersToEncrypt" PRIMARY KEY,
    "WhoEnded" TEXT NULL,
    "BreakupDate" TEXT NULL,
    "MonthsTogether" INTEGER NULL,
    "BreakupKind" TEXT NULL,
    "SharesChildren" INTEGER NOT NULL,
    "SharesWork" INTEGER NOT NULL,
    "SharesHome" INTEGER NOT NULL,
    "SharesFriends" INTEGER NOT NULL,
    "SharesPets" INTEGER NOT NULL,
    "SafetyAbuse" INTEGER NOT NULL,
    "SafetyThreats" INTEGER NOT NULL,
    "SafetyControlling" INTEGER NOT NULL,
    "SafetyRepeatedBetrayal" INTEGER NOT NULL
);

INSERT INTO "ProfileAnswersToEncrypt" ("UserId", "WhoEnded", "BreakupDate", "MonthsTogether", "BreakupKind", "SharesChildren", "SharesWork", "SharesHome",
    "SharesFriends", "SharesPets", "SafetyAbuse", "SafetyThreats", "SafetyControlling", "SafetyRepeatedBetrayal")
SELECT "UserId", "WhoEnded", "BreakupDate", "MonthsTogether", "BreakupKind", "SharesChildren", "SharesWork", "SharesHome",
    "SharesFriends", "SharesPets", "SafetyAbuse", "SafetyThreats", "SafetyControlling", "SafetyRepeatedBetrayal" FROM "Profiles"
WHERE "WhoEnded" IS NOT NULL OR "BreakupDate" IS NOT NULL OR "MonthsTogether" IS NOT NULL OR "BreakupKind" IS NOT NULL
    OR "SharesChildren" <> 0 OR "SharesWork" <> 0 OR "SharesHome" <> 0 OR "SharesFriends" <> 0 OR "SharesPets" <> 0
    OR "SafetyAbuse" <> 0 OR "SafetyThreats" <> 0 OR "SafetyControlling" <> 0 OR "SafetyRepeatedBetrayal" <> 0;

ALTER TABLE "Profiles" ADD COLUMN "AnswersCipher" TEXT NULL;
ALTER TABLE "Profiles" DROP COLUMN "WhoEnded";
ALTER TABLE "Profiles" DROP COLUMN "BreakupDate";
ALTER TABLE "Profiles" DROP COLUMN "MonthsTogether";
ALTER TABLE "Profiles" DROP COLUMN "BreakupKind";
ALTER TABLE "Profiles" DROP COLUMN "SharesChildren";
ALTER TABLE "Profiles" DROP COLUMN "SharesWork";
ALTER TABLE "Profiles" DROP COLUMN "SharesHome";
ALTER TABLE "Profiles" DROP COLUMN "SharesFriends";
ALTER TABLE "Profiles" DROP COLUMN "SharesPets";
ALTER TABLE "Profiles" DROP COLUMN "SafetyAbuse";
ALTER TABLE "Profiles" DROP COLUMN "SafetyThreats";
ALTER TABLE "Profiles" DROP COLUMN "SafetyControlling";
ALTER TABLE "Profiles" DROP COLUMN "SafetyRepeatedBetrayal";

CREATE TABLE "UrgeDetailsToEncrypt" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_UrgeDetailsToEncrypt" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Intensity" INTEGER NOT NULL,
    "Alternative" TEXT NULL,
    "Outcome" TEXT NOT NULL
);

INSERT INTO "UrgeDetailsToEncrypt" ("Id", "UserId", "Intensity", "Alternative", "Outcome")
SELECT "Id", "UserId", "Intensity", "Alternative", "Outcome" FROM "Urges";

-- From now on only the time shows that an urge is over: an urge imported as resolved without one gets its own time.
UPDATE "Urges" SET "ResolvedAt" = "OccurredAt" WHERE "Outcome" <> 'Pending' AND "ResolvedAt" IS NULL;

ALTER TABLE "Urges" ADD COLUMN "DetailsCipher" TEXT NULL;
ALTER TABLE "Urges" DROP COLUMN "Intensity";
ALTER TABLE "Urges" DROP COLUMN "Alternative";
ALTER TABLE "Urges" DROP COLUMN "Outcome";

-- A message from the ex: the checklist answers and what was judged of them, likewise ("ExMessages"."ChecklistCipher").
CREATE TABLE "ExMessageChecklistsToEncrypt" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ExMessageChecklistsToEncrypt" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "AcknowledgesWhatWentWrong" INTEGER NULL,
    "ShowsEvidenceOfChange" INTEGER NULL,
    "StatesClearIntention" INTEGER NULL,
    "IsEmergencyOrLogistics" INTEGER NULL,
    "LateAtNight" INTEGER NULL,
    "Vague" INTEGER NULL,
    "Sporadic" INTEGER NULL,
    "Substance" TEXT NOT NULL,
    "Advice" TEXT NOT NULL
);

INSERT INTO "ExMessageChecklistsToEncrypt" ("Id", "UserId", "AcknowledgesWhatWentWrong", "ShowsEvidenceOfChange", "StatesClearIntention",
    "IsEmergencyOrLogistics", "LateAtNight", "Vague", "Sporadic", "Substance", "Advice")
SELECT "Id", "UserId", "AcknowledgesWhatWentWrong", "ShowsEvidenceOfChange", "StatesClearIntention",
    "IsEmergencyOrLogistics", "LateAtNight", "Vague", "Sporadic", "Substance", "Advice" FROM "ExMessages";

ALTER TABLE "ExMessages" ADD COLUMN "ChecklistCipher" TEXT NULL;
ALTER TABLE "ExMessages" DROP COLUMN "AcknowledgesWhatWentWrong";
ALTER TABLE "ExMessages" DROP COLUMN "ShowsEvidenceOfChange";
ALTER TABLE "ExMessages" DROP COLUMN "StatesClearIntention";
ALTER TABLE "ExMessages" DROP COLUMN "IsEmergencyOrLogistics";
ALTER TABLE "ExMessages" DROP COLUMN "LateAtNight";
ALTER TABLE "ExMessages" DROP COLUMN "Vague";
ALTER TABLE "ExMessages" DROP COLUMN "Sporadic";
ALTER TABLE "ExMessages" DROP COLUMN "Substance";
ALTER TABLE "ExMessages" DROP COLUMN "Advice";
