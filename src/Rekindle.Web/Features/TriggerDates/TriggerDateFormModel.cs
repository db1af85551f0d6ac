using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Rekindle.Web.Features.TriggerDates;

/// <summary>What the shared fields need: the values to show again and the errors next to them.</summary>
public sealed record TriggerDateFormModel(TriggerDateInput Input, ModelStateDictionary ModelState)
{
    public string? Error(string field) =>
        ModelState.TryGetValue($"Input.{field}", out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>What was typed, even when it could not be read as a date, so nothing is lost.</summary>
    public string? Attempted(string field, string? fallback) =>
        ModelState.TryGetValue($"Input.{field}", out var entry) && entry.AttemptedValue is { } attempted ? attempted : fallback;
}
