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

public sealed class ImportException(string message) : Exception(message);

public static class ExportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
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
            throw new ImportException($"The \"{section}\" section doesn't have the expected shape ({e.Path}).");
        }
    }
}
