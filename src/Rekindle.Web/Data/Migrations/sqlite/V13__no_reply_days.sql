-- How many days the user waits for a reply to a first message (or the one follow-up) before the program moves on
-- (issue 25: every road ends somewhere). Null means the default, 7 days.
ALTER TABLE "JourneyStates" ADD COLUMN "NoReplyDays" INTEGER NULL;
