using CampaignAdmin.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace CampaignAdmin.Api.Sending.Sandbox;

/// <summary><c>Messaging:Provider</c> = <c>Sandbox</c>: the built-in provider, its settings, its tables and its receipts.</summary>
public static class SandboxServices
{
    public static IServiceCollection AddSandboxProvider(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SandboxOptions>(configuration.GetSection(SandboxOptions.Section));
        services.AddCampaignContext<SandboxDb, PostgresSandboxDb>(CampaignDatabase.ReadProvider(configuration), SandboxDb.MigrationsHistoryTable);
        services.AddSingleton<SandboxReceipts>();
        services.AddSingleton<IMessageProvider, SandboxProvider>();

        // Its tables exist before anything sends.
        services.AddHostedService<SandboxDatabase>();
        services.AddHostedService(provider => provider.GetRequiredService<SandboxReceipts>());
        return services;
    }

    /// <summary>Creates or migrates the sandbox's tables on start.</summary>
    private sealed class SandboxDatabase(IDbContextFactory<SandboxDb> contexts) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.MigrateSchemaAsync(cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
