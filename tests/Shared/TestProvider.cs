namespace CampaignAdmin.Tests.Shared;

/// <summary>Which database this run tests: <c>CAMPAIGNADMIN_TEST_DATABASE</c> = <c>Sqlite</c> (the default) or <c>Postgres</c>.</summary>
public static class TestProvider
{
    public const string Variable = "CAMPAIGNADMIN_TEST_DATABASE";

    public static bool IsPostgres { get; } =
        string.Equals(Environment.GetEnvironmentVariable(Variable), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The <c>Database:Provider</c> value for this run.</summary>
    public static string Name => IsPostgres ? "Postgres" : "Sqlite";
}
