using System.Globalization;
using System.Text;
using Rekindle.Core.CheckIns;
using Rekindle.Core.Progress;
using static Rekindle.Core.Charts.Svg;

namespace Rekindle.Core.Charts;

/// <summary>One bar: a checked-in day's urges, or a week's total when the range is long.</summary>
/// <param name="Date">The day, or the first day of the week (clipped to the range).</param>
/// <param name="To">The same day, or the last day of the week (clipped to the range).</param>
/// <param name="Count">Urges that day, or the week's total.</param>
/// <param name="Strongest">The strongest urge (1 to 10), or null when there were none.</param>
/// <param name="CheckIns">How many check-ins the bar stands for (1 for a day).</param>
public sealed record UrgeBar(DateOnly Date, DateOnly To, int Count, int? Strongest, int CheckIns);

public sealed record UrgeChartModel(DateOnly From, DateOnly To, ChartGranularity Granularity, IReadOnlyList<UrgeBar> Bars)
{
    public bool IsEmpty => Bars.Count == 0;
}

/// <summary>
/// Urges per day as bars, from the check-ins. A day without a check-in has no bar (unknown is not zero); a
/// checked-in day with no urges gets a thin baseline mark with <c>data-value="0"</c>. Weekly totals beyond
/// <see cref="ChartRange.DailyLimitDays"/> days.
/// <para>Data attributes: the root has <c>data-granularity</c> ("daily" or "weekly"), or <c>data-empty="true"</c>.
/// Each <c>rect.rk-bar</c> has <c>data-date</c> (yyyy-MM-dd; a week's first day), <c>data-value</c> (the count or
/// the week's total) and <c>data-strongest</c> (1 to 10, absent when there were no urges); weekly bars add
/// <c>data-to</c> and <c>data-checkins</c>.</para>
/// </summary>
public static class UrgeChart
{
    public const string EmptyMessage = "No check-ins in this range yet. Urges you note will show here.";

    private const int Width = 720;
    private const int Height = 300;
    private const double Left = 44;
    private const double Right = Width - 16;
    private const double Top = 20;
    private const double Bottom = 236;

    public static UrgeChartModel Model(IEnumerable<CheckIn> checkIns, DateOnly from, DateOnly to)
    {
        ChartRange.Check(from, to);
        var granularity = ChartRange.GranularityFor(from, to);
        var days = UrgeSeries.Build(checkIns, from, to);
        if (granularity == ChartGranularity.Daily)
        {
            return new UrgeChartModel(from, to, granularity, days.Select(d => new UrgeBar(d.Date, d.Date, d.Count, d.Strongest, 1)).ToList());
        }

        var weekly = new List<UrgeBar>();
        foreach (var (start, end) in ChartRange.Weeks(from, to))
        {
            var inWeek = days.Where(d => d.Date >= start && d.Date <= end).ToList();
            if (inWeek.Count > 0)
            {
                weekly.Add(new UrgeBar(start, end, inWeek.Sum(d => d.Count), inWeek.Max(d => d.Strongest), inWeek.Count));
            }
        }

        return new UrgeChartModel(from, to, granularity, weekly);
    }

    /// <summary>A round top for the scale: at least 5, with about five gridlines.</summary>
    internal static (int Max, int Step) Scale(int largest)
    {
        int[] steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];
        var step = steps.FirstOrDefault(s => s * 5 >= largest, 1000);
        var max = Math.Max(5 * step, (int)Math.Ceiling(largest / (double)step) * step);
        return (Math.Max(5, max), step);
    }

    public static string Svg(UrgeChartModel model, string id = "urge-chart")
    {
        ArgumentNullException.ThrowIfNull(model);
        id = SafeId(id, "urge-chart");
        var title = $"Urges, {RangeText(model.From, model.To)}";
        if (model.IsEmpty)
        {
            return Empty(id, "urges", title, EmptyMessage);
        }

        var daily = model.Granularity == ChartGranularity.Daily;
        var root = Root(id, "urges", Width, Height, title, Describe(model));
        root.Add(A("data-granularity", daily ? "daily" : "weekly"));

        var (max, step) = Scale(model.Bars.Max(b => b.Count));
        double Y(double v) => Bottom - v / max * (Bottom - Top);

        // Slots: one per day in the range, or one per week.
        var weeks = daily ? [] : ChartRange.Weeks(model.From, model.To).Select(w => w.From).ToList();
        var slots = daily ? ChartRange.DaysIn(model.From, model.To) : weeks.Count;
        var slotWidth = (Right - Left) / slots;
        var barWidth = Math.Max(1, slotWidth * 0.7);
        double SlotX(DateOnly date) => Left + (daily ? date.DayNumber - model.From.DayNumber : weeks.IndexOf(date)) * slotWidth;

        var grid = El("g", A("class", "rk-grid"), A("aria-hidden", "true"));
        for (var v = 0; v <= max; v += step)
        {
            grid.Add(Line(Left, Y(v), Right, Y(v), v == 0 ? ChartPalette.Axis : ChartPalette.GridLine, v == 0 ? "rk-axis" : "rk-gridline"));
            grid.Add(Text(Left - 8, Y(v) + 4, v.ToString(CultureInfo.InvariantCulture), "rk-axis-label", "end", 11));
        }

        foreach (var (date, label) in DateTicks(model.From, model.To))
        {
            var x = daily ? SlotX(date) + slotWidth / 2 : Left + (date.DayNumber - model.From.DayNumber + 0.5) / ChartRange.DaysIn(model.From, model.To) * (Right - Left);
            grid.Add(Line(x, Bottom, x, Bottom + 5, ChartPalette.Axis, "rk-tick"));
            grid.Add(Text(x, Bottom + 19, label, "rk-axis-label", "middle", 11));
        }

        root.Add(grid);

        var bars = El("g", A("class", "rk-bars"), A("fill", ChartPalette.Urges));
        foreach (var bar in model.Bars)
        {
            var x = SlotX(bar.Date) + (slotWidth - barWidth) / 2;
            var height = bar.Count == 0 ? 2 : Bottom - Y(bar.Count);
            bars.Add(El(
                "rect",
                A("class", bar.Count == 0 ? "rk-bar rk-bar-zero" : "rk-bar"),
                A("x", x),
                A("y", Bottom - height),
                A("width", barWidth),
                A("height", height),
                A("data-date", Date(bar.Date)),
                daily ? null : A("data-to", Date(bar.To)),
                A("data-value", bar.Count),
                bar.Strongest is { } s ? A("data-strongest", s) : null,
                daily ? null : A("data-checkins", bar.CheckIns)));
        }

        root.Add(bars);

        var legend = El("g", A("class", "rk-legend"), A("aria-hidden", "true"));
        legend.Add(El("rect", A("x", Left), A("y", Height - 32), A("width", 12), A("height", 12), A("fill", ChartPalette.Urges)));
        legend.Add(Text(Left + 18, Height - 22, daily
            ? "Urges noted in the day's check-in; a thin line means none that day, no bar means no check-in"
            : "Urges per week, from the check-ins", "rk-legend-label"));
        root.Add(legend);
        return Write(root);
    }

    public static ChartTable Table(UrgeChartModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var caption = $"Urges, {RangeText(model.From, model.To)}";
        if (model.Granularity == ChartGranularity.Daily)
        {
            return new ChartTable(
                caption,
                ["Date", "Urges", "Strongest"],
                model.Bars.Select(b => new ChartTableRow(b.Date, [Wording.Date(b.Date), Num(b.Count), b.Strongest is { } s ? Num(s) : "–"])).ToList());
        }

        return new ChartTable(
            caption,
            ["Week", "Urges", "Strongest", "Check-ins"],
            model.Bars.Select(b => new ChartTableRow(b.Date, [RangeText(b.Date, b.To), Num(b.Count), b.Strongest is { } s ? Num(s) : "–", Num(b.CheckIns)])).ToList());
    }

    private static string Describe(UrgeChartModel model)
    {
        var bars = model.Bars;
        var total = bars.Sum(b => b.Count);
        var checkIns = bars.Sum(b => b.CheckIns);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Urges noted in daily check-ins between {RangeText(model.From, model.To)}: {Wording.Count(total, "urge", "urges")} over {Wording.Count(checkIns, "checked-in day", "checked-in days")}.");
        if (model.Granularity == ChartGranularity.Daily)
        {
            var calm = bars.Count(b => b.Count == 0);
            text.Append(calm switch
            {
                0 => " Every checked-in day had at least one.",
                1 => " One day had none.",
                _ => $" {Wording.Capitalize(Wording.Number(calm))} days had none.",
            });
        }
        else
        {
            text.Append(" Each bar is one week's total.");
        }

        var strongest = bars.Where(b => b.Strongest is not null).MaxBy(b => b.Strongest);
        if (strongest is not null)
        {
            var when = strongest.Date == strongest.To ? $"on {Wording.ShortDate(strongest.Date)}" : $"in the week of {Wording.ShortDate(strongest.Date)}";
            text.Append(CultureInfo.InvariantCulture, $" The strongest was {strongest.Strongest} out of 10, {when}.");
        }

        return text.ToString();
    }
}
