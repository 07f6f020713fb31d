namespace CampaignAdmin.E2E;

/// <summary>
/// A test that runs only when <paramref name="variable"/> is <c>1</c>, and otherwise shows as skipped with the reason
/// (rather than passing without having run).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OptInFactAttribute : FactAttribute
{
    public OptInFactAttribute(string variable, string why)
    {
        if (Environment.GetEnvironmentVariable(variable) != "1") Skip = $"Opt-in: set {variable}=1 to run it. {why}";
    }
}
