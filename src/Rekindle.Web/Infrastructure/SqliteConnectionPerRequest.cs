using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;

namespace Rekindle.Web.Infrastructure;

/// <summary>
/// On SQLite, all of a request's queries share one connection, opened once. Otherwise EF takes a connection from
/// the pool and gives it back around every query, and the pool's lock and the functions EF registers on each
/// open were an eighth of a signed-in page's time under load. PostgreSQL keeps EF's open-per-query: Npgsql's pool
/// is cheap, and holding a connection for a whole request would cap how many requests run at once.
/// </summary>
public sealed class SqliteConnectionPerRequest(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, RekindleDbContext db)
    {
        if (context.GetEndpoint() is null)
        {
            await next(context);
            return;
        }

        await db.Database.OpenConnectionAsync(context.RequestAborted);
        try
        {
            await next(context);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
