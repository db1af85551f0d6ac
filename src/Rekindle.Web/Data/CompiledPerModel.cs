using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Rekindle.Web.Data;

/// <summary>
/// An EF compiled query for the hot paths (every signed-in request runs some), kept per model: a compiled query
/// binds to the model it first runs with, and one process can host apps on SQLite and on PostgreSQL (the tests do).
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConcurrentDictionary<IModel, TQuery> byModel = new(ReferenceEqualityComparer.Instance);

    public TQuery For(DbContext db) => byModel.GetOrAdd(db.Model, _ => compile());
}
