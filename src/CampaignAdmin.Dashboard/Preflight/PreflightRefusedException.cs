namespace CampaignAdmin.Dashboard.Preflight;

/// <summary>The create was refused by the pre-flight check run on the server side: the builder shows <see cref="Report"/>.</summary>
public sealed class PreflightRefusedException(PreflightReport report) : Exception(report.BlockReason)
{
    public PreflightReport Report { get; } = report;
}
