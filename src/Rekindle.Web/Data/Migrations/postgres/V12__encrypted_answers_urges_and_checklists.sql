-- The situation answers (who ended it, when, how, months together, shared ties) and the safety-screen answers say how
-- the relationship was and whether the person is safe; an urge's intensity, what the person did instead and how it
-- ended say how they are; the checklist of a message from the ex says how the relationship stands. From this version
-- they are encrypted with the user's key: in "Profiles"."AnswersCipher", "Urges"."DetailsCipher" and
-- "ExMessages"."ChecklistCipher". SQL cannot encrypt, so the plain values move to "ProfileAnswersToEncrypt",
-- "UrgeDetailsToEncrypt" and "ExMessageChecklistsToEncrypt" and the app encrypts them at start, right after the
-- migrations, deleting each plain row as it goes (ProfileAnswersEncryption, UrgeDetailsEncryption,
-- ExMessageChecklistEncryption; like schema 11 for check-ins). The plain columns are
-- dropped here (PostgreSQL keeps the old bytes in the table's pages until they are rewritten: see
-- docs/threat-model.md on VACUUM). A profile with no answer given keeps a null "AnswersCipher".
CREATE TABLE "ProfileAnswersToEncrypt" (
    "UserId" uuid NOT NULL,
    "WhoEnded" character varying(16),
    "BreakupDate" date,
    "MonthsTogether" integer,
    "BreakupKind" character varying(16),
    "SharesChildren" boolean NOT NULL,
    "SharesWork" boolean NOT NULL,
    "SharesHome" boolean NOT NULL,
    "SharesFriends" boolean NOT NULL,
    "SharesPets" boolean NOT NULL,
    "SafetyAbuse" boolean NOT NULL,
    "SafetyThreats" boolean NOT NULL,
    "SafetyControlling" boolean NOT NULL,
    "SafetyRepeatedBetrayal" boolean NOT NULL,
    CONSTRAINT "PK_ProfileAnswersToEncrypt" PRIMARY KEY ("UserId")
);

INSERT INTO "ProfileAnswersToEncrypt" ("UserId", "WhoEnded", "BreakupDate", "MonthsTogether", "BreakupKind", "SharesChildren", "SharesWork", "SharesHome",
    "SharesFriends", "SharesPets", "SafetyAbuse", "SafetyThreats", "SafetyControlling", "SafetyRepeatedBetrayal")
SELECT "UserId", "WhoEnded", "BreakupDate", "MonthsTogether", "BreakupKind", "SharesChildren", "SharesWork", "SharesHome",
    "SharesFriends", "SharesPets", "SafetyAbuse", "SafetyThreats", "SafetyControlling", "SafetyRepeatedBetrayal" FROM "Profiles"
WHERE "WhoEnded" IS NOT NULL OR "BreakupDate" IS NOT NULL OR "MonthsTogether" IS NOT NULL OR "BreakupKind" IS NOT NULL
    OR "SharesChildren" OR "SharesWork" OR "SharesHome" OR "SharesFriends" OR "SharesPets"
    OR "SafetyAbuse" OR "SafetyThreats" OR "SafetyControlling" OR "SafetyRepeatedBetrayal";

ALTER TABLE "Profiles" ADD COLUMN "AnswersCipher" text;
ALTER TABLE "Profiles"
    DROP COLUMN "WhoEnded",
    DROP COLUMN "BreakupDate",
    DROP COLUMN "MonthsTogether",
    DROP COLUMN "BreakupKind",
    DROP COLUMN "SharesChildren",
    DROP COLUMN "SharesWork",
    DROP COLUMN "SharesHome",
    DROP COLUMN "SharesFriends",
    DROP COLUMN "SharesPets",
    DROP COLUMN "SafetyAbuse",
    DROP COLUMN "SafetyThreats",
    DROP COLUMN "SafetyControlling",
    DROP COLUMN "SafetyRepeatedBetrayal";

CREATE TABLE "UrgeDetailsToEncrypt" (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "Intensity" integer NOT NULL,
    "Alternative" character varying(16),
    "Outcome" character varying(16) NOT NULL,
    CONSTRAINT "PK_UrgeDetailsToEncrypt" PRIMARY KEY ("Id")
);

INSERT INTO "UrgeDetailsToEncrypt" ("Id", "UserId", "Intensity", "Alternative", "Outcome")
SELECT "Id", "UserId", "Intensity", "Alternative", "Outcome" FROM "Urges";

-- From now on only the time shows that an urge is over: an urge imported as resolved without one gets its own time.
UPDATE "Urges" SET "ResolvedAt" = "OccurredAt" WHERE "Outcome" <> 'Pending' AND "ResolvedAt" IS NULL;

ALTER TABLE "Urges" ADD COLUMN "DetailsCipher" text;
ALTER TABLE "Urges"
    DROP COLUMN "Intensity",
    DROP COLUMN "Alternative",
    DROP COLUMN "Outcome";

-- A message from the ex: the checklist answers and what was judged of them, likewise ("ExMessages"."ChecklistCipher").
CREATE TABLE "ExMessageChecklistsToEncrypt" (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "AcknowledgesWhatWentWrong" boolean,
    "ShowsEvidenceOfChange" boolean,
    "StatesClearIntention" boolean,
    "IsEmergencyOrLogistics" boolean,
    "LateAtNight" boolean,
    "Vague" boolean,
    "Sporadic" boolean,
    "Substance" character varying(16) NOT NULL,
    "Advice" character varying(24) NOT NULL,
    CONSTRAINT "PK_ExMessageChecklistsToEncrypt" PRIMARY KEY ("Id")
);

INSERT INTO "ExMessageChecklistsToEncrypt" ("Id", "UserId", "AcknowledgesWhatWentWrong", "ShowsEvidenceOfChange", "StatesClearIntention",
    "IsEmergencyOrLogistics", "LateAtNight", "Vague", "Sporadic", "Substance", "Advice")
SELECT "Id", "UserId", "AcknowledgesWhatWentWrong", "ShowsEvidenceOfChange", "StatesClearIntention",
    "IsEmergencyOrLogistics", "LateAtNight", "Vague", "Sporadic", "Substance", "Advice" FROM "ExMessages";

ALTER TABLE "ExMessages" ADD COLUMN "ChecklistCipher" text;
ALTER TABLE "ExMessages"
    DROP COLUMN "AcknowledgesWhatWentWrong",
    DROP COLUMN "ShowsEvidenceOfChange",
    DROP COLUMN "StatesClearIntention",
    DROP COLUMN "IsEmergencyOrLogistics",
    DROP COLUMN "LateAtNight",
    DROP COLUMN "Vague",
    DROP COLUMN "Sporadic",
    DROP COLUMN "Substance",
    DROP COLUMN "Advice";
