using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignAdmin.ServiceDefaults.Data;

/// <summary>Registers a context whose PostgreSQL side is its own type (EF Core finds a context's migrations by its type).</summary>
public static class ProviderContexts
{
    /// <summary>
    /// On SQLite a factory of <typeparamref name="TDb"/>; on PostgreSQL one of <typeparamref name="TPostgres"/> (the same model under
    /// its own migrations), still served as <typeparamref name="TDb"/>, and <typeparamref name="TPostgres"/> per scope.
    /// </summary>
    public static IServiceCollection AddProviderContextFactory<TDb, TPostgres>(this IServiceCollection services, DatabaseProvider provider,
        Action<IServiceProvider, DbContextOptionsBuilder> configure)
        where TDb : DbContext
        where TPostgres : TDb
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            services.AddDbContextFactory<TDb>(configure);
            return services;
        }
        services.AddDbContextFactory<TPostgres>(configure);
        services.AddSingleton<IDbContextFactory<TDb>>(provider => new BaseTypeFactory<TDb, TPostgres>(provider.GetRequiredService<IDbContextFactory<TPostgres>>()));
        services.AddScoped<TDb>(provider => provider.GetRequiredService<TPostgres>());
        return services;
    }

    private sealed class BaseTypeFactory<TDb, TPostgres>(IDbContextFactory<TPostgres> contexts) : IDbContextFactory<TDb>
        where TDb : DbContext
        where TPostgres : TDb
    {
        public TDb CreateDbContext() => contexts.CreateDbContext();

        public async Task<TDb> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await contexts.CreateDbContextAsync(cancellationToken);
    }
}
