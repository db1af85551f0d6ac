-- A check-in's numbers (mood, sleep, eating, moving, urges, contact) say how the person is: from this version they
-- are encrypted with the user's key, in "NumbersCipher". SQL cannot encrypt, so the plain values move to
-- "CheckInNumbersToEncrypt" and the app encrypts them at start, right after the migrations, deleting each plain row
-- as it goes (CheckInNumbersEncryption). The plain columns are dropped here.
CREATE TABLE "CheckInNumbersToEncrypt" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CheckInNumbersToEncrypt" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Mood" INTEGER NOT NULL,
    "SleepHalfHours" INTEGER NOT NULL,
    "AteProperly" INTEGER NOT NULL,
    "Moved" INTEGER NOT NULL,
    "UrgeCount" INTEGER NOT NULL,
    "StrongestUrge" INTEGER NULL,
    "HadContact" INTEGER NOT NULL
);

INSERT INTO "CheckInNumbersToEncrypt" ("Id", "UserId", "Mood", "SleepHalfHours", "AteProperly", "Moved", "UrgeCount", "StrongestUrge", "HadContact")
SELECT "Id", "UserId", "Mood", "SleepHalfHours", "AteProperly", "Moved", "UrgeCount", "StrongestUrge", "HadContact" FROM "CheckIns";

ALTER TABLE "CheckIns" ADD COLUMN "NumbersCipher" TEXT NULL;
ALTER TABLE "CheckIns" DROP COLUMN "Mood";
ALTER TABLE "CheckIns" DROP COLUMN "SleepHalfHours";
ALTER TABLE "CheckIns" DROP COLUMN "AteProperly";
ALTER TABLE "CheckIns" DROP COLUMN "Moved";
ALTER TABLE "CheckIns" DROP COLUMN "UrgeCount";
ALTER TABLE "CheckIns" DROP COLUMN "StrongestUrge";
ALTER TABLE "CheckIns" DROP COLUMN "HadContact";
