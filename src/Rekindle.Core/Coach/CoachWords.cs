namespace Rekindle.Core.Coach;

/// <summary>Why each finding matters, in our words, with the stage in mind; and what to write instead.</summary>
internal static class CoachWords
{
    public static string Explain(FindingCategory category, CoachStage stage) => (category, stage) switch
    {
        (FindingCategory.SelfHarm, _) =>
            "This sounds like you might be thinking about hurting yourself. That matters far more than any message. Please reach out to someone now: the crisis line for your country is one tap away.",
        (FindingCategory.Threat, _) =>
            "This reads as a threat. Sending it could frighten them, end any chance of trust, and have legal consequences. Step away from the phone and talk to someone you trust first.",
        (_, CoachStage.NoContact) =>
            CategoryReason(category) + " During no contact, nothing gets sent; write it as an unsent letter instead.",
        (_, CoachStage.Boundary) => Boundary(category),
        (FindingCategory.Declaration, CoachStage.TheTalk) =>
            "Saying how you feel is part of this conversation. Keep it honest and short, and leave room for what they feel.",
        (FindingCategory.Declaration, CoachStage.Together) =>
            "Warmth is welcome now. Just make sure it isn't asking them to reassure you.",
        (FindingCategory.Declaration, CoachStage.LimitedContact) =>
            "Limited contact means practical matters only. Feelings belong in your journal or an unsent letter for now.",
        (FindingCategory.Declaration, _) =>
            "Declaring feelings this early puts weight on them they didn't ask for, and often pushes them further away. Let warmth show in a light tone instead.",
        (FindingCategory.RelationshipTalk, CoachStage.LimitedContact) =>
            "This message should stay on logistics. Talking about the relationship turns a practical exchange into an emotional one.",
        (FindingCategory.RelationshipTalk, CoachStage.Inviting) =>
            "Keep the invitation about the plan, not about the two of you. The big conversation comes later, face to face.",
        (FindingCategory.RelationshipTalk, _) =>
            "Talking about the relationship now is too soon. First rebuild easy, friendly contact; the real conversation comes later and in person.",
        (FindingCategory.Begging, _) =>
            "Pleading hands every bit of the choice to them and asks them to decide out of pity. Nothing you write can make someone come back; a calm message simply says what you mean and keeps your self-respect, whatever they answer.",
        (FindingCategory.Pity, _) =>
            "Showing how much you're hurting, to move them, tends to bring guilt or distance rather than closeness. Take that pain to a friend, your journal or a counsellor.",
        (FindingCategory.Guilt, _) =>
            "Guilt-tripping asks them to feel bad, not to come closer. Even when the hurt is real, this tone usually ends the conversation.",
        (FindingCategory.Jealousy, _) =>
            "Asking about their love life signals that you're watching and hurting. Whatever the answer, it won't help you; leave it out.",
        (FindingCategory.Blame, CoachStage.TheTalk) =>
            "The talk goes better with \"I felt\" than \"you always\". Describe what happened and how it affected you, without a verdict on them.",
        (FindingCategory.Blame, _) =>
            "Accusations put them on the defensive and restart old arguments. If something needs saying, save it for a calm conversation and use \"I\" statements.",
        (FindingCategory.Pressure, _) =>
            "Chasing a reply or setting deadlines creates pressure, and pressure makes people pull back. Send one message and let it stand.",
        (FindingCategory.Promise, CoachStage.TheTalk) =>
            "Promises are easy to make and hard to believe. Describe the specific things you've already done differently; let the change speak.",
        (FindingCategory.Promise, _) =>
            "Promising instant change rarely convinces anyone; consistent actions over time do. Leave the promises out and let them see it.",
        (FindingCategory.Games, _) =>
            "Fake indifference and jealousy bait are games. Even when they work for a moment, they build the next round on pretending. Say something true and simple instead.",
        (FindingCategory.LateNight, _) =>
            "A message sent late at night, or after a drink, reads as loneliness rather than interest, and it's the one people most often wish they hadn't sent.",
        (FindingCategory.WellbeingQuestion, _) =>
            "\"How are you?\" after a breakup invites a heavy answer or a one-word reply. A light, specific opener is easier to answer.",
        (FindingCategory.Length, CoachStage.TheTalk) =>
            "This is a lot for a message. The talk works best face to face or on a call; a message can simply ask for that time.",
        (FindingCategory.Length, _) =>
            "This is long for where you are. Short messages feel easy to answer; long ones feel like a weight.",
        _ => CategoryReason(category),
    };

    /// <summary>For a boundary message (brief, firm, about practical matters only), every finding says why it reopens the door.</summary>
    private static string Boundary(FindingCategory category) => category switch
    {
        FindingCategory.Declaration or FindingCategory.Feelings =>
            "Feelings don't belong in a practical message. They are real and they matter: take them to your journal, a friend or a counsellor, and keep this to the arrangement.",
        FindingCategory.RelationshipTalk =>
            "This brings the relationship back into the conversation. A boundary message is about the task in hand; the relationship is not on the table here.",
        FindingCategory.Apology =>
            "An apology here invites a conversation about the past, and can read as a way back in. A firm, practical message needs no sorry.",
        FindingCategory.Reminiscing =>
            "Shared memories pull a practical message toward the two of you. Leave them out; they are an easy hook for either side.",
        FindingCategory.PersonalQuestion or FindingCategory.WellbeingQuestion =>
            "A question about their life keeps a door open and asks for a reply about something other than the arrangement. Ask only what the practical matter needs.",
        FindingCategory.Reconnection =>
            "This reads as an opening to reconnect: an offer to talk, meet, stay friends, or a warm sign-off. If what you need is distance, leave it out.",
        FindingCategory.OverExplaining =>
            "You don't have to justify a boundary. Every extra reason is something they can argue with; state the arrangement and stop.",
        FindingCategory.EmotionalBait =>
            "This jab invites an argument. Even if it's fair, it gives them something to answer other than the practical point.",
        FindingCategory.Pressure =>
            "A calm deadline for a practical matter is fine. Chasing a reply about anything else keeps you tied to the conversation.",
        FindingCategory.Length =>
            "This is long for a practical message. A few short sentences are easier to keep neutral and harder to argue with.",
        _ => CategoryReason(category) + " A boundary message stays on the practical point: no pleading, blame, promises or point-scoring. Short and neutral protects you.",
    };

    private static string CategoryReason(FindingCategory category) => category switch
    {
        FindingCategory.Declaration => "This declares feelings.",
        FindingCategory.RelationshipTalk => "This talks about the relationship.",
        FindingCategory.Begging => "This pleads with them.",
        FindingCategory.Pity => "This shows your pain to win sympathy.",
        FindingCategory.Guilt => "This tries to make them feel guilty.",
        FindingCategory.Jealousy => "This asks about their love life.",
        FindingCategory.Blame => "This blames them.",
        FindingCategory.Pressure => "This pushes for a reply.",
        FindingCategory.Promise => "This promises change.",
        FindingCategory.Games => "This plays a game with their feelings.",
        FindingCategory.WellbeingQuestion => "This asks how they are.",
        FindingCategory.Length => "This is long.",
        FindingCategory.LateNight => "This is a late-night bid.",
        FindingCategory.Feelings => "This shares your feelings.",
        FindingCategory.Apology => "This apologises.",
        FindingCategory.Reminiscing => "This brings up shared memories.",
        FindingCategory.PersonalQuestion => "This asks about their life.",
        FindingCategory.Reconnection => "This opens a way to reconnect.",
        FindingCategory.OverExplaining => "This explains more than the arrangement needs.",
        FindingCategory.EmotionalBait => "This invites an argument.",
        _ => "",
    };

    public static IReadOnlyList<string> Suggestions(CoachStage stage, bool hasFindings) => stage switch
    {
        CoachStage.NoContact =>
        [
            "Keep it here as an unsent letter. Write all of it; nobody will read it but you.",
            "Wait twenty minutes and do something with your hands: urges peak and pass.",
            "If it is truly about an emergency or shared logistics, switch to limited contact and keep it to the facts.",
        ],
        CoachStage.LimitedContact =>
        [
            "Keep to the practical point: what, when, where. For example: \"I can do pickup at 5 on Friday. Does that work?\"",
            "One topic per message, friendly and brief, with no feelings and no history.",
        ],
        CoachStage.Boundary =>
        [
            "Say the practical point and stop: what, when, where. For example: \"I'll bring the children to yours at 5 on Saturday and collect them at 6 on Sunday.\"",
            "Leave out feelings, the past, apologies and questions about their life. A boundary needs no explanation.",
            "If the reply is about anything else, you don't have to answer it. Repeat the practical point once, or leave it there.",
        ],
        CoachStage.FirstContact =>
        [
            "Open with something light and specific you both know: \"Saw that the café on Mill Street reopened and thought of their cinnamon rolls. Hope your week is going well.\"",
            "Keep it to one or two sentences, with no question that demands an answer.",
            "Send it once. If there's no reply, that is an answer for now.",
        ],
        CoachStage.Reconnecting =>
        [
            "Match their energy and length; let the conversation stay easy.",
            "Share something about your life that is going well, briefly, without making it a performance.",
        ],
        CoachStage.Inviting =>
        [
            "Make a simple, low-stakes plan with an easy way out: \"I'm going to the market on Saturday morning; want to grab a coffee there?\"",
            "Name a time and place; don't attach feelings to the invitation.",
        ],
        CoachStage.TheTalk =>
        [
            "Ask for the conversation rather than having it by text: \"I'd like to talk about us properly. Could we find an hour this weekend?\"",
            "Use \"I felt\" and \"what I've done differently is...\" rather than \"you always\" or promises.",
        ],
        CoachStage.Together =>
        [
            "Say what you appreciate, specifically: \"Thank you for listening last night. It meant a lot.\"",
            "If something bothers you, name one thing, calmly, and suggest talking in person.",
        ],
        _ => hasFindings ? ["Shorter and lighter usually lands better."] : [],
    };
}
