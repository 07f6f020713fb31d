using CampaignAdmin.Api.Campaigns;
using CampaignAdmin.Api.Data;
using CampaignAdmin.Api.Sending;
using CampaignAdmin.ServiceDefaults.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CampaignAdmin.Api.Hosting;

/// <summary>
/// What <c>/health/ready</c> (<see cref="HealthEndpoints"/>) waits for in the API: the database answers with every migration
/// applied, the dispatcher (where enabled) is running, and the create path is warm (<see cref="CreateWarmUp"/> done, stepped
/// aside for a real create, or switched off), so a load balancer or an orchestrator's readiness probe sends no traffic to a
/// process whose first big create would pay for JIT. Both endpoints are outside <c>/v2</c>'s key and rate limit.
/// </summary>
public static class ApiHealth
{
    public static IServiceCollection AddApiHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<MigratedDatabaseCheck<CampaignDb>>("campaigns database", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<DispatcherCheck>("dispatcher", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<WarmUpCheck>("create warm-up", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }

    /// <summary>Unhealthy once the dispatcher's loop has ended while the host runs: nothing would be sent.</summary>
    private sealed class DispatcherCheck(IEnumerable<IHostedService> services, IOptions<DispatcherOptions> options, IHostApplicationLifetime lifetime) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var dispatcher = services.OfType<Dispatcher>().SingleOrDefault();
            var stopped = options.Value.Enabled && dispatcher?.ExecuteTask is { IsCompleted: true } && !lifetime.ApplicationStopping.IsCancellationRequested;
            return Task.FromResult(stopped ? HealthCheckResult.Unhealthy("the dispatcher has stopped") : HealthCheckResult.Healthy());
        }
    }

    private sealed class WarmUpCheck(WarmUpState state) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(state.IsWarm ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("warming up"));
    }
}
