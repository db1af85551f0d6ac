namespace Rekindle.Web.Features.Progress;

/// <summary>What we say on each milestone day: warm, specific, and never a promise about the ex.</summary>
public static class MilestoneWords
{
    /// <summary>On the healing track the days that point toward a later decision are worded as protection instead.</summary>
    public static (string Title, string Body) For(int days, Rekindle.Core.Journey.Track track) => (track, days) switch
    {
        (Rekindle.Core.Journey.Track.Healing, 21) => ("Three weeks.", "Twenty-one days of keeping yourself safe. The distance is doing its work: your days have more room in them, and your own voice is getting easier to hear."),
        (Rekindle.Core.Journey.Track.Healing, 30) => ("Thirty days.", "A month of protecting your peace. However today feels, you have built a month of distance and care for yourself, and that stays yours."),
        _ => For(days),
    };

    public static (string Title, string Body) For(int days) => days switch
    {
        7 => ("One whole week.", "Seven days of choosing yourself, including the ones that felt endless. The first week is often the loudest; you stayed with it."),
        14 => ("Two weeks.", "Fourteen days. The habit of reaching for your phone is loosening, even if it doesn't feel that way every evening. Notice what has been filling the space."),
        21 => ("Three weeks: the shortest full stretch.", "Twenty-one days is the minimum the program asks for, and you are here. Whatever you decide later, you will decide it from steadier ground."),
        30 => ("Thirty days.", "A month of space. Your mind has had time to quiet down and your days have had room for you. That counts for a great deal, whichever way things go."),
        45 => ("Forty-five days.", "The longest stretch in the program. Take a moment with this one: you kept a promise to yourself for six and a half weeks."),
        _ => ($"{days} days.", "A milestone worth a pause. Look back at where you started."),
    };
}
