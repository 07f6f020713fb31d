using CampaignAdmin.Dashboard.Identity;

namespace CampaignAdmin.Dashboard.Live.Postgres;

public static class LiveRelayHosting
{
    /// <summary>On PostgreSQL, live updates between the dashboard instances on the database; on SQLite (one dashboard) nothing.</summary>
    public static IServiceCollection AddLiveRelay(this IServiceCollection services, DashboardStore store)
    {
        if (!store.IsPostgres) return services;
        services.AddSingleton<PostgresLiveRelay>();
        services.AddHostedService(provider => provider.GetRequiredService<PostgresLiveRelay>());
        return services;
    }
}
