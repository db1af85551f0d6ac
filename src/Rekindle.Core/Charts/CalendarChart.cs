using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Rekindle.Core.Progress;
using static Rekindle.Core.Charts.Svg;

namespace Rekindle.Core.Charts;

/// <summary>
/// The no-contact calendar as a "year in pixels" grid: one column per week (Monday at the top), one square per day.
/// Each state has its own colour and class (<c>rk-cell-contact-free</c>, <c>rk-cell-milestone</c>, ...); colour is
/// not the only cue: milestone days carry a dot, today a thick outline, future days a dashed outline.
/// <para>Data attributes: each <c>rect.rk-cell</c> has <c>data-date</c> (yyyy-MM-dd), <c>data-state</c> (see
/// <see cref="StateKey"/>) and, from the start up to today, <c>data-days</c> (the contact-free count that day);
/// the empty placeholder's root has <c>data-empty="true"</c>.</para>
/// </summary>
public static class CalendarChart
{
    public const string EmptyMessage = "Your no-contact calendar will show here once you start.";

    private const double Cell = 12;
    private const double Pitch = 15;
    private const double Left = 40;
    private const double Top = 26;
    private const double MinWidth = 560;

    private static readonly (CalendarDayState State, string Key, string Label)[] States =
    [
        (CalendarDayState.ContactFree, "contact-free", "Contact-free"),
        (CalendarDayState.Milestone, "milestone", "Milestone"),
        (CalendarDayState.Restart, "restart", "Count restarted"),
        (CalendarDayState.Today, "today", "Today"),
        (CalendarDayState.BeforeStart, "before-start", "Before the start"),
        (CalendarDayState.Future, "future", "Still ahead"),
    ];

    /// <summary>The machine-readable name of a state, as in <c>data-state</c>.</summary>
    public static string StateKey(CalendarDayState state) => States.First(s => s.State == state).Key;

    public static string Svg(IReadOnlyList<CalendarDay> days, string id = "no-contact-calendar")
    {
        ArgumentNullException.ThrowIfNull(days);
        id = SafeId(id, "no-contact-calendar");
        if (days.Count == 0)
        {
            return Empty(id, "calendar", "No-contact calendar", EmptyMessage);
        }

        var from = days[0].Date;
        var to = days[^1].Date;
        var firstMonday = ChartRange.WeekStart(from);
        var columns = (ChartRange.WeekStart(to).DayNumber - firstMonday.DayNumber) / 7 + 1;
        var gridWidth = Left + columns * Pitch + 8;
        var width = (int)Math.Ceiling(Math.Max(MinWidth, gridWidth));
        var legendTop = Top + 7 * Pitch + 14;
        var height = (int)(legendTop + 2 * 22 + 4);

        var root = Root(id, "calendar", width, height, $"No-contact calendar, {RangeText(from, to)}", Describe(days));
        double X(DateOnly d) => Left + (ChartRange.WeekStart(d).DayNumber - firstMonday.DayNumber) / 7 * Pitch;
        static double Y(DateOnly d) => Top + ((int)d.DayOfWeek + 6) % 7 * Pitch;

        var labels = El("g", A("class", "rk-grid"), A("aria-hidden", "true"));
        labels.Add(Text(Left - 6, Top + 10, "Mon", "rk-axis-label", "end", 10));
        labels.Add(Text(Left - 6, Top + 2 * Pitch + 10, "Wed", "rk-axis-label", "end", 10));
        labels.Add(Text(Left - 6, Top + 4 * Pitch + 10, "Fri", "rk-axis-label", "end", 10));
        labels.Add(Text(Left - 6, Top + 6 * Pitch + 10, "Sun", "rk-axis-label", "end", 10));
        var lastLabelX = double.NegativeInfinity;
        foreach (var day in days.Where(d => d.Date.Day == 1 || d.Date == from))
        {
            var x = X(day.Date);
            if (x - lastLabelX < 3 * Pitch)
            {
                continue;
            }

            var format = day.Date.Month == 1 || day.Date == from ? "MMM yyyy" : "MMM";
            labels.Add(Text(x, Top - 8, day.Date.ToString(format, CultureInfo.InvariantCulture), "rk-axis-label", "start", 10));
            lastLabelX = x + (format.Length > 3 ? 3 * Pitch : 0);
        }

        root.Add(labels);

        foreach (var (state, key, _) in States)
        {
            var inState = days.Where(d => d.State == state).ToList();
            if (inState.Count == 0)
            {
                continue;
            }

            var group = El("g", A("class", "rk-cells rk-cells-" + key));
            AddLook(group, state);
            foreach (var day in inState)
            {
                group.Add(El(
                    "rect",
                    A("class", "rk-cell rk-cell-" + key),
                    A("x", X(day.Date)),
                    A("y", Y(day.Date)),
                    A("width", Cell),
                    A("height", Cell),
                    A("rx", 2),
                    A("data-date", Date(day.Date)),
                    A("data-state", key),
                    day.DaysWithoutContact is { } n ? A("data-days", n) : null));
            }

            root.Add(group);
            if (state == CalendarDayState.Milestone)
            {
                var dots = El("g", A("class", "rk-milestone-marks"), A("fill", ChartPalette.MilestoneMark), A("aria-hidden", "true"));
                foreach (var day in inState)
                {
                    dots.Add(El("circle", A("cx", X(day.Date) + Cell / 2), A("cy", Y(day.Date) + Cell / 2), A("r", 2.5)));
                }

                root.Add(dots);
            }
        }

        root.Add(Legend(legendTop, days));
        return Write(root);
    }

    /// <summary>A month-by-month summary for the text alternative (a daily table of a year would be too long to read).</summary>
    public static ChartTable Table(IReadOnlyList<CalendarDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var caption = days.Count == 0 ? "No-contact calendar" : $"No-contact calendar, {RangeText(days[0].Date, days[^1].Date)}";
        var rows = days
            .GroupBy(d => new DateOnly(d.Date.Year, d.Date.Month, 1))
            .Where(g => g.Any(d => d.DaysWithoutContact is not null))
            .Select(g => new ChartTableRow(
                g.Key,
                [
                    g.Key.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
                    Num(g.Count(IsContactFree)),
                    Num(g.Count(d => d.State == CalendarDayState.Restart)),
                    string.Join(", ", g.Where(d => d.State == CalendarDayState.Milestone).Select(d => $"day {d.DaysWithoutContact} ({Wording.ShortDate(d.Date)})")) is { Length: > 0 } m ? m : "–",
                ]))
            .ToList();
        return new ChartTable(caption, ["Month", "Contact-free days", "Restarts", "Milestones"], rows);
    }

    /// <summary>
    /// A day counts as contact-free when it is over, on or after the start, and not a restart. Today is left out (it
    /// isn't over, and a restart today shows as today): counting it only when its count was above zero made the total
    /// jump from zero on day 1 to two on day 2.
    /// </summary>
    private static bool IsContactFree(CalendarDay d) => d.State is CalendarDayState.ContactFree or CalendarDayState.Milestone;

    private static string Describe(IReadOnlyList<CalendarDay> days)
    {
        var text = new StringBuilder();
        var free = days.Count(IsContactFree);
        var restarts = days.Count(d => d.State == CalendarDayState.Restart);
        var milestones = days.Count(d => d.State == CalendarDayState.Milestone);
        text.Append(CultureInfo.InvariantCulture, $"Each square is one day from {RangeText(days[0].Date, days[^1].Date)}. ");
        text.Append(CultureInfo.InvariantCulture, $"{Wording.Capitalize(Wording.Count(free, "contact-free day", "contact-free days"))}, {Wording.Count(restarts, "restart", "restarts")} of the count and {Wording.Count(milestones, "milestone", "milestones")} reached.");
        var today = days.FirstOrDefault(d => d.State == CalendarDayState.Today);
        if (today is not null)
        {
            text.Append(today.DaysWithoutContact is { } n
                ? $" Today is day {n + 1} of the current stretch."
                : " No contact hasn't begun yet.");
        }

        return text.ToString();
    }

    private static void AddLook(XElement group, CalendarDayState state)
    {
        switch (state)
        {
            case CalendarDayState.ContactFree:
                group.Add(A("fill", ChartPalette.ContactFree));
                break;
            case CalendarDayState.Milestone:
                group.Add(A("fill", ChartPalette.Milestone));
                break;
            case CalendarDayState.Restart:
                group.Add(A("fill", ChartPalette.Restart));
                break;
            case CalendarDayState.Today:
                group.Add(A("fill", ChartPalette.Today), A("stroke", ChartPalette.TodayOutline), A("stroke-width", 2));
                break;
            case CalendarDayState.BeforeStart:
                group.Add(A("fill", ChartPalette.EmptyCell), A("stroke", ChartPalette.EmptyCellOutline), A("stroke-width", 1));
                break;
            case CalendarDayState.Future:
                group.Add(A("fill", ChartPalette.FutureCell), A("stroke", ChartPalette.EmptyCellOutline), A("stroke-width", 1), A("stroke-dasharray", "2 2"));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(state), state, null);
        }
    }

    private static XElement Legend(double top, IReadOnlyList<CalendarDay> days)
    {
        var legend = El("g", A("class", "rk-legend"), A("aria-hidden", "true"));
        var shown = States.Where(s => s.State is not (CalendarDayState.BeforeStart or CalendarDayState.Future) || days.Any(d => d.State == s.State)).ToList();
        for (var i = 0; i < shown.Count; i++)
        {
            var (state, key, label) = shown[i];
            var x = Left + i % 3 * 170;
            var y = top + i / 3 * 22;
            var swatch = El("g", A("class", "rk-cells-" + key));
            AddLook(swatch, state);
            swatch.Add(El("rect", A("x", x), A("y", y), A("width", Cell), A("height", Cell), A("rx", 2)));
            legend.Add(swatch);
            if (state == CalendarDayState.Milestone)
            {
                legend.Add(El("circle", A("cx", x + Cell / 2), A("cy", y + Cell / 2), A("r", 2.5), A("fill", ChartPalette.MilestoneMark)));
            }

            legend.Add(Text(x + Cell + 6, y + 10, label, "rk-legend-label"));
        }

        return legend;
    }
}
