using Microsoft.Extensions.Configuration;
using CampaignAdmin.Api.Data;

namespace CampaignAdmin.Bench;

/// <param name="Only">With <c>--only=NAME</c>, the one group of figures to run (<c>circuits</c>, <c>builder</c>, <c>drafts</c> in <c>dashboard</c>; <c>phases</c>, <c>create</c>, <c>multi</c>, <c>webhooks</c>, <c>whatsapp</c> in <c>api</c>).</param>
/// <param name="Database">With <c>--db postgres</c>, the API's store is a fresh database on a PostgreSQL server this run starts.</param>
/// <param name="DispatchSize">With <c>--dispatch-size=N</c>, the campaign that 1, 2 and 3 instances dispatch (100,000 by default; postgres only).</param>
internal sealed record BenchOptions(bool Quick, bool Phases, bool BigOnly = false, string? Only = null,
    DatabaseProvider Database = DatabaseProvider.Sqlite, int DispatchSize = 100_000)
{
    public int Clients => Quick ? 10_000 : 100_000;

    public int Campaigns => Quick ? 200 : 1_000;

    /// <summary>Whether the group <paramref name="name"/> runs: every group does unless <c>--only</c> names another.</summary>
    public bool Runs(string name) => Only is null || string.Equals(Only, name, StringComparison.OrdinalIgnoreCase);

    public static BenchOptions Parse(IEnumerable<string> args)
    {
        var list = args.ToList();
        var only = Value(list, "--only");
        var database = Value(list, "--db") is { } db ? CampaignDatabase.ReadProvider(new ConfigurationBuilder()
            .AddInMemoryCollection([new(CampaignDatabase.ProviderSetting, db)]).Build()) : DatabaseProvider.Sqlite;
        var size = Value(list, "--dispatch-size") is { } n ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        return new BenchOptions(list.Contains("--quick"), list.Contains("--phases"), list.Contains("--big-only"), only, database, size);
    }

    /// <summary><c>--name=value</c> or <c>--name value</c>.</summary>
    private static string? Value(List<string> args, string name)
    {
        var index = args.IndexOf(name);
        if (index >= 0 && index + 1 < args.Count) return args[index + 1];
        return args.FirstOrDefault(a => a.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..];
    }

    public static bool IsOwn(string arg) => arg is "--quick" or "--phases" or "--big-only" or "--db" or "postgres" or "sqlite" ||
        arg.StartsWith("--only=", StringComparison.Ordinal) || arg.StartsWith("--db=", StringComparison.Ordinal) ||
        arg.StartsWith("--dispatch-size=", StringComparison.Ordinal);
}
