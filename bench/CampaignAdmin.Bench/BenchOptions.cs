namespace CampaignAdmin.Bench;

/// <param name="Only">With <c>--only=NAME</c>, the one group of figures to run (<c>circuits</c>, <c>builder</c> in <c>dashboard</c>; <c>phases</c>, <c>create</c> in <c>api</c>).</param>
internal sealed record BenchOptions(bool Quick, bool Phases, bool BigOnly = false, string? Only = null)
{
    public int Clients => Quick ? 10_000 : 100_000;

    public int Campaigns => Quick ? 200 : 1_000;

    /// <summary>Whether the group <paramref name="name"/> runs: every group does unless <c>--only</c> names another.</summary>
    public bool Runs(string name) => Only is null || string.Equals(Only, name, StringComparison.OrdinalIgnoreCase);

    public static BenchOptions Parse(IEnumerable<string> args)
    {
        var list = args.ToList();
        var only = list.FirstOrDefault(a => a.StartsWith("--only=", StringComparison.Ordinal))?["--only=".Length..];
        return new BenchOptions(list.Contains("--quick"), list.Contains("--phases"), list.Contains("--big-only"), only);
    }

    public static bool IsOwn(string arg) => arg is "--quick" or "--phases" or "--big-only" || arg.StartsWith("--only=", StringComparison.Ordinal);
}
