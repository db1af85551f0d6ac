using Npgsql;
using Rekindle.Web.Infrastructure;

namespace Rekindle.Web.Tests.Data;

/// <summary>
/// On PostgreSQL the app asks Npgsql to prepare repeated statements and not to reset pooled connections, unless the
/// operator's connection string says otherwise.
/// </summary>
public sealed class PostgresAutoPrepareTests
{
    [Fact]
    public void A_connection_string_without_the_settings_gets_them_and_keeps_the_rest()
    {
        var settings = new NpgsqlConnectionStringBuilder(Database.WithPoolDefaults("Host=db.internal;Port=6543;Username=rekindle;Password=s3cret;Database=rekindle"));

        Assert.Equal(64, settings.MaxAutoPrepare);
        Assert.Equal(2, settings.AutoPrepareMinUsages);
        Assert.True(settings.NoResetOnClose);
        Assert.Equal(("db.internal", 6543, "rekindle", "s3cret", "rekindle"), (settings.Host, settings.Port, settings.Username, settings.Password, settings.Database));
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;max auto prepare=10", 10)]
    [InlineData("Host=db;MaxAutoPrepare=5", 5)]
    public void An_operators_own_preparation_setting_wins(string connectionString, int expected)
    {
        var settings = new NpgsqlConnectionStringBuilder(Database.WithPoolDefaults(connectionString));

        Assert.Equal(expected, settings.MaxAutoPrepare);
        Assert.True(settings.NoResetOnClose);
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false")]
    [InlineData("Host=db;noresetonclose=False")]
    public void An_operators_own_reset_setting_wins(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(Database.WithPoolDefaults(connectionString));

        Assert.False(settings.NoResetOnClose);
        Assert.Equal(64, settings.MaxAutoPrepare);
    }
}
