namespace Rekindle.Core.Coach;

/// <summary>
/// What to write instead, one hint per finding: chosen for the category and the stage, and varied by the words of the
/// flagged sentence, so two drafts with the same problem don't get the same line. Our own words, never a script to copy.
/// </summary>
internal static class CoachHints
{
    private enum Moment { NoContact, Early, Talk, Together, Practical }

    private static Moment MomentOf(CoachStage stage) => stage switch
    {
        CoachStage.NoContact => Moment.NoContact,
        CoachStage.TheTalk => Moment.Talk,
        CoachStage.Together => Moment.Together,
        CoachStage.LimitedContact or CoachStage.Boundary => Moment.Practical,
        _ => Moment.Early,
    };

    /// <summary>How much a category hurts a message, lower first: the summary names the heaviest problem first.</summary>
    public static int Weight(FindingCategory category) => category switch
    {
        FindingCategory.SelfHarm or FindingCategory.Threat => 0,
        FindingCategory.Pressure => 1,
        FindingCategory.Begging => 2,
        FindingCategory.Guilt => 3,
        FindingCategory.Blame => 4,
        FindingCategory.Jealousy => 5,
        FindingCategory.Games => 6,
        FindingCategory.EmotionalBait => 7,
        FindingCategory.Pity => 8,
        FindingCategory.LateNight => 9,
        FindingCategory.Promise => 10,
        FindingCategory.RelationshipTalk => 11,
        FindingCategory.Declaration => 12,
        FindingCategory.Reconnection => 13,
        FindingCategory.Feelings => 14,
        FindingCategory.Apology => 15,
        FindingCategory.Reminiscing => 16,
        FindingCategory.PersonalQuestion => 17,
        FindingCategory.OverExplaining => 18,
        FindingCategory.WellbeingQuestion => 19,
        _ => 20,
    };

    /// <summary>The problem in a few words, for the summary ("The main problem is chasing a reply").</summary>
    public static string Problem(FindingCategory category) => category switch
    {
        FindingCategory.Pressure => "chasing a reply",
        FindingCategory.Begging => "pleading",
        FindingCategory.Guilt => "guilt-tripping",
        FindingCategory.Blame => "blame",
        FindingCategory.Jealousy => "questions about their love life",
        FindingCategory.Games => "playing it cool as a game",
        FindingCategory.Pity => "asking for sympathy",
        FindingCategory.LateNight => "a late-night bid",
        FindingCategory.Promise => "promises of change",
        FindingCategory.RelationshipTalk => "talk about the relationship",
        FindingCategory.Declaration => "declaring your feelings",
        FindingCategory.WellbeingQuestion => "a heavy \"how are you?\"",
        FindingCategory.Length => "its length",
        FindingCategory.Feelings => "your feelings",
        FindingCategory.Apology => "an apology",
        FindingCategory.Reminiscing => "shared memories",
        FindingCategory.PersonalQuestion => "questions about their life",
        FindingCategory.Reconnection => "an opening to reconnect",
        FindingCategory.OverExplaining => "over-explaining",
        FindingCategory.EmotionalBait => "a jab that invites an argument",
        FindingCategory.SelfHarm => "your safety",
        FindingCategory.Threat => "a threat",
        _ => "what's highlighted",
    };

    private static readonly Dictionary<(FindingCategory, Moment?), string[]> Hints = new()
    {
        [(FindingCategory.Pressure, null)] =
        [
            "Cut the part that asks why they haven't answered. If they reply, they reply; one message is enough.",
            "Drop the count of messages and the deadline. Say the one thing you wanted to say and put the phone down.",
            "Leave the question of when they'll answer out entirely; a message with no hook is easier to return to.",
        ],
        [(FindingCategory.Pressure, Moment.Practical)] =
        [
            "Ask once, with the date the arrangement needs (\"Could you confirm by Thursday so I can book it?\"), and leave it there.",
            "Keep the practical deadline, drop the chasing. The arrangement is the only thing that needs an answer.",
        ],
        [(FindingCategory.Begging, null)] =
        [
            "Take out the pleading. If there is something you want, say it once, plainly, and let them choose freely.",
            "Replace the request to come back with something about your own life today, or send nothing for now.",
            "Leave out \"please\" and \"one more chance\"; calm and brief says more about you than asking again.",
        ],
        [(FindingCategory.Begging, Moment.Talk)] =
        [
            "Say what you'd like once (\"I'd like us to try again, if you want that too\") and leave the choice with them.",
            "Trade the pleading for one honest sentence about what you want and one question about what they want.",
        ],
        [(FindingCategory.Guilt, null)] =
        [
            "Leave out what you did for them and what it cost you. If the hurt needs saying, your journal is the place for it first.",
            "Cut the line that asks them to feel bad. Say only what you'd be glad to have said a month from now.",
            "Drop the reminder of everything you gave. A message without a debt in it is easier to answer kindly.",
        ],
        [(FindingCategory.Blame, null)] =
        [
            "Turn the verdict into one \"I\" sentence about what happened for you, or keep it for a calm conversation in person.",
            "Take out \"you always\" and \"you never\". Describe one moment and how it felt, without judging them.",
        ],
        [(FindingCategory.Blame, Moment.Early)] =
        [
            "Leave the old argument out of this message. Reconnecting works on today's easy things, not on who was wrong.",
            "Cut the accusation. If it still matters later, it belongs in the real conversation, face to face.",
        ],
        [(FindingCategory.Jealousy, null)] =
        [
            "Leave their love life out. Whatever the answer is, knowing it won't make this message or your week better.",
            "Delete the question about who they're seeing. Write about something in your own life instead.",
            "Cut the line about the new person. If you feel it strongly, tell a friend, not them.",
        ],
        [(FindingCategory.Games, null)] =
        [
            "Say something true instead of a show of being fine; a simple, warm line beats a performance.",
            "Drop the hint about dates or how little you care. If you're doing well, it will show without saying so.",
        ],
        [(FindingCategory.Pity, null)] =
        [
            "Keep how hard it's been for someone who's on your side now: a friend, your journal, a counsellor.",
            "Take out the description of how bad it is. A message to them can't carry that, and it shouldn't have to.",
            "Leave your low days out of this one; share a small good thing from this week instead, if there is one.",
        ],
        [(FindingCategory.LateNight, null)] =
        [
            "Save it for the morning. Read it again after breakfast; if it still feels right, send a daytime version.",
            "Late at night everything feels more urgent than it is. Write it in your notes now and decide tomorrow.",
            "Put the phone in another room and sleep on it. A message sent at a normal hour reads as a choice, not a need.",
        ],
        [(FindingCategory.LateNight, Moment.Together)] =
        [
            "Fine between the two of you, as long as it isn't a test of whether they'll answer at this hour.",
        ],
        [(FindingCategory.Promise, null)] =
        [
            "Swap the promise for one thing you already do differently, in one sentence, or leave change for them to notice.",
            "Cut \"I'll change\". What convinces is time and what they see, not what a message says.",
        ],
        [(FindingCategory.Promise, Moment.Talk)] =
        [
            "Name one specific thing you've been doing for a while now (\"I've been seeing a counsellor since March\") instead of a promise.",
            "Keep it to what has already changed and how long for; leave what will change to be seen.",
        ],
        [(FindingCategory.RelationshipTalk, null)] =
        [
            "Leave the two of you out of this message. Keep it about something light and current they can answer easily.",
            "The question about what you are can wait for a calm conversation in person, much later. For now, keep it easy.",
        ],
        [(FindingCategory.RelationshipTalk, Moment.Practical)] =
        [
            "Keep to the arrangement: what, when, where. The relationship isn't part of a practical message.",
        ],
        [(FindingCategory.Declaration, null)] =
        [
            "Let warmth show in the tone, not in a statement of feelings: a friendly detail says enough for now.",
            "Keep the feelings for your journal for the moment; send the light, easy part of the message only.",
            "Cut the line about how much you need or miss them; it asks them to answer a feeling they didn't bring up.",
        ],
        [(FindingCategory.Declaration, Moment.Talk)] =
        [
            "Say it once, plainly, and then ask how they feel; don't let it carry the whole conversation.",
        ],
        [(FindingCategory.Declaration, Moment.Practical)] =
        [
            "Take the feelings out; this message is only about the arrangement.",
        ],
        [(FindingCategory.WellbeingQuestion, null)] =
        [
            "Swap \"how are you?\" for something specific and light: a shared interest, a bit of news, a small question.",
        ],
        [(FindingCategory.Length, null)] =
        [
            "Pick the one sentence that matters most and cut the rest; you can say more if they answer.",
            "Halve it. A short message is easy to answer; a long one feels like homework.",
        ],
        [(FindingCategory.Length, Moment.Talk)] =
        [
            "Use the message to ask for time to talk, and bring the rest to the conversation itself.",
        ],
    };

    public static string For(FindingCategory category, CoachStage stage, string sentence)
    {
        if (category is FindingCategory.SelfHarm or FindingCategory.Threat)
        {
            return "";
        }

        if (stage == CoachStage.NoContact)
        {
            return Pick(
                [
                    "Keep it here as part of an unsent letter; nothing goes out during no contact.",
                    "Write the rest of it in your journal, all of it, then close the app for twenty minutes.",
                    "Notice what you hoped this line would get from them, and write that down for yourself instead.",
                ],
                sentence);
        }

        var moment = MomentOf(stage);
        if (Hints.TryGetValue((category, moment), out var specific))
        {
            return Pick(specific, sentence);
        }

        if (Hints.TryGetValue((category, null), out var general))
        {
            return Pick(general, sentence);
        }

        // The boundary categories: the explanation already says what to do; the hint says it in one line.
        return category switch
        {
            FindingCategory.Feelings => "Take the feeling out; keep it for a friend or your journal. The message is only the arrangement.",
            FindingCategory.Apology => "Leave the apology out; a practical message needs no sorry.",
            FindingCategory.Reminiscing => "Cut the memory; state the practical point on its own.",
            FindingCategory.PersonalQuestion => "Ask only what the arrangement needs to know.",
            FindingCategory.Reconnection => "End after the practical point, with no offer to talk or meet.",
            FindingCategory.OverExplaining => "Keep one reason at most, or none: \"That day doesn't work for me\" is enough.",
            FindingCategory.EmotionalBait => "Take out the jab; without it there's nothing to argue about.",
            _ => "Take out the highlighted part and read what's left.",
        };
    }

    /// <summary>The hints for the main problems first (one per category), then the stage's general advice.</summary>
    public static IReadOnlyList<string> Suggestions(CoachStage stage, IReadOnlyList<DraftFinding> findings, IReadOnlyList<FindingCategory> problems)
    {
        var result = new List<string>();
        foreach (var category in problems)
        {
            var hint = findings.First(f => f.Category == category).Hint;
            if (hint.Length > 0 && !result.Contains(hint))
            {
                result.Add(hint);
            }
        }

        var general = CoachWords.Suggestions(stage, findings.Count > 0);
        result.AddRange(result.Count >= 2 ? general.Take(1) : general);
        return result;
    }

    private static string Pick(string[] choices, string sentence)
    {
        var hash = 17u;
        foreach (var c in sentence)
        {
            hash = (hash * 31) + char.ToLowerInvariant(c);
        }

        return choices[(int)(hash % (uint)choices.Length)];
    }
}
