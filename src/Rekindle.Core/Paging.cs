namespace Rekindle.Core;

/// <summary>Numbered pages of a newest-first list (the incident log, the unsent letters), 20 to a page.</summary>
public static class Paging
{
    public const int PageSize = 20;

    /// <summary>How many pages <paramref name="count"/> items fill (at least one, so an empty list has a page).</summary>
    public static int PageCount(int count) => Math.Max(1, (count + PageSize - 1) / PageSize);

    /// <summary>A requested page number brought into range: missing or below 1 is the first, past the end is the last.</summary>
    public static int Clamp(int? page, int count) => Math.Clamp(page ?? 1, 1, PageCount(count));
}
