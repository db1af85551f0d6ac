using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Rekindle.Web.Data;

namespace Rekindle.Web.Infrastructure.Privacy;

/// <summary>
/// The one-time data step a schema version runs at start when SQL cannot encrypt with each user's key: its script
/// moves the plain values into a holding table, and this seals each held row into its record and deletes it, a batch
/// per transaction. With nothing held (every start after the first) it is one empty query.
/// </summary>
public static class HeldPlainEncryption
{
    private const int BatchSize = 500;

    /// <param name="order">A stable order over the holding table, so each batch takes the next rows.</param>
    /// <param name="owner">Whose key seals a row.</param>
    /// <param name="seal">Encrypts one held row into its record (an update of that record only).</param>
    /// <returns>How many rows were sealed.</returns>
    public static async Task<int> RunAsync<TPlain>(IServiceProvider services, Expression<Func<TPlain, Guid>> order, Func<TPlain, Guid> owner,
        Func<RekindleDbContext, UserCipher, TPlain, CancellationToken, Task> seal, CancellationToken cancellationToken = default)
        where TPlain : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(seal);
        var done = 0;
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RekindleDbContext>();
            var cipher = scope.ServiceProvider.GetRequiredService<UserCipher>();
            var batch = await db.Set<TPlain>().OrderBy(order).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return done;
            }

            // Keys first: creating a missing key saves on its own, outside the batch's transaction.
            foreach (var userId in batch.Select(owner).Distinct())
            {
                await cipher.EnsureKeyAsync(userId, cancellationToken);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var plain in batch)
            {
                await seal(db, cipher, plain, cancellationToken);
                db.Remove(plain);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            done += batch.Count;
        }
    }
}
