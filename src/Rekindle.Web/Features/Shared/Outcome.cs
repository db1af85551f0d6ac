using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Rekindle.Core.Content;

namespace Rekindle.Web.Features.Shared;

/// <summary>Field errors keyed by input property name, in words a person can act on.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);
    private readonly HashSet<string> fromBinding = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    /// <summary>The one error for a form another tab or device saved first: nothing was overwritten.</summary>
    public static FieldErrors Stale()
    {
        var errors = new FieldErrors();
        errors.Add(string.Empty, Messages.StaleForm);
        return errors;
    }

    /// <summary>The fields that have at least one message.</summary>
    public IReadOnlyCollection<string> Fields => errors.Keys;

    /// <summary>Adds a rule's message. It replaces a generic "could not read this value" message for the same field.</summary>
    public void Add(string field, string message)
    {
        if (fromBinding.Remove(field))
        {
            errors.Remove(field);
        }

        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>
    /// Values the form sent that could not even be read ("abc" for a number, an unknown choice). They make the
    /// submission invalid on their own, so a failed value never silently becomes a default.
    /// </summary>
    public static FieldErrors FromBinding(ModelStateDictionary modelState, string prefix)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var result = new FieldErrors();
        foreach (var (key, entry) in modelState)
        {
            if (entry.Errors.Count == 0 || !key.StartsWith(prefix + ".", StringComparison.Ordinal))
            {
                continue;
            }

            var field = key[(prefix.Length + 1)..];
            result.Add(field, "We couldn't read this value. Check it and try again.");
            result.fromBinding.Add(field);
        }

        return result;
    }

    /// <summary>The first message, for a page that shows one notice rather than errors beside fields.</summary>
    public string FirstMessage() => errors.Values.First().First();

    /// <summary>For API problem responses: camelCase keys, as in the JSON bodies.</summary>
    public Dictionary<string, string[]> ToProblemErrors() =>
        errors.ToDictionary(e => e.Key.Length == 0 ? e.Key : char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => e.Value.ToArray());

    /// <summary>For pages: keys prefixed as the form binds them ("Input.Note").</summary>
    public void CopyTo(ModelStateDictionary modelState, string prefix)
    {
        foreach (var (field, messages) in errors)
        {
            // Keep the entry: it holds what the user typed, which the form shows again.
            var key = field.Length == 0 ? string.Empty : prefix.Length == 0 ? field : $"{prefix}.{field}";
            if (modelState.TryGetValue(key, out var entry))
            {
                entry.Errors.Clear();
            }

            foreach (var message in messages)
            {
                modelState.AddModelError(key, message);
            }
        }
    }
}

public enum OutcomeStatus { Ok, Invalid, NotFound, Refused }

/// <summary>What a feature handler returns to a page or an endpoint, which each show in their own way.</summary>
public sealed class Outcome<T>
{
    private Outcome(OutcomeStatus status, T? value, FieldErrors? errors, ReconciliationRefusal? refusal = null)
    {
        Status = status;
        Value = value;
        Errors = errors ?? new FieldErrors();
        Refusal = refusal;
    }

    public OutcomeStatus Status { get; }
    public T? Value { get; }
    public FieldErrors Errors { get; }

    /// <summary>Set when the reconciliation policy closed the work (Status is Refused).</summary>
    public ReconciliationRefusal? Refusal { get; }

    public static Outcome<T> Ok(T value) => new(OutcomeStatus.Ok, value, null);
    public static Outcome<T> Invalid(FieldErrors errors) => new(OutcomeStatus.Invalid, default, errors);
    public static Outcome<T> NotFound() => new(OutcomeStatus.NotFound, default, null);
    public static Outcome<T> Refused(ReconciliationRefusal refusal) => new(OutcomeStatus.Refused, default, null, refusal);
}

public static class Messages
{
    public const string StaleForm =
        "This changed on another tab or device after you opened it. Nothing was overwritten. We kept what you typed; check it against the latest and save again.";

    /// <summary>A "too long" string from strings.yaml with its {max} and {length} written as counts ("5,000").</summary>
    public static string TooLong(PageStrings strings, string key, int max, int length) =>
        strings.Format(key, ("max", max.ToString("N0", CultureInfo.CurrentCulture)), ("length", length.ToString("N0", CultureInfo.CurrentCulture)));
}
