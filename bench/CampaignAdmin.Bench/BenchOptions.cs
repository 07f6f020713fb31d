namespace CampaignAdmin.Bench;

internal sealed record BenchOptions(bool Quick, bool Phases, bool BigOnly = false)
{
    public int Clients => Quick ? 10_000 : 100_000;

    public int Campaigns => Quick ? 200 : 1_000;

    public static BenchOptions Parse(IEnumerable<string> args)
    {
        var list = args.ToList();
        return new BenchOptions(list.Contains("--quick"), list.Contains("--phases"), list.Contains("--big-only"));
    }

    public static bool IsOwn(string arg) => arg is "--quick" or "--phases" or "--big-only";
}
