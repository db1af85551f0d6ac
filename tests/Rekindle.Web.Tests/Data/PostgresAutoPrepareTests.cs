using Npgsql;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Tests.Data;

/// <summary>On PostgreSQL the app asks Npgsql to prepare repeated statements, unless the operator said otherwise.</summary>
public sealed class PostgresAutoPrepareTests
{
    [Fact]
    public void A_connection_string_without_the_setting_gets_automatic_preparation_and_keeps_the_rest()
    {
        var settings = new NpgsqlConnectionStringBuilder(Database.WithAutoPrepare("Host=db.internal;Port=6543;Username=rekindle;Password=s3cret;Database=rekindle"));

        Assert.Equal(64, settings.MaxAutoPrepare);
        Assert.Equal(2, settings.AutoPrepareMinUsages);
        Assert.Equal(("db.internal", 6543, "rekindle", "s3cret", "rekindle"), (settings.Host, settings.Port, settings.Username, settings.Password, settings.Database));
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;max auto prepare=10", 10)]
    [InlineData("Host=db;MaxAutoPrepare=5", 5)]
    public void An_operators_own_setting_wins(string connectionString, int expected)
    {
        Assert.Equal(connectionString, Database.WithAutoPrepare(connectionString));
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(connectionString).MaxAutoPrepare);
    }
}
