-- A check-in's numbers (mood, sleep, eating, moving, urges, contact) say how the person is: from this version they
-- are encrypted with the user's key, in "NumbersCipher". SQL cannot encrypt, so the plain values move to
-- "CheckInNumbersToEncrypt" and the app encrypts them at start, right after the migrations, deleting each plain row
-- as it goes (CheckInNumbersEncryption). The plain columns are dropped here (PostgreSQL keeps the old bytes in the
-- table's pages until they are rewritten: see docs/threat-model.md on VACUUM).
CREATE TABLE "CheckInNumbersToEncrypt" (
    "Id" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "Mood" integer NOT NULL,
    "SleepHalfHours" integer NOT NULL,
    "AteProperly" boolean NOT NULL,
    "Moved" boolean NOT NULL,
    "UrgeCount" integer NOT NULL,
    "StrongestUrge" integer,
    "HadContact" boolean NOT NULL,
    CONSTRAINT "PK_CheckInNumbersToEncrypt" PRIMARY KEY ("Id")
);

INSERT INTO "CheckInNumbersToEncrypt" ("Id", "UserId", "Mood", "SleepHalfHours", "AteProperly", "Moved", "UrgeCount", "StrongestUrge", "HadContact")
SELECT "Id", "UserId", "Mood", "SleepHalfHours", "AteProperly", "Moved", "UrgeCount", "StrongestUrge", "HadContact" FROM "CheckIns";

ALTER TABLE "CheckIns" ADD COLUMN "NumbersCipher" text;
ALTER TABLE "CheckIns"
    DROP COLUMN "Mood",
    DROP COLUMN "SleepHalfHours",
    DROP COLUMN "AteProperly",
    DROP COLUMN "Moved",
    DROP COLUMN "UrgeCount",
    DROP COLUMN "StrongestUrge",
    DROP COLUMN "HadContact";
