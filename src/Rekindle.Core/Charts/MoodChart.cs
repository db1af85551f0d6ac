using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Rekindle.Core.CheckIns;
using Rekindle.Core.Progress;
using static Rekindle.Core.Charts.Svg;

namespace Rekindle.Core.Charts;

/// <summary>One mark on the mood chart: a day, or a week when the range is long.</summary>
/// <param name="Date">The day, or the first day of the week (clipped to the range).</param>
/// <param name="To">The same day, or the last day of the week (clipped to the range).</param>
/// <param name="Mood">The day's mood, or the week's mean mood.</param>
/// <param name="Average">The trailing 7-day average (daily marks only; null when too few days have a check-in).</param>
/// <param name="CheckIns">How many check-ins the mark stands for (1 for a day).</param>
public sealed record MoodChartPoint(DateOnly Date, DateOnly To, double Mood, double? Average, int CheckIns);

/// <summary>What the mood chart shows, ready to render as SVG or as a table.</summary>
public sealed record MoodChartModel(DateOnly From, DateOnly To, ChartGranularity Granularity, IReadOnlyList<MoodChartPoint> Points)
{
    public bool IsEmpty => Points.Count == 0;
}

/// <summary>
/// The mood line with its 7-day average. Daily for up to <see cref="ChartRange.DailyLimitDays"/> days. For longer
/// ranges each point is one week's mean mood; that mean already smooths the line, so the separate average line is
/// not drawn. The line breaks wherever a day (or week) has no check-in: gaps are shown, not bridged.
/// <para>Data attributes, so scripts and browser tests can read the series without parsing coordinates:
/// the root has <c>data-granularity</c> ("daily" or "weekly"), or <c>data-empty="true"</c> for the placeholder.
/// Each <c>circle.rk-point</c> has <c>data-date</c> (yyyy-MM-dd; a week's first day), <c>data-value</c> (the mood,
/// or the week's mean, invariant, up to two decimals) and, when known, <c>data-average</c> (the 7-day average, daily
/// only); weekly points add <c>data-to</c> (the week's last day) and <c>data-checkins</c>.</para>
/// </summary>
public static class MoodChart
{
    public const string EmptyMessage = "No check-ins in this range yet. Your mood will show here after your first one.";

    private const int Width = 720;
    private const int Height = 320;
    private const double Left = 44;
    private const double Right = Width - 16;
    private const double Top = 20;
    private const double Bottom = 250;

    public static MoodChartModel Model(IEnumerable<CheckIn> checkIns, DateOnly from, DateOnly to)
    {
        ChartRange.Check(from, to);
        var granularity = ChartRange.GranularityFor(from, to);
        if (granularity == ChartGranularity.Daily)
        {
            var daily = MoodSeries.Build(checkIns, from, to)
                .Select(p => new MoodChartPoint(p.Date, p.Date, p.Mood, p.TrailingAverage, 1))
                .ToList();
            return new MoodChartModel(from, to, granularity, daily);
        }

        var byDate = CheckInRules.ByDate(checkIns);
        var weekly = new List<MoodChartPoint>();
        foreach (var (start, end) in ChartRange.Weeks(from, to))
        {
            var moods = byDate.Where(kv => kv.Key >= start && kv.Key <= end).Select(kv => kv.Value.Mood).ToList();
            if (moods.Count > 0)
            {
                weekly.Add(new MoodChartPoint(start, end, moods.Average(), null, moods.Count));
            }
        }

        return new MoodChartModel(from, to, granularity, weekly);
    }

    public static string Svg(MoodChartModel model, string id = "mood-chart")
    {
        ArgumentNullException.ThrowIfNull(model);
        id = SafeId(id, "mood-chart");
        var title = $"Mood, {RangeText(model.From, model.To)}";
        if (model.IsEmpty)
        {
            return Empty(id, "mood", title, EmptyMessage);
        }

        var root = Root(id, "mood", Width, Height, title, Describe(model));
        root.Add(A("data-granularity", model.Granularity == ChartGranularity.Daily ? "daily" : "weekly"));

        // Scale: 1 to 10 upwards; dates left to right (a week sits at its middle).
        var span = Math.Max(1, model.To.DayNumber - model.From.DayNumber);
        double X(DateOnly start, DateOnly end) => model.From == model.To
            ? (Left + Right) / 2
            : Left + ((start.DayNumber + end.DayNumber) / 2.0 - model.From.DayNumber) / span * (Right - Left);
        static double Y(double v) => Bottom - (v - 1) / 9 * (Bottom - Top);

        var grid = El("g", A("class", "rk-grid"), A("aria-hidden", "true"));
        for (var v = 1; v <= 10; v++)
        {
            grid.Add(Line(Left, Y(v), Right, Y(v), ChartPalette.GridLine, "rk-gridline"));
            grid.Add(Text(Left - 8, Y(v) + 4, v.ToString(CultureInfo.InvariantCulture), "rk-axis-label", "end", 11));
        }

        grid.Add(Line(Left, Bottom, Right, Bottom, ChartPalette.Axis, "rk-axis"));
        foreach (var (date, label) in DateTicks(model.From, model.To))
        {
            var x = X(date, date);
            grid.Add(Line(x, Bottom, x, Bottom + 5, ChartPalette.Axis, "rk-tick"));
            grid.Add(Text(x, Bottom + 19, label, "rk-axis-label", "middle", 11));
        }

        root.Add(grid);

        var daily = model.Granularity == ChartGranularity.Daily;
        var points = model.Points;
        bool Adjacent(int i) => points[i].Date.DayNumber - points[i - 1].To.DayNumber <= 1;

        var moodPath = PathOf(points.Select(p => (X(p.Date, p.To), Y(p.Mood))).ToList(), i => Adjacent(i));
        if (moodPath is not null)
        {
            root.Add(El("path", A("class", "rk-line rk-line-mood"), A("d", moodPath), A("fill", "none"), A("stroke", ChartPalette.Mood), A("stroke-width", 2), A("stroke-linejoin", "round")));
        }

        if (daily)
        {
            var averaged = points.Select((p, i) => (p, i)).Where(t => t.p.Average is not null).ToList();
            var averagePath = PathOf(
                averaged.Select(t => (X(t.p.Date, t.p.Date), Y(t.p.Average!.Value))).ToList(),
                // Like the mood line, the average line breaks at a day without a check-in rather than bridging it.
                k => averaged[k].i == averaged[k - 1].i + 1 && Adjacent(averaged[k].i));
            if (averagePath is not null)
            {
                root.Add(El("path", A("class", "rk-line rk-line-average"), A("d", averagePath), A("fill", "none"), A("stroke", ChartPalette.Average), A("stroke-width", 2.5), A("stroke-dasharray", "6 4"), A("stroke-linejoin", "round")));
            }
        }

        var radius = points.Count > 90 ? 2.5 : 3.5;
        var marks = El("g", A("class", "rk-points"), A("fill", ChartPalette.Mood));
        foreach (var p in points)
        {
            marks.Add(El(
                "circle",
                A("class", "rk-point"),
                A("cx", X(p.Date, p.To)),
                A("cy", Y(p.Mood)),
                A("r", radius),
                A("data-date", Date(p.Date)),
                daily ? null : A("data-to", Date(p.To)),
                A("data-value", Num(p.Mood)),
                p.Average is { } avg ? A("data-average", Num(avg)) : null,
                daily ? null : A("data-checkins", p.CheckIns)));
        }

        root.Add(marks);
        root.Add(Legend(daily));
        return Write(root);
    }

    public static ChartTable Table(MoodChartModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var caption = $"Mood, {RangeText(model.From, model.To)}";
        if (model.Granularity == ChartGranularity.Daily)
        {
            return new ChartTable(
                caption,
                ["Date", "Mood", "7-day average"],
                model.Points.Select(p => new ChartTableRow(
                    p.Date,
                    [Wording.Date(p.Date), Num(p.Mood), p.Average is { } a ? Wording.OneDecimal(a) : "–"])).ToList());
        }

        return new ChartTable(
            caption,
            ["Week", "Average mood", "Check-ins"],
            model.Points.Select(p => new ChartTableRow(
                p.Date,
                [RangeText(p.Date, p.To), Wording.OneDecimal(p.Mood), p.CheckIns.ToString(CultureInfo.InvariantCulture)])).ToList());
    }

    private static string Describe(MoodChartModel model)
    {
        var points = model.Points;
        var low = points.MinBy(p => p.Mood)!;
        var high = points.MaxBy(p => p.Mood)!;
        var last = points[^1];
        var text = new StringBuilder();
        if (model.Granularity == ChartGranularity.Daily)
        {
            text.Append(CultureInfo.InvariantCulture, $"Mood on a scale of 1 to 10 for {Wording.Count(points.Count, "day", "days")} with a check-in between {RangeText(model.From, model.To)}. ");
            text.Append(CultureInfo.InvariantCulture, $"Lowest {Num(low.Mood)} on {Wording.ShortDate(low.Date)}, highest {Num(high.Mood)} on {Wording.ShortDate(high.Date)}, latest {Num(last.Mood)} on {Wording.ShortDate(last.Date)}.");
            var averages = points.Where(p => p.Average is not null).ToList();
            if (averages.Count > 0)
            {
                text.Append(averages.Count == 1
                    ? $" The 7-day average is {Wording.OneDecimal(averages[0].Average!.Value)}."
                    : $" The 7-day average went from {Wording.OneDecimal(averages[0].Average!.Value)} to {Wording.OneDecimal(averages[^1].Average!.Value)}.");
            }
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"Average mood per week, on a scale of 1 to 10, for {Wording.Count(points.Count, "week", "weeks")} with check-ins between {RangeText(model.From, model.To)}. ");
            text.Append(CultureInfo.InvariantCulture, $"Lowest week {Wording.OneDecimal(low.Mood)} (week of {Wording.ShortDate(low.Date)}), highest {Wording.OneDecimal(high.Mood)} (week of {Wording.ShortDate(high.Date)}), latest {Wording.OneDecimal(last.Mood)}.");
        }

        return text.ToString();
    }

    private static XElement Legend(bool daily)
    {
        const double y = Height - 22;
        var legend = El("g", A("class", "rk-legend"), A("aria-hidden", "true"));
        legend.Add(Line(Left, y, Left + 24, y, ChartPalette.Mood, "rk-legend-mood", 2));
        legend.Add(El("circle", A("cx", Left + 12), A("cy", y), A("r", 3.5), A("fill", ChartPalette.Mood)));
        legend.Add(Text(Left + 32, y + 4, daily ? "Mood" : "Weekly average mood", "rk-legend-label"));
        if (daily)
        {
            var line = Line(Left + 110, y, Left + 134, y, ChartPalette.Average, "rk-legend-average", 2.5);
            line.Add(A("stroke-dasharray", "6 4"));
            legend.Add(line);
            legend.Add(Text(Left + 142, y + 4, "7-day average (shown once 3 of 7 days have a check-in)", "rk-legend-label"));
        }

        return legend;
    }

    /// <summary>An SVG path through the points, starting a new piece wherever <paramref name="joins"/> says no. Null without a segment to draw.</summary>
    internal static string? PathOf(IReadOnlyList<(double X, double Y)> points, Func<int, bool> joins)
    {
        var d = new StringBuilder();
        var segments = 0;
        for (var i = 0; i < points.Count; i++)
        {
            var join = i > 0 && joins(i);
            if (join)
            {
                segments++;
            }

            d.Append(d.Length == 0 ? "" : " ").Append(join ? 'L' : 'M').Append(Num(points[i].X)).Append(',').Append(Num(points[i].Y));
        }

        return segments == 0 ? null : d.ToString();
    }
}
