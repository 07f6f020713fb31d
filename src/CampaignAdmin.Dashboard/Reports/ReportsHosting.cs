namespace CampaignAdmin.Dashboard.Reports;

public static class ReportsHosting
{
    /// <summary>The store behind import downloads (rejected rows).</summary>
    public static IServiceCollection AddReports(this IServiceCollection services) => services.AddSingleton<DownloadStore>();
}
