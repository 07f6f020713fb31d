using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CampaignAdmin.Dashboard.Approvals;

public static class ApprovalHosting
{
    /// <summary>The approval flow's services; <c>Approvals:Required</c> from the host's configuration when it has one (bUnit has none: off).</summary>
    public static IServiceCollection AddApprovals(this IServiceCollection services)
    {
        services.AddOptions<ApprovalOptions>().Configure<IServiceProvider>((options, provider) =>
            provider.GetService<IConfiguration>()?.GetSection(ApprovalOptions.Section).Bind(options));
        services.TryAddSingleton<IApprovalStore, DbApprovalStore>();
        services.TryAddScoped<IApprovalPreflight, NoPreflight>();
        services.AddScoped<ApprovalPolicy>();
        services.AddScoped<ApprovalActions>();
        return services;
    }
}
