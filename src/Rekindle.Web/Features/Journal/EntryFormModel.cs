using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Rekindle.Web.Features.Journal;

/// <summary>What the shared entry fields need: the values to show again and the errors next to them.</summary>
public sealed record EntryFormModel(JournalInput Input, ModelStateDictionary ModelState)
{
    public string? Error(string field) =>
        ModelState.TryGetValue($"Input.{field}", out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
