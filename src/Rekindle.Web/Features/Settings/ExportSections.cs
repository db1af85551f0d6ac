using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rekindle.Web.Features.Settings;

/// <summary>
/// One part of a user's data in the export file. Each feature owns its section: what it writes, and how it
/// reads it back into a fresh account. Sections run in <see cref="Order"/>; later ones may use ids remapped
/// by earlier ones.
/// </summary>
public interface IExportSection
{
    /// <summary>The property name in the export file.</summary>
    string Name { get; }

    int Order { get; }

    Task<JsonNode> ExportAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>Adds the section's records to the (empty) account. Throws <see cref="ImportException"/> on bad data.</summary>
    Task ImportAsync(Guid userId, JsonNode? node, ImportContext context, CancellationToken cancellationToken);
}

/// <summary>Shared state for one import: old ids mapped to new ones, so references survive.</summary>
public sealed class ImportContext
{
    public Dictionary<Guid, Guid> Ids { get; } = [];

    public Guid NewId(Guid old)
    {
        var fresh = Guid.CreateVersion7();
        Ids[old] = fresh;
        return fresh;
    }

    public Guid? Mapped(Guid? old) => old is { } o && Ids.TryGetValue(o, out var mapped) ? mapped : null;
}

/// <summary>Bad data in an import file; <see cref="Path"/> names where ("contacts[3].initiator") when it is known.</summary>
public sealed class ImportException(string message, string? path = null) : Exception(message)
{
    public string? Path { get; } = path;
}

/// <summary>
/// Enum values in an import file must be ones this installation knows: written as their names (never as
/// numbers), one name each (no "me, them" combinations).
/// </summary>
public sealed class DefinedEnumConverterFactory(JsonNamingPolicy naming) : System.Text.Json.Serialization.JsonConverterFactory
{
    private readonly System.Text.Json.Serialization.JsonStringEnumConverter inner = new(naming, allowIntegerValues: false);

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override System.Text.Json.Serialization.JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (System.Text.Json.Serialization.JsonConverter)Activator.CreateInstance(typeof(DefinedEnumConverter<>).MakeGenericType(typeToConvert), inner.CreateConverter(typeToConvert, options))!;

    private sealed class DefinedEnumConverter<T>(System.Text.Json.Serialization.JsonConverter inner) : System.Text.Json.Serialization.JsonConverter<T>
        where T : struct, Enum
    {
        private readonly System.Text.Json.Serialization.JsonConverter<T> names = (System.Text.Json.Serialization.JsonConverter<T>)inner;

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String || reader.GetString()!.Contains(',', StringComparison.Ordinal))
            {
                throw new JsonException(UnknownValue);
            }

            var value = names.Read(ref reader, typeToConvert, options);
            return Enum.IsDefined(value) ? value : throw new JsonException(UnknownValue);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => names.Write(writer, value, options);
    }

    public const string UnknownValue = "a value this installation doesn't know";
}

public static class ExportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new DefinedEnumConverterFactory(JsonNamingPolicy.KebabCaseLower) },
        WriteIndented = true,
    };

    public static JsonNode ToNode<T>(T value) => JsonSerializer.SerializeToNode(value, Options)!;

    public static T Read<T>(JsonNode? node, string section)
    {
        try
        {
            return node is null ? throw new ImportException($"The \"{section}\" section is missing.") : node.Deserialize<T>(Options)
                ?? throw new ImportException($"The \"{section}\" section is empty.");
        }
        catch (JsonException e)
        {
            var path = section + (e.Path ?? "$").TrimStart('$');
            throw e.Message.StartsWith(DefinedEnumConverterFactory.UnknownValue, StringComparison.Ordinal)
                ? new ImportException($"{path} has {DefinedEnumConverterFactory.UnknownValue}.", path)
                : new ImportException($"The \"{section}\" section doesn't have the expected shape ({path}).", path);
        }
    }
}
