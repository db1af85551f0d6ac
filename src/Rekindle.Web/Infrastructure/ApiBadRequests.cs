using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace Rekindle.Web.Infrastructure;

/// <summary>
/// A request the API could not read (a field of the wrong type, broken JSON, a query parameter that is not a
/// number) answers 400 with a problem document whose errors are keyed by the field: the JSON path without its
/// leading "$." ("targetDays", "answers.chosen[0]"), or the parameter's name. The endpoint throws (see
/// <see cref="RouteHandlerOptions.ThrowOnBadRequest"/>) and this turns the exception into that answer.
/// </summary>
public sealed partial class ApiBadRequests(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException bad) when (!context.Response.HasStarted)
        {
            var (field, message) = Describe(bad);
            context.Response.Clear();
            context.Response.StatusCode = bad.StatusCode;
            var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status400BadRequest ? "Some fields need another look." : "The request could not be read.",
            };
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
        }
    }

    /// <summary>The field a bad request is about and what is wrong with it, in words a client developer can act on.</summary>
    public static (string Field, string Message) Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var path = json.Path is { Length: > 0 } p ? p : "$";
            var field = path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
            return field == "$"
                ? (field, "The body isn't valid JSON of the expected shape.")
                : (field, json.Message.StartsWith(NullCollection.Message, StringComparison.Ordinal)
                    ? NullCollection.Message
                    : "This field has the wrong type or format.");
        }

        if (ParameterName().Match(bad.Message) is { Success: true } match)
        {
            return (match.Groups["name"].Value, "This parameter has the wrong format.");
        }

        return ("$", bad.StatusCode == StatusCodes.Status400BadRequest ? "The request body is missing or can't be read." : "The request could not be read.");
    }

    [GeneratedRegex("parameter \"(?:[^\"]*\\s)?(?<name>[A-Za-z_][A-Za-z0-9_]*)\"")]
    private static partial Regex ParameterName();
}

/// <summary>
/// A JSON null where the model has a list (or dictionary) that isn't marked nullable is refused while reading,
/// so it is a 400 naming the field rather than a null a handler later trips over.
/// </summary>
public static class NullCollection
{
    public const string Message = "This field is a list: send [] for none, not null.";

    public static void Refuse(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in type.Properties)
        {
            if (property.Set is not { } set || property.IsSetNullable || property.PropertyType == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(property.PropertyType))
            {
                continue;
            }

            property.Set = (target, value) =>
            {
                if (value is null)
                {
                    throw new JsonException(Message);
                }

                set(target, value);
            };
        }
    }
}
